import {
  accountsNotEnforcingTwoFactor,
  findMembershipTwoFactorViolations,
  findUserTwoFactorViolation,
  summarizeMemberships,
  type Membership,
} from "../../provider";

const account = (n: number) => String(n).repeat(32).slice(0, 32);
const membership = (
  n: number,
  status: string | undefined,
  enforcing?: boolean,
  name?: string,
): Membership => ({
  id: `m${n}`,
  accountId: account(n),
  ...(name === undefined ? {} : { accountName: name }),
  ...(enforcing === undefined ? {} : { accountIsEnforcingTwoFactor: enforcing }),
  ...(status === undefined ? {} : { status }),
  roles: ["Administrator"],
  permissions: [],
});
const USER = { twoFactorAuthenticationEnabled: true, twoFactorAuthenticationLocked: true };

describe("summarizeMemberships", () => {
  test("counts and account ids by status, the documented ones always present, unknown ones kept", () => {
    const summary = summarizeMemberships(
      [
        membership(3, "accepted", true),
        membership(1, "accepted", false),
        membership(2, "pending", false),
        membership(4, "suspended"),
        membership(5, undefined),
      ],
      USER,
    );
    expect(summary.membershipCountByStatus).toEqual({
      accepted: 2,
      pending: 1,
      rejected: 0,
      suspended: 1,
      unknown: 1,
    });
    expect(summary.accountIdsByStatus).toEqual({
      accepted: [account(1), account(3)],
      pending: [account(2)],
      rejected: [],
    });
    expect(summary.accountsNotEnforcingTwoFactor).toEqual([
      { accountId: account(1), accountIsEnforcingTwoFactor: false },
    ]);
    expect(summary.twoFactorAuthenticationEnabled).toBe(true);
    expect(summary.twoFactorAuthenticationLocked).toBe(true);
  });

  test("an empty list: zero counts, empty id lists, nothing flagged", () => {
    expect(summarizeMemberships([], USER)).toMatchObject({
      membershipCountByStatus: { accepted: 0, pending: 0, rejected: 0 },
      accountIdsByStatus: { accepted: [], pending: [], rejected: [] },
      accountsNotEnforcingTwoFactor: [],
    });
  });
});

describe("the memberships' two-factor check", () => {
  test("only accepted memberships count; an account that does not say is reported as null, with its name", () => {
    expect(
      accountsNotEnforcingTwoFactor([
        membership(1, "pending", false),
        membership(2, "rejected", false),
        membership(3, "accepted", undefined, "Quiet"),
        membership(4, "accepted", true),
      ]),
    ).toEqual([{ accountId: account(3), accountName: "Quiet", accountIsEnforcingTwoFactor: null }]);
  });

  test("exempt accounts are left out; a violation names the account, the membership and what to do", () => {
    const violations = findMembershipTwoFactorViolations(
      [membership(1, "accepted", false, "Umbrella"), membership(2, "accepted", false)],
      { exemptOrganizationIds: [account(2)] },
    );
    expect(violations).toHaveLength(1);
    expect(violations[0]?.message).toBe(
      `Account "Umbrella" (${account(1)}) does not enforce two-factor authentication, and this user holds ` +
        "access to it: accepted membership m1 (roles: Administrator). Ask its administrators to enforce " +
        "two-factor authentication, leave the account, or exempt it with exemptOrganizationIds.",
    );
    expect(violations[0]?.memberships.map((m) => m.id)).toEqual(["m1"]);
  });

  test("the user's own flag: a violation when off, none when on", () => {
    expect(findUserTwoFactorViolation(USER)).toBeUndefined();
    expect(
      findUserTwoFactorViolation({
        twoFactorAuthenticationEnabled: false,
        twoFactorAuthenticationLocked: false,
      })?.message,
    ).toContain("does not have two-factor authentication enabled");
  });
});
