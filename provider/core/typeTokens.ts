/**
 * The Pulumi type tokens this package registers. Plain strings in a module of their own, so that
 * policies match on them without loading `@pulumi/pulumi`.
 */

/** The type token of `UserInvites`: match on it in policies (`isType` does not see dynamic resources). */
export const USER_INVITES_TYPE = "pulumi-nodejs:dynamic/cloudflare:UserInvites";

/**
 * The type token of `UserInvitesPolicyView`: policies match on it, or on {@link USER_INVITES_TYPE}
 * where the resource itself is in the stack they are given.
 */
export const USER_INVITES_POLICY_VIEW_TYPE = "cloudflare-user-invites:policy:UserInvitesPolicyView";
