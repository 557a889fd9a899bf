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
 * The invites in {@link compareInvites} order, without repeats, as a new list: of several invites
 * with one key, the first in the given (fetched) order is kept. Grouping by organization, then
 * sorting each group by invite key, gives the order of one sort by `compareInvites` with far fewer
 * comparisons, and allocates nothing per invite but its place in a group. (An invite's key is its
 * id, a string it already holds, but for the rare invite without one.)
 */
export function orderInvites(invites: readonly Invite[]): Invite[] {
  const seen = new Set<string>();
  const groups = new Map<string, Invite[]>();
  for (const invite of invites) {
    // One hash operation per invite: the set grows only for a key it did not hold.
    const size = seen.size;
    if (seen.add(inviteKey(invite)).size === size) continue;
    const group = groups.get(invite.organizationId);
    if (group === undefined) groups.set(invite.organizationId, [invite]);
    else group.push(invite);
  }
  const ordered: Invite[] = [];
  for (const organizationId of [...groups.keys()].sort(compareStrings)) {
    const group = groups.get(organizationId) as Invite[];
    if (group.length > 1) group.sort((a, b) => compareStrings(inviteKey(a), inviteKey(b)));
    for (const invite of group) ordered.push(invite);
  }
  return ordered;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
