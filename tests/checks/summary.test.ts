import { summarizeInvites, type Invite } from "../../provider";

const NOW = new Date("2026-11-28T12:00:00Z");
const ORG = (n: number) => String(n).repeat(32).slice(0, 32);
const invite = (fields: Partial<Invite> & { organizationId: string }): Invite => ({
  invitedMemberId: null,
  roles: [],
  ...fields,
});

describe("summarizeInvites", () => {
  const invites = [
    invite({
      id: "1",
      organizationId: ORG(1),
      status: "pending",
      expiresOn: "2026-11-27T00:00:00Z",
      organizationIsEnforcingTwoFactor: true,
    }),
    invite({
      id: "2",
      organizationId: ORG(2),
      status: "pending",
      expiresOn: "2026-12-01T00:00:00Z",
      organizationIsEnforcingTwoFactor: false,
      organizationName: "Two",
    }),
    invite({ id: "3", organizationId: ORG(2), status: "pending", expiresOn: "2026-12-20T00:00:00Z" }),
    invite({ id: "4", organizationId: ORG(3), status: "accepted", expiresOn: "2020-01-01T00:00:00Z" }),
    invite({ id: "5", organizationId: ORG(4), status: "left" }),
    invite({ id: "6", organizationId: ORG(5) }),
  ];

  test("every output at once", () => {
    expect(summarizeInvites(invites, NOW)).toEqual({
      pendingOrganizationIds: [ORG(1), ORG(2)],
      organizationsNotEnforcingTwoFactor: [
        { organizationId: ORG(2), organizationName: "Two", organizationIsEnforcingTwoFactor: false },
        // Pending and accepted invites count, as in the policy and audit: not ORG(4)'s "left" invite,
        // nor ORG(5)'s invite without a status.
        { organizationId: ORG(3), organizationIsEnforcingTwoFactor: null },
      ],
      inviteCountByStatus: { pending: 3, accepted: 1, rejected: 0, expired: 0, left: 1, unknown: 1 },
      pendingInvitesPastExpiry: [invites[0]],
    });
  });

  test("an empty list still names the four documented statuses", () => {
    expect(summarizeInvites([], NOW)).toEqual({
      pendingOrganizationIds: [],
      organizationsNotEnforcingTwoFactor: [],
      inviteCountByStatus: { pending: 0, accepted: 0, rejected: 0, expired: 0 },
      pendingInvitesPastExpiry: [],
    });
  });

  test("the result is plain JSON", () => {
    const summary = summarizeInvites(invites, NOW);
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });
});
