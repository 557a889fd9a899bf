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

/** The provider plugin's package (for Pulumi YAML, Python, Go and C#): its tokens begin with it. */
export const PLUGIN_PACKAGE = "cloudflare-user-invites";

/** The plugin's resource, a plain custom resource: policies see it as any stack resource. */
export const PLUGIN_RESOURCE_TOKEN = `${PLUGIN_PACKAGE}:index:UserInvites`;

/** The plugin's function (`fn::invoke` in YAML). */
export const PLUGIN_FUNCTION_TOKEN = `${PLUGIN_PACKAGE}:index:getUserInvites`;

/** Every resource type whose `invites` output is a read of the user's invitations. */
export const USER_INVITES_READ_TYPES: readonly string[] = [USER_INVITES_TYPE, PLUGIN_RESOURCE_TOKEN];

/** The type token of `UserMemberships`. */
export const USER_MEMBERSHIPS_TYPE = "pulumi-nodejs:dynamic/cloudflare:UserMemberships";

/** The type token of `UserMembershipsPolicyView`, what policies see of a `UserMemberships` read. */
export const USER_MEMBERSHIPS_POLICY_VIEW_TYPE = "cloudflare-user-invites:policy:UserMembershipsPolicyView";

/** The plugin's memberships resource. */
export const PLUGIN_MEMBERSHIPS_RESOURCE_TOKEN = `${PLUGIN_PACKAGE}:index:UserMemberships`;

/** The plugin's memberships function. */
export const PLUGIN_MEMBERSHIPS_FUNCTION_TOKEN = `${PLUGIN_PACKAGE}:index:getUserMemberships`;

/** Every resource type whose `memberships` output is a read of the user's memberships. */
export const USER_MEMBERSHIPS_READ_TYPES: readonly string[] = [
  USER_MEMBERSHIPS_TYPE,
  PLUGIN_MEMBERSHIPS_RESOURCE_TOKEN,
];
