import type { Invite } from "./invite";

/**
 * An invite's key within its organization: its `id`, or, when Cloudflare omits it, the fields
 * that tell two invites apart.
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
 * The invites in {@link compareInvites} order, without repeats, as a new list. Two invites are the
 * same when they have the same organization and key; of several, the first fetched is kept.
 * Grouping by organization, then sorting each group by invite key, gives the order of one sort by
 * `compareInvites` with far fewer comparisons; the sort is stable, so repeats end up side by side
 * with the first fetched first, and are dropped without a set of keys. Nothing is allocated per
 * invite but its place in a group: an invite's key is its id, a string it already holds (but for
 * the rare invite without one).
 */
export function orderInvites(invites: readonly Invite[]): Invite[] {
  const groups = new Map<string, Invite[]>();
  for (const invite of invites) {
    const group = groups.get(invite.organizationId);
    if (group === undefined) groups.set(invite.organizationId, [invite]);
    else group.push(invite);
  }
  const ordered: Invite[] = [];
  for (const organizationId of [...groups.keys()].sort(compareStrings)) {
    const group = groups.get(organizationId) as Invite[];
    if (group.length > 1) group.sort((a, b) => compareStrings(inviteKey(a), inviteKey(b)));
    let previous: string | undefined;
    for (const invite of group) {
      const key = inviteKey(invite);
      if (key !== previous) ordered.push(invite);
      previous = key;
    }
  }
  return ordered;
}

/** What identifies an invite across pages: its organization and its key. */
export function inviteIdentity(invite: Invite): string {
  return `${invite.organizationId}\u0000${inviteKey(invite)}`;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
