import {
  DEFAULT_COUNTED_STATUSES,
  describeInvite,
  findTwoFactorViolations,
  organizationsNotEnforcingTwoFactor,
  summarizeInvites,
  type Invite,
} from "../../provider";

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
      violations.map((v) => [
        v.organizationId,
        v.organizationIsEnforcingTwoFactor,
        v.invites.map((i) => i.id),
      ]),
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

  test("countedStatuses decide which invites count; exemptions skip organizations", () => {
    expect(
      findTwoFactorViolations(invites, { countedStatuses: ["rejected"] }).map((v) => v.organizationId),
    ).toEqual([ORG.b]);
    expect(
      findTwoFactorViolations(invites, { exemptOrganizationIds: [ORG.a] }).map((v) => v.organizationId),
    ).toEqual([ORG.c]);
    expect(
      findTwoFactorViolations(invites, { countedStatuses: ["accepted"] })[0]?.invites.map((i) => i.id),
    ).toEqual(["i2"]);
  });

  test("nothing to report when every organization enforces two-factor authentication", () => {
    expect(
      findTwoFactorViolations([
        invite({ organizationId: ORG.a, status: "pending", organizationIsEnforcingTwoFactor: true }),
      ]),
    ).toEqual([]);
  });
});

describe("organizationsNotEnforcingTwoFactor", () => {
  test("false wins over unknown, and the name is kept from any invite", () => {
    expect(
      organizationsNotEnforcingTwoFactor([
        invite({ status: "pending", organizationId: ORG.a }),
        invite({
          status: "pending",
          organizationId: ORG.a,
          organizationIsEnforcingTwoFactor: false,
          organizationName: "One",
        }),
        invite({ status: "pending", organizationId: ORG.a }),
      ]),
    ).toEqual([{ organizationId: ORG.a, organizationName: "One", organizationIsEnforcingTwoFactor: false }]);
  });

  test("an organization any invite reports as enforcing is not listed", () => {
    expect(
      organizationsNotEnforcingTwoFactor([
        invite({ status: "pending", organizationId: ORG.a }),
        invite({ status: "pending", organizationId: ORG.a, organizationIsEnforcingTwoFactor: true }),
        invite({ status: "pending", organizationId: ORG.a, organizationIsEnforcingTwoFactor: false }),
      ]),
    ).toEqual([]);
  });
});

test("one definition: the output, the policy's violations and audit name the same organizations", () => {
  expect(DEFAULT_COUNTED_STATUSES).toEqual(["pending", "accepted"]);
  const fromOutput = summarizeInvites(invites, new Date()).organizationsNotEnforcingTwoFactor;
  const fromCheck = findTwoFactorViolations(invites).map(
    ({ organizationId, organizationName, organizationIsEnforcingTwoFactor }) =>
      organizationName === undefined
        ? { organizationId, organizationIsEnforcingTwoFactor }
        : { organizationId, organizationName, organizationIsEnforcingTwoFactor },
  );
  expect(fromOutput).toEqual(fromCheck);
  // ORG.b's only invite was rejected: no longer a way into the organization, so not flagged.
  expect(fromOutput.map((o) => o.organizationId)).toEqual([ORG.a, ORG.c]);
});

test("describeInvite copes with missing fields", () => {
  expect(describeInvite(invite({ organizationId: ORG.a }))).toBe("unknown-status invite (no id)");
});
