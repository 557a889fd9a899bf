import fc from "fast-check";
import {
  buildMembershipSchema,
  buildUserEnvelopeSchema,
  isWireMembership,
  MEMBERSHIP_CODEC,
  parseListPage,
  parseUser,
} from "../../provider/cloudflare/wire";
import {
  fakeId,
  manyMemberships,
  sampleMemberships,
  sampleUser,
  successEnvelope,
} from "../../provider/testing";

/** A field that may be absent, null, of its type, or anything at all. */
const field = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.constant(null), fc.anything());

const wireMembership = fc.record(
  {
    id: field(fc.string()),
    status: field(fc.constantFrom("accepted", "pending", "rejected", "suspended")),
    account: field(
      fc.record(
        {
          id: field(fc.stringMatching(/^[0-9a-f]{32}$/)),
          name: field(fc.string()),
          settings: field(fc.record({ enforce_twofactor: field(fc.boolean()) }, { requiredKeys: [] })),
        },
        { requiredKeys: [] },
      ),
    ),
    roles: field(fc.array(fc.oneof(fc.string(), fc.anything()))),
    permissions: field(
      fc.dictionary(
        fc.string(),
        field(fc.record({ read: field(fc.boolean()), write: field(fc.boolean()) }, { requiredKeys: [] })),
      ),
    ),
  },
  { requiredKeys: [] },
);

// The guard stands in for zod on every good page, as for invites: it must give zod's verdict.
test("isWireMembership gives zod's verdict, for right and wrong memberships and for anything at all", () => {
  const schema = buildMembershipSchema();
  fc.assert(
    fc.property(fc.oneof(wireMembership, fc.anything()), (value) => {
      expect(isWireMembership(value)).toBe(schema.safeParse(value).success);
    }),
    { numRuns: 4_000 },
  );
  expect(sampleMemberships().every(isWireMembership)).toBe(true);
  expect(manyMemberships(500).every(isWireMembership)).toBe(true);
});

test("a user body: the guard's verdict is zod's, and a good one gives the two flags", () => {
  const schema = buildUserEnvelopeSchema();
  const users = fc.record(
    {
      success: field(fc.boolean()),
      result: field(
        fc.record(
          {
            id: field(fc.string()),
            two_factor_authentication_enabled: field(fc.boolean()),
            two_factor_authentication_locked: field(fc.boolean()),
          },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: [] },
  );
  fc.assert(
    fc.property(fc.oneof(users, fc.anything()), (value) => {
      const parsed = parseUser(value);
      expect(parsed.ok).toBe(schema.safeParse(value).success);
      if (parsed.ok) expect(typeof parsed.user.twoFactorAuthenticationEnabled).toBe("boolean");
      else expect(parsed.problems).toMatch(/✖/);
    }),
    { numRuns: 2_000 },
  );
});

test("a membership maps to the public shape: account flattened, permissions as sorted grants", () => {
  const parsed = parseListPage(successEnvelope(sampleMemberships()), MEMBERSHIP_CODEC);
  if (!parsed.ok) throw new Error(parsed.problems);
  expect(parsed.page.items[3]).toEqual({
    id: fakeId("membership:Umbrella Labs"),
    accountId: fakeId("org:Umbrella Labs"),
    accountName: "Umbrella Labs",
    accountIsEnforcingTwoFactor: false,
    status: "accepted",
    roles: ["Billing"],
    permissions: ["analytics:read", "billing:read", "dns_records:read"],
  });
  // No settings: the account's two-factor setting is left out, never guessed.
  expect(parsed.page.items[4]).not.toHaveProperty("accountIsEnforcingTwoFactor");
});

test("nulls are left out; unknown fields and statuses are kept or ignored, never a failure", () => {
  const parsed = parseListPage(
    successEnvelope([
      {
        id: null,
        status: "suspended",
        account: { id: "a".repeat(32), name: null, settings: null, type: "enterprise" },
        roles: null,
        permissions: { zones: null, dns: { read: true, write: null } },
        policies: [{ id: "p" }],
      },
    ]),
    MEMBERSHIP_CODEC,
  );
  if (!parsed.ok) throw new Error(parsed.problems);
  expect(parsed.page.items).toEqual([
    { accountId: "a".repeat(32), status: "suspended", roles: [], permissions: ["dns:read"] },
  ]);
});

test("the sample user reads as its flags, and a missing lock flag is false", () => {
  expect(parseUser(successEnvelope(sampleUser({ twoFactor: false })))).toEqual({
    ok: true,
    user: { twoFactorAuthenticationEnabled: false, twoFactorAuthenticationLocked: false },
  });
  expect(parseUser(successEnvelope({ two_factor_authentication_enabled: true }))).toEqual({
    ok: true,
    user: { twoFactorAuthenticationEnabled: true, twoFactorAuthenticationLocked: false },
  });
});
