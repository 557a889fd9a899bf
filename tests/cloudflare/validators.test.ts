import fc from "fast-check";
import { readFileSync } from "node:fs";
import { isInviteList, isListEnvelope } from "../../provider/cloudflare/generated/validators";
import { schemas } from "../../provider/cloudflare/schema";
import { manyInvites, sampleInvites } from "../../provider/testing";
import { generateValidatorsSource, VALIDATORS_FILE } from "../../scripts/generateValidators";

/**
 * The generated validators stand in for zod on every good page, so they must be exactly what zod's
 * compiler makes of the schemas today, and give zod's verdict on anything.
 */
test("generated/validators.ts is what `npm run generate` makes of the schemas today", () => {
  expect(readFileSync(VALIDATORS_FILE, "utf8")).toBe(generateValidatorsSource());
});

// Wire invites, right and wrong: each field may be absent, null, of its type, or of another type.
const field = (good: fc.Arbitrary<unknown>) =>
  fc.oneof(
    good,
    fc.constant(null),
    fc.constant(undefined),
    fc.integer(),
    fc.boolean(),
    fc.string(),
    fc.object(),
  );
const date = fc.oneof(
  fc
    .date({ min: new Date("1990-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom(
    "2026-02-29T00:00:00Z",
    "2024-02-29T10:00:00+02:00",
    "2026-11-28T12:00:00",
    "2026-13-01T00:00:00Z",
    "yesterday",
  ),
);
const wireInvite = fc.record(
  {
    id: field(fc.string()),
    organization_id: field(fc.stringMatching(/^[0-9a-f]{32}$/)),
    organization_name: field(fc.string()),
    invited_member_id: field(fc.string()),
    invited_member_email: field(fc.emailAddress()),
    invited_by: field(fc.emailAddress()),
    invited_on: field(date),
    expires_on: field(date),
    organization_is_enforcing_twofactor: field(fc.boolean()),
    roles: field(
      fc.array(fc.oneof(fc.string(), fc.record({ name: fc.string() }), fc.record({ id: fc.string() }))),
    ),
    status: field(fc.constantFrom("pending", "accepted", "rejected", "expired", "left")),
  },
  { requiredKeys: [] },
);

test("isInviteList gives zod's verdict, for right and wrong invites and for anything at all", () => {
  const { invites } = schemas();
  fc.assert(
    fc.property(fc.oneof(fc.array(wireInvite, { maxLength: 5 }), fc.anything()), (value) => {
      expect(isInviteList(value)).toBe(invites.safeParse(value).success);
    }),
    { numRuns: 2_000 },
  );
  expect(isInviteList(sampleInvites())).toBe(true);
  expect(isInviteList(manyInvites(500))).toBe(true);
});

test("isListEnvelope gives zod's verdict", () => {
  const { envelope } = schemas();
  const envelopes = fc.record(
    {
      success: field(fc.boolean()),
      errors: field(fc.array(fc.record({ code: field(fc.integer()), message: field(fc.string()) }))),
      messages: field(fc.array(fc.anything())),
      result: field(fc.array(fc.anything())),
      result_info: field(
        fc.record({ page: field(fc.nat()), per_page: field(fc.nat()), total_count: field(fc.integer()) }),
      ),
    },
    { requiredKeys: [] },
  );
  fc.assert(
    fc.property(fc.oneof(envelopes, fc.anything()), (value) => {
      expect(isListEnvelope(value)).toBe(envelope.safeParse(value).success);
    }),
    { numRuns: 2_000 },
  );
});
