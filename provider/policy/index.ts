/**
 * `pulumi-cloudflare-user-invites/policy`: the CrossGuard rules, for a user's own `PolicyPack`.
 * Needs `@pulumi/policy` in the pack (an optional peer dependency of this package).
 */
export {
  expiringInvitesPolicy,
  membershipsTwoFactorPolicy,
  twoFactorPolicy,
  userAccessPolicies,
  userInvitesPolicies,
  userMembershipsPolicies,
  userTwoFactorPolicy,
} from "./rules";
export type {
  ExpiringInvitesPolicyConfig,
  MembershipsTwoFactorPolicyConfig,
  TwoFactorPolicyConfig,
} from "./rules";
export { readInvitesOutput, readMembershipsOutput, readTwoFactorEnabledOutput } from "./outputs";
export type { InvitesOutput, KnownOutput } from "./outputs";
