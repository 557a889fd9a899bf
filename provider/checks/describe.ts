import type { Invite } from "../cloudflare/invite";

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
