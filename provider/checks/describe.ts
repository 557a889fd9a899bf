import type { Invite } from "../cloudflare/invite";
import type { Membership } from "../cloudflare/membership";

/** How messages name an organization: `"Globex" (0d0c…)`, or its id alone when it has no name. */
export function describeOrganization(organization: {
  readonly organizationId: string;
  readonly organizationName?: string | undefined;
}): string {
  return organization.organizationName
    ? `"${organization.organizationName}" (${organization.organizationId})`
    : organization.organizationId;
}

/** `pending invite 4f5f… from admin@x (roles: DNS)`. */
export function describeInvite(invite: Invite): string {
  const parts = [`${invite.status ?? "unknown-status"} invite ${invite.id ?? "(no id)"}`];
  if (invite.invitedBy) parts.push(`from ${invite.invitedBy}`);
  if (invite.roles.length > 0) parts.push(`(roles: ${invite.roles.join(", ")})`);
  return parts.join(" ");
}

/** `accepted membership 6f6c… (roles: Administrator)`. */
export function describeMembership(membership: Membership): string {
  const parts = [`${membership.status ?? "unknown-status"} membership ${membership.id ?? "(no id)"}`];
  if (membership.roles.length > 0) parts.push(`(roles: ${membership.roles.join(", ")})`);
  return parts.join(" ");
}
