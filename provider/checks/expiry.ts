import type { Invite } from "../cloudflare/invite";
import { DAY_MS } from "../core/limits";
import { describeOrganization } from "./describe";

/**
 * Pending invites that are about to lapse, or already have: an advisory view, used by the
 * resource's outputs, the advisory policy, `audit` and the example stack, with one default window.
 */

/** How many days ahead "expiring soon" looks when nobody says. */
export const DEFAULT_EXPIRY_WINDOW_DAYS = 7;

/** A pending invite about to lapse: advisory, not a violation. */
export interface ExpiringInviteNotice {
  readonly invite: Invite;
  /** Days left, rounded to the nearest whole day (0: less than half a day). */
  readonly daysLeft: number;
  readonly message: string;
}

/** Pending invites that expire between `now` and `now + days` (not those already past expiry). */
export function pendingInvitesExpiringWithin(invites: readonly Invite[], days: number, now: Date): Invite[] {
  const limit = now.getTime() + days * DAY_MS;
  return invites.filter((invite) => {
    if (invite.status !== "pending" || invite.expiresOn === undefined) return false;
    const expires = Date.parse(invite.expiresOn);
    return expires >= now.getTime() && expires <= limit;
  });
}

/** Pending invites whose `expiresOn` has passed: they can no longer be accepted. */
export function pendingInvitesPastExpiry(invites: readonly Invite[], now: Date): Invite[] {
  return invites.filter(
    (invite) =>
      invite.status === "pending" &&
      invite.expiresOn !== undefined &&
      Date.parse(invite.expiresOn) < now.getTime(),
  );
}

/** Pending invites that expire within `days` of `now`, soonest first, each with a message. */
export function findExpiringInvites(
  invites: readonly Invite[],
  days: number = DEFAULT_EXPIRY_WINDOW_DAYS,
  now: Date = new Date(),
): ExpiringInviteNotice[] {
  return pendingInvitesExpiringWithin(invites, days, now)
    .sort((a, b) => Date.parse(a.expiresOn ?? "") - Date.parse(b.expiresOn ?? ""))
    .map((invite) => {
      const daysLeft = Math.round((Date.parse(invite.expiresOn ?? "") - now.getTime()) / DAY_MS);
      const when = daysLeft === 0 ? "within a day" : `in ${daysLeft} day${daysLeft === 1 ? "" : "s"}`;
      return {
        invite,
        daysLeft,
        message:
          `Pending invite ${invite.id ?? "(no id)"} into ${describeOrganization(invite)} expires ${when} ` +
          `(${invite.expiresOn}): accept or reject it before then, or ask for a new one.`,
      };
    });
}
