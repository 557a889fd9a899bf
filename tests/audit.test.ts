import {
  describeInvite,
  findExpiringInvites,
  findTwoFactorViolations,
  readInvitesOutput,
  type Invite,
} from "../provider";

const NOW = new Date("2026-11-28T12:00:00Z");
const ORG = { a: "a".repeat(32), b: "b".repeat(32), c: "c".repeat(32) };
const invite = (fields: Partial<Invite> & { organizationId: string }): Invite => ({
  invitedMemberId: null,
  roles: [],
  ...fields,
});

const invites = [
  invite({
    id: "i1",
    organizationId: ORG.a,
    organizationName: "Alpha",
    status: "pending",
    organizationIsEnforcingTwoFactor: false,
    invitedBy: "x@alpha.example",
    roles: ["DNS"],
  }),
  invite({
    id: "i2",
    organizationId: ORG.a,
    organizationName: "Alpha",
    status: "accepted",
    organizationIsEnforcingTwoFactor: false,
  }),
  invite({ id: "i3", organizationId: ORG.b, status: "rejected", organizationIsEnforcingTwoFactor: false }),
  invite({ id: "i4", organizationId: ORG.c, organizationName: "Gamma", status: "pending" }),
];

describe("findTwoFactorViolations", () => {
  test("one violation per organization, naming it, its id and every counted invite", () => {
    const violations = findTwoFactorViolations(invites);
    expect(
      violations.map((v) => [v.organizationId, v.enforcesTwoFactor, v.invites.map((i) => i.id)]),
    ).toEqual([
      [ORG.a, false, ["i1", "i2"]],
      [ORG.c, null, ["i4"]],
    ]);
    expect(violations[0]?.message).toBe(
      `Organization "Alpha" (${ORG.a}) does not enforce two-factor authentication: pending invite i1 from x@alpha.example (roles: DNS); ` +
        "accepted invite i2. Ask its administrators to enforce two-factor authentication, reject the invite, or exempt the organization with exemptOrganizationIds.",
    );
    expect(violations[1]?.message).toMatch(
      /^Organization "Gamma" \(c{32}\) does not report whether it enforces two-factor authentication: pending invite i4\./,
    );
  });

  test("statuses decide which invites count; exemptions skip organizations", () => {
    expect(findTwoFactorViolations(invites, { statuses: ["rejected"] }).map((v) => v.organizationId)).toEqual(
      [ORG.b],
    );
    expect(
      findTwoFactorViolations(invites, { exemptOrganizationIds: [ORG.a] }).map((v) => v.organizationId),
    ).toEqual([ORG.c]);
    expect(findTwoFactorViolations(invites, { statuses: ["accepted"] })[0]?.invites.map((i) => i.id)).toEqual(
      ["i2"],
    );
  });

  test("nothing to report when every organization enforces two-factor auth", () => {
    expect(
      findTwoFactorViolations([
        invite({ organizationId: ORG.a, status: "pending", organizationIsEnforcingTwoFactor: true }),
      ]),
    ).toEqual([]);
  });
});

test("describeInvite copes with missing fields", () => {
  expect(describeInvite(invite({ organizationId: ORG.a }))).toBe("unknown-status invite (no id)");
});

test("findExpiringInvites: soonest first, with the days left", () => {
  const notices = findExpiringInvites(
    [
      invite({ id: "late", organizationId: ORG.a, status: "pending", expiresOn: "2026-12-03T12:00:00Z" }),
      invite({
        id: "soon",
        organizationId: ORG.b,
        organizationName: "Beta",
        status: "pending",
        expiresOn: "2026-11-28T20:00:00Z",
      }),
      invite({ id: "one", organizationId: ORG.c, status: "pending", expiresOn: "2026-11-29T13:00:00Z" }),
    ],
    7,
    NOW,
  );
  expect(notices.map((n) => [n.invite.id, n.daysLeft])).toEqual([
    ["soon", 0],
    ["one", 1],
    ["late", 5],
  ]);
  expect(notices[0]?.message).toBe(
    `Pending invite soon into "Beta" (${ORG.b}) expires within a day (2026-11-28T20:00:00Z): accept or reject it before then, or ask for a new one.`,
  );
  expect(notices[1]?.message).toContain("expires in 1 day (");
  expect(notices[2]?.message).toContain("expires in 5 days (");
});

describe("readInvitesOutput", () => {
  test("a known list", () => {
    expect(readInvitesOutput({ invites })).toEqual({ known: true, invites });
  });

  test("absent, or not a list of invites", () => {
    expect(readInvitesOutput({})).toEqual({ known: false, reason: "its invites output is not known yet" });
    expect(readInvitesOutput({ invites: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" })).toEqual({
      known: false,
      reason: "its invites output is not a list of invites",
    });
    expect(readInvitesOutput({ invites: [{ id: "x" }] })).toEqual({
      known: false,
      reason: "its invites output is not a list of invites",
    });
  });

  test("other errors are not swallowed", () => {
    const props = new Proxy(
      {},
      {
        get: () => {
          throw new TypeError("boom");
        },
      },
    );
    expect(() => readInvitesOutput(props)).toThrow("boom");
  });
});
