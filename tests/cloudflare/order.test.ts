import fc from "fast-check";
import type { Invite } from "../../provider";
import { compareInvites, inviteIdentity, orderInvites } from "../../provider/cloudflare/order";

/** The reference: the first fetched of each organization and key, then one sort by compareInvites. */
function reference(invites: readonly Invite[]): Invite[] {
  const seen = new Set<string>();
  return invites
    .filter((invite) => {
      const key = inviteIdentity(invite);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort(compareInvites);
}

// Few distinct organizations and ids, so that groups, repeats and invites without ids all occur.
const invite: fc.Arbitrary<Invite> = fc
  .record({
    organizationId: fc.constantFrom("a".repeat(32), "b".repeat(32), "0".repeat(32)),
    id: fc.option(fc.constantFrom("i1", "i2", "i3", "i10", "I2"), { nil: undefined }),
    invitedMemberEmail: fc.option(fc.constantFrom("x@example.com", "y@example.com"), { nil: undefined }),
    tag: fc.nat(1000),
  })
  .map(({ organizationId, id, invitedMemberEmail, tag }) => ({
    organizationId,
    invitedMemberId: String(tag), // tells apart invites that share a key, to check which one is kept
    roles: [],
    ...(id === undefined ? {} : { id }),
    ...(invitedMemberEmail === undefined ? {} : { invitedMemberEmail }),
  }));

test("orderInvites keeps the first fetched invite of each organization and key, in compareInvites order", () => {
  fc.assert(
    fc.property(fc.array(invite, { maxLength: 60 }), (invites) => {
      expect(orderInvites(invites)).toEqual(reference(invites));
    }),
    { numRuns: 500 },
  );
});

test("orderInvites leaves its input as it was", () => {
  const invites: Invite[] = [
    { organizationId: "b".repeat(32), id: "2", invitedMemberId: null, roles: [] },
    { organizationId: "a".repeat(32), id: "1", invitedMemberId: null, roles: [] },
  ];
  const copy = [...invites];
  expect(orderInvites(invites).map((i) => i.id)).toEqual(["1", "2"]);
  expect(invites).toEqual(copy);
});
