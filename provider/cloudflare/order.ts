import type { Invite } from "./invite";

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

/**
 * The invites in {@link compareInvites} order, as a new list. Grouping by organization first and
 * sorting each group by key gives the same order as one sort by `compareInvites`, with far fewer
 * comparisons, each a plain string comparison of a key computed once: at 10,000 invites this is
 * several times faster than the one sort.
 */
export function orderInvites(invites: readonly Invite[]): Invite[] {
  const groups = new Map<string, { key: string; invite: Invite }[]>();
  for (const invite of invites) {
    let group = groups.get(invite.organizationId);
    if (group === undefined) groups.set(invite.organizationId, (group = []));
    group.push({ key: inviteKey(invite), invite });
  }
  const ordered = new Array<Invite>(invites.length);
  let next = 0;
  for (const organizationId of [...groups.keys()].sort(compareStrings)) {
    const group = groups.get(organizationId) as { key: string; invite: Invite }[];
    if (group.length > 1) group.sort((a, b) => compareStrings(a.key, b.key));
    for (const entry of group) ordered[next++] = entry.invite;
  }
  return ordered;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
