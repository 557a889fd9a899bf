/** `pulumi-cloudflare-user-invites`: the public API, re-exported by name. */
export {
  DEFAULT_AUDITED_STATUSES,
  describeInvite,
  findExpiringInvites,
  findTwoFactorViolations,
  readInvitesOutput,
} from "./audit";
export type { ExpiringInviteNotice, InvitesOutput, TwoFactorRuleConfig, TwoFactorViolation } from "./audit";
export { listUserInvites } from "./client";
export type { ListUserInvitesOptions } from "./client";
export { DEFAULTS } from "./defaults";
export {
  CloudflareApiError,
  CloudflareConfigError,
  CloudflareInvitesError,
  CloudflareNetworkError,
  CloudflareResponseError,
} from "./errors";
export type { ApiErrorDetail } from "./errors";
export { FILTERABLE_STATUSES } from "./filters";
export type { InviteFilters } from "./filters";
export { getUserInvites, getUserInvitesOutput } from "./invoke";
export type { GetUserInvitesArgs, GetUserInvitesOutputArgs, GetUserInvitesResult } from "./invoke";
export { UserInvitesProvider, USER_INVITES_ID } from "./provider";
export type { UserInvitesOutputs } from "./runtime";
export { KNOWN_INVITE_STATUSES } from "./schema";
export type { Invite, InviteStatus } from "./schema";
export { organizationsWithoutTwoFactor, pendingInvitesExpiringWithin, summarizeInvites } from "./summary";
export type { InviteSummary, OrganizationWithoutTwoFactor } from "./summary";
export { UserInvites, USER_INVITES_TYPE } from "./userInvites";
export { UserInvitesPolicyView, USER_INVITES_POLICY_VIEW_TYPE } from "./policyView";
export type { UserInvitesArgs } from "./userInvites";
