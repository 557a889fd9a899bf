import fc from "fast-check";
import {
  buildInviteSchema,
  buildListEnvelopeSchema,
  isListEnvelope,
  isWireInvite,
  parseListPage,
  toInvite,
} from "../../provider/cloudflare/wire";
import { manyInvites, referenceEnvelope, sampleInvites } from "../../provider/testing";

const parseInvite = (wire: unknown) => toInvite(buildInviteSchema().parse(wire));
const page = (envelope: unknown) => {
  const result = parseListPage(envelope);
  if (!result.ok) throw new Error(`expected the envelope to be accepted:\n${result.problems}`);
  return result.page;
};
const problem = (envelope: unknown): string => {
  const result = parseListPage(envelope);
  if (result.ok) throw new Error("expected the envelope to be rejected");
  return result.problems;
};

describe("the reference page's envelope", () => {
  test("parses into camelCase invites with every documented field", () => {
    const parsed = page(referenceEnvelope());
    expect(parsed.items).toEqual([
      {
        id: "4f5f0c14a2a41d5063dd301b2f829f04",
        organizationId: "5a7805061c76ada191ed06f989cc3dac",
        organizationName: "Cloudflare, Inc.",
        invitedMemberId: "5a7805061c76ada191ed06f989cc3dac",
        invitedMemberEmail: "user@example.com",
        invitedBy: "user@example.com",
        invitedOn: "2014-01-01T05:20:00.12345Z",
        expiresOn: "2019-01-01T12:00:00Z",
        organizationIsEnforcingTwoFactor: true,
        roles: ["Account Administrator"],
        status: "accepted",
      },
    ]);
    expect(parsed.resultInfo).toEqual({ count: 1, page: 1, per_page: 20, total_count: 2000 });
  });
});

describe("drift that must not break a read", () => {
  test("unknown fields are ignored", () => {
    const invite = parseInvite({
      organization_id: "o1",
      brand_new_field: { nested: true },
      status: "pending",
    });
    expect(invite).toEqual({ organizationId: "o1", invitedMemberId: null, roles: [], status: "pending" });
  });

  test("null in optional fields is accepted and left out, never the string 'undefined'", () => {
    const invite = parseInvite({
      organization_id: "o1",
      id: null,
      organization_name: null,
      invited_member_id: null,
      invited_member_email: null,
      invited_by: null,
      invited_on: null,
      expires_on: null,
      organization_is_enforcing_twofactor: null,
      roles: null,
      status: null,
    });
    expect(invite).toEqual({ organizationId: "o1", invitedMemberId: null, roles: [] });
    expect(Object.keys(invite).sort()).toEqual(["invitedMemberId", "organizationId", "roles"]);
    expect(JSON.stringify(invite)).not.toContain("undefined");
  });

  test("a missing invited_member_id becomes null", () => {
    expect(parseInvite({ organization_id: "o1" }).invitedMemberId).toBeNull();
  });

  test("pre-2024 role objects become their names", () => {
    const invite = parseInvite({
      organization_id: "o1",
      roles: [
        { id: "r1", name: "Administrator", description: "all", permissions: { dns: { read: true } } },
        "DNS",
      ],
    });
    expect(invite.roles).toEqual(["Administrator", "DNS"]);
  });

  test.each(["canceled", "left", "revoked-by-policy"])(
    "an unknown or legacy status %s is kept as it is",
    (status) => {
      expect(parseInvite({ organization_id: "o1", status }).status).toBe(status);
    },
  );

  test("organization_is_enforcing_twofactor false is kept, not dropped", () => {
    expect(parseInvite({ organization_id: "o1", organization_is_enforcing_twofactor: false })).toHaveProperty(
      "organizationIsEnforcingTwoFactor",
      false,
    );
  });

  test("result_info may be absent or null", () => {
    const base = { success: true, errors: [], messages: [], result: [] };
    expect(page(base).resultInfo).toBeUndefined();
    expect(page({ ...base, result_info: null }).resultInfo).toBeNull();
  });
});

