import type { Invite } from "./invite";
import type { Membership } from "./membership";

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
 */
export function orderInvites(invites: readonly Invite[]): Invite[] {
  return orderByGroup(invites, organizationOf, inviteKey);
}

/**
 * The memberships by account id, then membership id, without repeats (the first fetched is kept):
 * as stable as the invites' order, for the same reason.
 */
export function orderMemberships(memberships: readonly Membership[]): Membership[] {
  return orderByGroup(memberships, accountOf, membershipKey);
}

const organizationOf = (invite: Invite) => invite.organizationId;
const accountOf = (membership: Membership) => membership.accountId;
/** A membership's key within its account: its id ("" when Cloudflare omits it: one per account). */
const membershipKey = (membership: Membership) => membership.id ?? "";

/**
 * What identifies a membership across pages: its id, which Cloudflare makes unique across
 * accounts (a string the membership already holds, so nothing is built per membership), or, for
 * one without an id, its account.
 */
export function membershipIdentity(membership: Membership): string {
  return membership.id ?? `\u0000${membership.accountId}`;
}

/**
 * Items ordered by group, then key, without repeats. Grouping, then sorting each group by key,
 * gives the order of one sort by (group, key) with far fewer comparisons; the sort is stable, so
 * repeats end up side by side with the first fetched first, and are dropped without a set of keys.
 * Nothing is allocated per item but its place in a group: a key is a string the item already holds
 * (but for the rare invite without an id).
 */
function orderByGroup<Item>(
  items: readonly Item[],
  groupOf: (item: Item) => string,
  keyOf: (item: Item) => string,
): Item[] {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const group = groups.get(groupOf(item));
    if (group === undefined) groups.set(groupOf(item), [item]);
    else group.push(item);
  }
  const ordered: Item[] = [];
  // The default sort orders strings by UTF-16 code units, as compareStrings does, and faster.
  for (const name of [...groups.keys()].sort()) {
    const group = groups.get(name) as Item[];
    if (group.length > 1) group.sort((a, b) => compareStrings(keyOf(a), keyOf(b)));
    let previous: string | undefined;
    for (const item of group) {
      const key = keyOf(item);
      if (key !== previous) ordered.push(item);
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
