/**
 * The public shapes of a membership (the user's access to an account, once an invitation is
 * accepted) and of the user's own two-factor status. No zod here, as for `Invite`.
 */

/** The membership statuses Cloudflare documents, and the values the `statuses` filter takes. */
export const KNOWN_MEMBERSHIP_STATUSES = ["accepted", "pending", "rejected"] as const;

/** A status a membership filter may name. */
export type MembershipFilterStatus = (typeof KNOWN_MEMBERSHIP_STATUSES)[number];

/** A membership's status: a documented one, or whatever string Cloudflare sent. */
export type MembershipStatus = MembershipFilterStatus | (string & {});

/** The statuses of a membership that gives access: what the two-factor checks count. */
export const ACCESS_MEMBERSHIP_STATUSES: readonly MembershipStatus[] = ["accepted"];

/** The user's membership of one Cloudflare account, as exposed to Pulumi programs. */
export interface Membership {
  /** Membership identifier. Absent only if Cloudflare omits it. */
  readonly id?: string;
  /** The account (organization) the membership is of. Always present. */
  readonly accountId: string;
  /** The account's display name. */
  readonly accountName?: string;
  /** Whether the account enforces two-factor authentication; absent when Cloudflare does not say. */
  readonly accountIsEnforcingTwoFactor?: boolean;
  /** `accepted`, `pending`, `rejected`, or another string Cloudflare sent. */
  readonly status?: MembershipStatus;
  /** Role names the user holds in the account; empty when none are listed. */
  readonly roles: readonly string[];
  /** Granted permissions as `<area>:read` / `<area>:write` (e.g. `dns_records:read`), sorted. */
  readonly permissions: readonly string[];
}

/** The user's own two-factor authentication status (`GET /user`). */
export interface UserTwoFactorStatus {
  /** Whether the user has two-factor authentication turned on. */
  readonly twoFactorAuthenticationEnabled: boolean;
  /** Whether one of the user's accounts requires it, so the user cannot turn it off. */
  readonly twoFactorAuthenticationLocked: boolean;
}
