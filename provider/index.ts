/** `pulumi-cloudflare-user-invites`: the public API, re-exported by name. */

// The Pulumi resource, its invokes and its provider.
export { UserInvites, USER_INVITES_TYPE } from "./pulumi/userInvites";
export type { UserInvitesArgs } from "./pulumi/userInvites";
export { getUserInvites, getUserInvitesOutput } from "./pulumi/invoke";
export type { GetUserInvitesArgs, GetUserInvitesOutputArgs, GetUserInvitesResult } from "./pulumi/invoke";
export { UserInvitesProvider, USER_INVITES_ID } from "./pulumi/provider";
export type { UserInvitesOutputs } from "./pulumi/runtime";
export { UserInvitesPolicyView, USER_INVITES_POLICY_VIEW_TYPE } from "./pulumi/policyView";

// The Cloudflare client, usable without Pulumi.
export { listUserInvites } from "./cloudflare/client";
export type { ListUserInvitesOptions } from "./cloudflare/options";
export { DEFAULTS } from "./cloudflare/defaults";
export type { InviteFilters } from "./cloudflare/filters";
export { FILTERABLE_STATUSES, KNOWN_INVITE_STATUSES, ORGANIZATION_ID_PATTERN } from "./cloudflare/invite";
export type { Invite, InviteStatus } from "./cloudflare/invite";

// Errors, by kind.
export {
  CloudflareApiError,
  CloudflareAuthenticationError,
  CloudflareConfigError,
  CloudflareInvitesError,
  CloudflareNetworkError,
  CloudflareNotFoundError,
  CloudflarePermissionError,
  CloudflareRateLimitError,
  CloudflareResponseError,
  CloudflareServerError,
  CloudflareTimeoutError,
  isCloudflareInvitesError,
} from "./core/errors";
export type { ApiErrorDetail, CloudflareInvitesErrorKind } from "./core/errors";

// Views of a list of invites: what the outputs, the policy pack and `audit` are made of.
export { summarizeInvites } from "./views/summary";
export type { InviteSummary } from "./views/summary";
export {
  DEFAULT_TWO_FACTOR_STATUSES,
  findTwoFactorViolations,
  organizationsNotEnforcingTwoFactor,
} from "./views/twoFactor";
export type {
  OrganizationNotEnforcingTwoFactor,
  TwoFactorCheck,
  TwoFactorViolation,
} from "./views/twoFactor";
export {
  DEFAULT_EXPIRY_WINDOW_DAYS,
  findExpiringInvites,
  pendingInvitesExpiringWithin,
  pendingInvitesPastExpiry,
} from "./views/expiry";
export type { ExpiringInviteNotice } from "./views/expiry";
export { describeInvite } from "./views/describe";
