/**
 * `pulumi-cloudflare-user-invites/policy`: the CrossGuard rules, for a user's own `PolicyPack`.
 * Needs `@pulumi/policy` in the pack (an optional peer dependency of this package).
 */
export { expiringInvitesPolicy, twoFactorPolicy, userInvitesPolicies } from "./rules";
export type { ExpiringInvitesPolicyConfig, TwoFactorPolicyConfig } from "./rules";
export { readInvitesOutput } from "./invitesOutput";
export type { InvitesOutput } from "./invitesOutput";
