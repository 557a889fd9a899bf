/** `pulumi-cloudflare-user-invites`: the public API, re-exported by name. */

// The Pulumi resources, their invokes and their provider.
export { UserInvites, USER_INVITES_TYPE } from "./pulumi/userInvites";
export type { UserInvitesArgs } from "./pulumi/userInvites";
export { UserMemberships, USER_MEMBERSHIPS_TYPE } from "./pulumi/userMemberships";
export type { UserMembershipsArgs } from "./pulumi/userMemberships";
export {
  getUserInvites,
  getUserInvitesOutput,
  getUserMemberships,
  getUserMembershipsOutput,
} from "./pulumi/invoke";
export type {
  GetUserInvitesArgs,
  GetUserInvitesOutputArgs,
  GetUserInvitesResult,
  GetUserMembershipsArgs,
  GetUserMembershipsOutputArgs,
  GetUserMembershipsResult,
} from "./pulumi/invoke";
export {
  CloudflareUserProvider,
  UserInvitesProvider,
  USER_INVITES_ID,
  USER_MEMBERSHIPS_ID,
} from "./pulumi/provider";
export type { UserInvitesOutputs, UserMembershipsOutputs } from "./pulumi/runtime";
export {
  UserInvitesPolicyView,
  UserMembershipsPolicyView,
  USER_INVITES_POLICY_VIEW_TYPE,
  USER_MEMBERSHIPS_POLICY_VIEW_TYPE,
} from "./pulumi/policyView";

// The Cloudflare client, usable without Pulumi.
export { getUser, listUserInvites, listUserMemberships, MEMBERSHIPS_PER_PAGE } from "./cloudflare/client";
export type {
  ConnectionOptions,
  ListUserInvitesOptions,
  ListUserMembershipsOptions,
} from "./cloudflare/client";
export type { HttpDispatcher } from "./cloudflare/request";
export { DEFAULTS, INPUTS, MEMBERSHIP_INPUTS } from "./cloudflare/inputs";
export type { InputName, InputSpec, InputValues, MembershipInputValues } from "./cloudflare/inputs";
export type { InviteFilters } from "./cloudflare/filters";
export { FILTERABLE_STATUSES, KNOWN_INVITE_STATUSES, ORGANIZATION_ID_PATTERN } from "./cloudflare/invite";
export type { FilterableStatus, Invite, InviteStatus } from "./cloudflare/invite";
export { ACCESS_MEMBERSHIP_STATUSES, KNOWN_MEMBERSHIP_STATUSES } from "./cloudflare/membership";
export type {
  Membership,
  MembershipFilterStatus,
  MembershipStatus,
  UserTwoFactorStatus,
} from "./cloudflare/membership";

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
export { summarizeInvites, summarizeMemberships } from "./checks/summary";
export type { InviteSummary, MembershipSummary } from "./checks/summary";
export {
  accountsNotEnforcingTwoFactor,
  DEFAULT_COUNTED_STATUSES,
  findMembershipTwoFactorViolations,
  findTwoFactorViolations,
  findUserTwoFactorViolation,
  organizationsNotEnforcingTwoFactor,
} from "./checks/twoFactor";
export type {
  AccountNotEnforcingTwoFactor,
  MembershipTwoFactorCheck,
  MembershipTwoFactorViolation,
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
export { describeInvite, describeMembership } from "./checks/describe";
