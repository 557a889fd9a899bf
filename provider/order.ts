import type { Invite } from "./schema";

/**
 * Identity of an invite for de-duplication across pages: its `id`, or, when Cloudflare omits
 * it, the fields that tell two invites apart.
 */
export function inviteKey(invite: Invite): string {
  return (
    invite.id ??
    ["", invite.organizationId, invite.invitedMemberEmail ?? "", invite.invitedOn ?? ""].join("\u0000")
  );
}

/**
 * Total order on invites, independent of the order the API returns them in, so outputs and
 * diffs do not churn: by organization id, then invite key.
 */
export function compareInvites(a: Invite, b: Invite): number {
  return compareStrings(a.organizationId, b.organizationId) || compareStrings(inviteKey(a), inviteKey(b));
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
