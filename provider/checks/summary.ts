import { KNOWN_INVITE_STATUSES, type Invite } from "../cloudflare/invite";
import {
  KNOWN_MEMBERSHIP_STATUSES,
  type Membership,
  type UserTwoFactorStatus,
} from "../cloudflare/membership";
import { pendingInvitesPastExpiry } from "./expiry";
import {
  accountsNotEnforcingTwoFactor,
  organizationsNotEnforcingTwoFactor,
  type AccountNotEnforcingTwoFactor,
  type OrganizationNotEnforcingTwoFactor,
} from "./twoFactor";

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
  const { counts, ids } = byStatus(
    invites,
    KNOWN_INVITE_STATUSES,
    ["pending"],
    (invite) => invite.organizationId,
  );
  return {
    pendingOrganizationIds: ids["pending"] ?? [],
    organizationsNotEnforcingTwoFactor: organizationsNotEnforcingTwoFactor(invites),
    inviteCountByStatus: counts,
    pendingInvitesPastExpiry: pendingInvitesPastExpiry(invites, now),
  };
}

/** The summary outputs of a `UserMemberships` read. */
export interface MembershipSummary {
  /** Account ids by membership status (`accepted`, `pending`, `rejected` always present), sorted, without repeats. */
  readonly accountIdsByStatus: Readonly<Record<string, readonly string[]>>;
  /** Accounts of accepted memberships that do not (or may not) enforce two-factor authentication. */
  readonly accountsNotEnforcingTwoFactor: readonly AccountNotEnforcingTwoFactor[];
  /** How many memberships have each status; the three documented statuses are always present. */
  readonly membershipCountByStatus: Readonly<Record<string, number>>;
  /** Whether the user has two-factor authentication turned on (`GET /user`). */
  readonly twoFactorAuthenticationEnabled: boolean;
  /** Whether one of the user's accounts requires it, so the user cannot turn it off. */
  readonly twoFactorAuthenticationLocked: boolean;
}

/** Computes every summary output from an ordered list of memberships and the user's status. */
export function summarizeMemberships(
  memberships: readonly Membership[],
  user: UserTwoFactorStatus,
): MembershipSummary {
  const { counts, ids } = byStatus(
    memberships,
    KNOWN_MEMBERSHIP_STATUSES,
    KNOWN_MEMBERSHIP_STATUSES,
    (m) => m.accountId,
  );
  return {
    accountIdsByStatus: ids,
    accountsNotEnforcingTwoFactor: accountsNotEnforcingTwoFactor(memberships),
    membershipCountByStatus: counts,
    twoFactorAuthenticationEnabled: user.twoFactorAuthenticationEnabled,
    twoFactorAuthenticationLocked: user.twoFactorAuthenticationLocked,
  };
}

/**
 * How many items have each status (the documented ones always present; no status counts as
 * `unknown`), and the sorted, distinct account ids of the statuses in `idsOf` (only those: an
 * invitations read needs the pending ones alone).
 */
function byStatus<Item extends { readonly status?: string | undefined }>(
  items: readonly Item[],
  documented: readonly string[],
  idsOf: readonly string[],
  accountOf: (item: Item) => string,
): { counts: Record<string, number>; ids: Record<string, string[]> } {
  const counts: Record<string, number> = {};
  for (const status of documented) counts[status] = 0;
  const accounts = new Map(idsOf.map((status) => [status, new Set<string>()]));
  for (const item of items) {
    const status = item.status ?? "unknown";
    counts[status] = (counts[status] ?? 0) + 1;
    accounts.get(status)?.add(accountOf(item));
  }
  const ids: Record<string, string[]> = {};
  for (const [status, set] of accounts) ids[status] = [...set].sort();
  return { counts, ids };
}
