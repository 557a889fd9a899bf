/** `pulumi-cloudflare-user-invites`: the public API, re-exported by name. */
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
export type { InviteFilters } from "./filters";
export { KNOWN_INVITE_STATUSES } from "./schema";
export type { Invite, InviteStatus } from "./schema";
