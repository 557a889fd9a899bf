import * as pulumi from "@pulumi/pulumi";
// In your own project: import { ... } from "pulumi-cloudflare-user-invites";
import {
  DEFAULT_EXPIRY_WINDOW_DAYS,
  findExpiringInvites,
  UserInvites,
  UserMemberships,
} from "../../provider";
import { OrganizationAccessReview } from "./accessReview";

/**
 * The example stack. Pulumi calls the exported function and uses what it returns as the stack
 * outputs (the same as top-level `export const`s, but runnable more than once in one process).
 */
async function stack() {
  const config = new pulumi.Config();
  const expiringWithinDays = config.getNumber("expiringWithinDays") ?? DEFAULT_EXPIRY_WINDOW_DAYS;

  // Read on every `pulumi preview` and `pulumi up`; credentials come from `cloudflare:apiToken`
  // (pulumi config set --secret cloudflare:apiToken ...) or CLOUDFLARE_API_TOKEN.
  const invites = new UserInvites("my-invites");
  // The accounts this user already belongs to, and its own two-factor status (the token also
  // needs User > User Details > Read for this one).
  const access = new UserMemberships("my-access");

  // Another resource consuming ids from both reads' outputs: Pulumi orders it after them. An
  // organization an invitation leads into and an account the user belongs to are the same kind of
  // thing, so one review covers both, each id once.
  const review = new OrganizationAccessReview("two-factor-review", {
    organizationIds: pulumi
      .all([invites.organizationsNotEnforcingTwoFactor, access.accountsNotEnforcingTwoFactor])
      .apply(([organizations, accounts]) =>
        [
          ...new Set([...organizations.map((o) => o.organizationId), ...accounts.map((a) => a.accountId)]),
        ].sort(),
      ),
  });

  return {
    /** Organizations that are waiting for this user to accept an invite. */
    pendingOrganizationIds: invites.pendingOrganizationIds,
    /** Organizations this user is invited to (or belongs to) that do not enforce two-factor authentication. */
    organizationsNotEnforcingTwoFactor: invites.organizationsNotEnforcingTwoFactor,
    /** Pending invites that expire within `expiringWithinDays`, soonest first. */
    invitesExpiringSoon: invites.invites.apply((list) =>
      findExpiringInvites(list, expiringWithinDays, new Date()).map(({ invite }) => ({
        organizationId: invite.organizationId,
        organizationName: invite.organizationName ?? invite.organizationId,
        expiresOn: invite.expiresOn,
      })),
    ),
    /** How many invites have each status. */
    inviteCountByStatus: invites.inviteCountByStatus,
    /** Accounts this user belongs to. */
    acceptedAccountIds: access.accountIdsByStatus.apply((byStatus) => byStatus["accepted"] ?? []),
    /** Accounts this user belongs to that do not enforce two-factor authentication (or do not say). */
    accountsNotEnforcingTwoFactor: access.accountsNotEnforcingTwoFactor,
    /** Whether this user has two-factor authentication turned on. */
    twoFactorAuthenticationEnabled: access.twoFactorAuthenticationEnabled,
    /** What the review asks for, one line per organization. */
    twoFactorReviewChecklist: review.checklist,
  };
}

export = stack;