describe("responses that would give wrong data are rejected, naming the field and its place", () => {
  const envelope = (result: unknown) => ({ success: true, errors: [], messages: [], result });

  test("an invite without organization_id", () => {
    const text = problem(envelope([{ organization_id: "o1" }, { id: "x" }]));
    expect(text).toContain("missing organization_id");
    expect(text).toContain("result[1].organization_id");
  });

  test("a result that is not a list", () => {
    expect(problem(envelope({ invites: [] }))).toMatch(/expected a list of invites[\s\S]*at result/);
  });

  test("a null result", () => {
    expect(problem(envelope(null))).toContain("missing result: expected a list of invites");
  });

  test("every bad invite is named, not only the first", () => {
    const text = problem(
      envelope([{ id: "a" }, { organization_id: "o" }, { organization_id: "o", status: 3 }]),
    );
    expect(text).toContain("result[0].organization_id");
    expect(text).toContain("result[2].status");
  });

  test("a date that is not a date", () => {
    const text = problem(envelope([{ organization_id: "o1", expires_on: "next tuesday" }]));
    expect(text).toContain("expected an ISO 8601 date-time");
    expect(text).toContain("result[0].expires_on");
  });

  test("a role that is neither a name nor an object with a name", () => {
    expect(problem(envelope([{ organization_id: "o1", roles: [42] }]))).toContain("result[0].roles[0]");
  });

  test("an organization_id of the wrong type", () => {
    const text = problem(envelope([{ organization_id: 1234 }]));
    expect(text).toContain("expected a string");
    expect(text).toContain("result[0].organization_id");
  });
});

test.each([
  "2014-01-01T05:20:00.12345Z",
  "2019-01-01T12:00:00Z",
  "2019-01-01T12:00:00+01:00",
  "2019-01-01T12:00:00",
])("the date-time %s is accepted as it is", (value) => {
  expect(parseInvite({ organization_id: "o", expires_on: value }).expiresOn).toBe(value);
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

// The guards stand in for zod on every good page: they must give zod's verdict on anything.
test("isWireInvite gives zod's verdict, for right and wrong invites and for anything at all", () => {
  const invite = buildInviteSchema();
  fc.assert(
    fc.property(fc.oneof(wireInvite, fc.anything()), (value) => {
      expect(isWireInvite(value)).toBe(invite.safeParse(value).success);
    }),
    { numRuns: 4_000 },
  );
  expect(sampleInvites().every(isWireInvite)).toBe(true);
  expect(manyInvites(500).every(isWireInvite)).toBe(true);
});

test("isListEnvelope gives zod's verdict", () => {
  const envelope = buildListEnvelopeSchema();
  const envelopes = fc.record(
    {
      success: field(fc.boolean()),
      errors: field(
        fc.array(
          fc.oneof(
            fc.record({ code: field(fc.integer()), message: field(fc.string()) }, { requiredKeys: [] }),
            fc.record({ error_chain: field(fc.array(fc.anything())) }, { requiredKeys: [] }),
            fc.anything(),
          ),
        ),
      ),
      messages: field(fc.array(fc.anything())),
      result: field(fc.array(fc.anything())),
      result_info: field(
        fc.record(
          {
            page: field(fc.nat()),
            per_page: field(fc.nat()),
            total_count: field(fc.integer()),
            total_pages: field(fc.double()),
          },
          { requiredKeys: [] },
        ),
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

test("a real invite with one field changed to anything: the guard and zod agree", () => {
  const invite = buildInviteSchema();
  const keys = Object.keys(sampleInvites()[0] ?? {});
  fc.assert(
    fc.property(
      fc.constantFrom(...sampleInvites()),
      fc.constantFrom(...keys, "unknown_field"),
      fc.anything(),
      (base, key, value) => {
        const mutated = { ...base, [key]: value };
        expect(isWireInvite(mutated)).toBe(invite.safeParse(mutated).success);
      },
    ),
    { numRuns: 2_000 },
  );
});
