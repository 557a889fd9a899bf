import { buildInviteSchema, parseListPage, schemas, toInvite } from "../../provider/cloudflare/schema";
import { referenceEnvelope } from "../../provider/testing";

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
    expect(parsed.invites).toEqual([
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

test("the schemas are built once per process and shared", () => {
  expect(schemas()).toBe(schemas());
  expect(schemas().invites).toBeDefined();
});

test.each([
  "2014-01-01T05:20:00.12345Z",
  "2019-01-01T12:00:00Z",
  "2019-01-01T12:00:00+01:00",
  "2019-01-01T12:00:00",
])("the date-time %s is accepted as it is", (value) => {
  expect(parseInvite({ organization_id: "o", expires_on: value }).expiresOn).toBe(value);
});
