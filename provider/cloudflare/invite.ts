/**
 * The public shape of one invitation, and the values its fields take. No zod here: the views, the
 * policy rules and the command line use these without loading the wire schema.
 */

/** The statuses Cloudflare documents today. */
export const KNOWN_INVITE_STATUSES = ["pending", "accepted", "rejected", "expired"] as const;

/** Statuses older organization invites carried; still accepted as filter values. */
export const LEGACY_INVITE_STATUSES = ["canceled", "left"] as const;

/** Every status a filter, the policy or the audit may name: the documented ones and the legacy ones. */
export const FILTERABLE_STATUSES = [...KNOWN_INVITE_STATUSES, ...LEGACY_INVITE_STATUSES] as const;

/** A status a filter may name. */
export type FilterableStatus = (typeof FILTERABLE_STATUSES)[number];

/**
 * An invite's status: one of the documented values, or whatever string Cloudflare sent
 * (kept as it is, so a new status never breaks a read).
 */
export type InviteStatus = (typeof KNOWN_INVITE_STATUSES)[number] | (string & {});

/**
 * A Cloudflare organization (account) id: 32 lowercase hex characters, as in the dashboard's URL.
 * The policy pack's config schema uses its `source`.
 */
export const ORGANIZATION_ID_PATTERN = /^[0-9a-f]{32}$/;

/** One invitation to join a Cloudflare organization, as exposed to Pulumi programs. */
export interface Invite {
  /** Invite identifier. Absent only if Cloudflare omits it. */
  readonly id?: string;
  /** The organization (account) the invite is for. Always present. */
  readonly organizationId: string;
  /** The organization's display name. */
  readonly organizationName?: string;
  /** The invited member's id; `null` until the invite is accepted. */
  readonly invitedMemberId: string | null;
  /** The invited member's email address. */
  readonly invitedMemberEmail?: string;
  /** Email of the user who sent the invite. */
  readonly invitedBy?: string;
  /** When the invite was sent, as Cloudflare wrote it (ISO 8601). */
  readonly invitedOn?: string;
  /** When the invite stops being active (ISO 8601). */
  readonly expiresOn?: string;
  /** Whether the organization enforces two-factor authentication; absent when Cloudflare does not say. */
  readonly organizationIsEnforcingTwoFactor?: boolean;
  /** Role names granted by the invite; empty when none are listed. */
  readonly roles: readonly string[];
  /** `pending`, `accepted`, `rejected`, `expired`, or another string Cloudflare sent. */
  readonly status?: InviteStatus;
}
