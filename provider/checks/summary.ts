import { KNOWN_INVITE_STATUSES, type Invite } from "../cloudflare/invite";
import { pendingInvitesPastExpiry } from "./expiry";
import { organizationsNotEnforcingTwoFactor, type OrganizationNotEnforcingTwoFactor } from "./twoFactor";

/**
 * The summary outputs of a read, computed from the invites with the same views the policy pack and
 * the audit command use, so that all three always agree. Pure functions of the list and a clock.
 */

/** The summary outputs of a `UserInvites` read. */
export interface InviteSummary {
  /** Ids of organizations with at least one pending invite, sorted, without repeats. */
  readonly pendingOrganizationIds: readonly string[];
  /**
   * Organizations reached by a pending or accepted invite that do not (or may not) enforce
   * two-factor authentication: what the policy pack and `audit` flag by default.
   */
  readonly organizationsNotEnforcingTwoFactor: readonly OrganizationNotEnforcingTwoFactor[];
  /** How many invites have each status; the four documented statuses are always present. */
  readonly inviteCountByStatus: Readonly<Record<string, number>>;
  /** Pending invites whose `expiresOn` is already in the past: they can no longer be accepted. */
  readonly pendingInvitesPastExpiry: readonly Invite[];
}

/** Computes every summary output from an ordered list of invites, at time `now`. */
export function summarizeInvites(invites: readonly Invite[], now: Date): InviteSummary {
  const inviteCountByStatus: Record<string, number> = {};
  for (const status of KNOWN_INVITE_STATUSES) inviteCountByStatus[status] = 0;
  const pendingOrganizations = new Set<string>();
  for (const invite of invites) {
    const status = invite.status ?? "unknown";
    inviteCountByStatus[status] = (inviteCountByStatus[status] ?? 0) + 1;
    if (status === "pending") pendingOrganizations.add(invite.organizationId);
  }
  return {
    pendingOrganizationIds: [...pendingOrganizations].sort(),
    organizationsNotEnforcingTwoFactor: organizationsNotEnforcingTwoFactor(invites),
    inviteCountByStatus,
    pendingInvitesPastExpiry: pendingInvitesPastExpiry(invites, now),
  };
}
