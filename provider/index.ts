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
export type { ListUserInvitesOptions } from "./cloudflare/client";
export type { HttpDispatcher } from "./cloudflare/request";
export { DEFAULTS, INPUTS } from "./cloudflare/inputs";
export type { InputName, InputSpec, InputValues } from "./cloudflare/inputs";
export type { InviteFilters } from "./cloudflare/filters";
export { FILTERABLE_STATUSES, KNOWN_INVITE_STATUSES, ORGANIZATION_ID_PATTERN } from "./cloudflare/invite";
export type { FilterableStatus, Invite, InviteStatus } from "./cloudflare/invite";

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
} from "./cloudflare/errors";
export type { ApiErrorDetail, CloudflareInvitesErrorKind } from "./cloudflare/errors";

// Views of a list of invites: what the outputs, the policy pack and `audit` are made of.
export { summarizeInvites } from "./checks/summary";
export type { InviteSummary } from "./checks/summary";
export {
  DEFAULT_COUNTED_STATUSES,
  findTwoFactorViolations,
  organizationsNotEnforcingTwoFactor,
} from "./checks/twoFactor";
export type {
  OrganizationNotEnforcingTwoFactor,
  TwoFactorCheck,
  TwoFactorViolation,
} from "./checks/twoFactor";
export {
  DEFAULT_EXPIRY_WINDOW_DAYS,
  findExpiringInvites,
  pendingInvitesExpiringWithin,
  pendingInvitesPastExpiry,
} from "./checks/expiry";
export type { ExpiringInviteNotice } from "./checks/expiry";
export { describeInvite } from "./checks/describe";
