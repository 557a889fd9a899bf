import { KNOWN_INVITE_STATUSES, type Invite } from "./schema";

/**
 * Views derived from a list of invites, shared by the resource's outputs, the policy pack and the
 * audit command so that all three always agree. Pure functions of the list and a clock.
 */

/** An organization reached by an invite that does not enforce two-factor auth. */
export interface OrganizationWithoutTwoFactor {
  readonly organizationId: string;
  /** The organization's name, when Cloudflare gave one. */
  readonly organizationName?: string;
  /** `false`: the organization does not enforce 2FA; `null`: Cloudflare did not say. */
  readonly enforcesTwoFactor: false | null;
}

/** The summary outputs of a `UserInvites` read. */
export interface InviteSummary {
  /** Ids of organizations with at least one pending invite, sorted, without repeats. */
  readonly pendingOrganizationIds: readonly string[];
  /** Organizations with an invite whose organization does not (or may not) enforce two-factor auth. */
  readonly organizationsNotEnforcingTwoFactor: readonly OrganizationWithoutTwoFactor[];
  /** How many invites have each status; the four documented statuses are always present. */
  readonly inviteCountByStatus: Readonly<Record<string, number>>;
  /** Pending invites whose `expiresOn` is already in the past: they can no longer be accepted. */
  readonly pendingInvitesPastExpiry: readonly Invite[];
}

/** Computes every summary output from an ordered list of invites, at time `now`. */
export function summarizeInvites(invites: readonly Invite[], now: Date): InviteSummary {
  const inviteCountByStatus: Record<string, number> = {};
  for (const status of KNOWN_INVITE_STATUSES) inviteCountByStatus[status] = 0;
  for (const invite of invites) {
    const status = invite.status ?? "unknown";
    inviteCountByStatus[status] = (inviteCountByStatus[status] ?? 0) + 1;
  }
  const pending = invites.filter((i) => i.status === "pending");
  return {
    pendingOrganizationIds: [...new Set(pending.map((i) => i.organizationId))].sort(),
    organizationsNotEnforcingTwoFactor: organizationsWithoutTwoFactor(invites),
    inviteCountByStatus,
    pendingInvitesPastExpiry: pending.filter((i) => isPast(i.expiresOn, now)),
  };
}

/**
 * One entry per organization whose invites say it does not enforce two-factor auth, or do not say
 * at all (the field is missing from pre-2024 invites): unknown is reported, never assumed safe.
 * An organization reported as enforcing by any invite counts as enforcing.
 */
export function organizationsWithoutTwoFactor(invites: readonly Invite[]): OrganizationWithoutTwoFactor[] {
  const byOrganization = new Map<string, OrganizationWithoutTwoFactor | "enforcing">();
  for (const invite of invites) {
    const known = byOrganization.get(invite.organizationId);
    if (invite.organizationIsEnforcingTwoFactor === true) {
      byOrganization.set(invite.organizationId, "enforcing");
      continue;
    }
    if (known === "enforcing" || known?.enforcesTwoFactor === false) continue;
    const entry: { -readonly [K in keyof OrganizationWithoutTwoFactor]: OrganizationWithoutTwoFactor[K] } = {
      organizationId: invite.organizationId,
      enforcesTwoFactor: invite.organizationIsEnforcingTwoFactor === false ? false : null,
    };
    const name = invite.organizationName ?? (known === undefined ? undefined : known.organizationName);
    if (name !== undefined) entry.organizationName = name;
    byOrganization.set(invite.organizationId, entry);
  }
  return [...byOrganization.values()]
    .filter((entry): entry is OrganizationWithoutTwoFactor => entry !== "enforcing")
    .sort((a, b) => (a.organizationId < b.organizationId ? -1 : a.organizationId > b.organizationId ? 1 : 0));
}

/** Pending invites that expire between `now` and `now + days` (not those already past expiry). */
export function pendingInvitesExpiringWithin(invites: readonly Invite[], days: number, now: Date): Invite[] {
  const limit = now.getTime() + days * 86_400_000;
  return invites.filter((invite) => {
    if (invite.status !== "pending" || invite.expiresOn === undefined) return false;
    const expires = Date.parse(invite.expiresOn);
    return expires >= now.getTime() && expires <= limit;
  });
}

function isPast(date: string | undefined, now: Date): boolean {
  return date !== undefined && Date.parse(date) < now.getTime();
}
