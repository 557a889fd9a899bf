import {
  DEFAULT_EXPIRY_WINDOW_DAYS,
  findExpiringInvites,
  pendingInvitesExpiringWithin,
  type Invite,
} from "../../provider";

const NOW = new Date("2026-11-28T12:00:00Z");
const ORG = { a: "a".repeat(32), b: "b".repeat(32), c: "c".repeat(32) };
const invite = (fields: Partial<Invite> & { organizationId: string }): Invite => ({
  invitedMemberId: null,
  roles: [],
  ...fields,
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

test("pendingInvitesExpiringWithin keeps pending invites expiring between now and now + days", () => {
  const invites = [
    invite({ id: "past", organizationId: ORG.a, status: "pending", expiresOn: "2026-11-28T11:59:59Z" }),
    invite({ id: "soon", organizationId: ORG.a, status: "pending", expiresOn: "2026-11-30T00:00:00Z" }),
    invite({ id: "edge", organizationId: ORG.a, status: "pending", expiresOn: "2026-12-05T12:00:00Z" }),
    invite({ id: "late", organizationId: ORG.a, status: "pending", expiresOn: "2026-12-05T12:00:01Z" }),
    invite({ id: "accepted", organizationId: ORG.a, status: "accepted", expiresOn: "2026-11-30T00:00:00Z" }),
    invite({ id: "no-date", organizationId: ORG.a, status: "pending" }),
  ];
  expect(pendingInvitesExpiringWithin(invites, 7, NOW).map((i) => i.id)).toEqual(["soon", "edge"]);
});

test("the default window is a week", () => {
  const inSixDays = invite({
    id: "six",
    organizationId: ORG.a,
    status: "pending",
    expiresOn: "2026-12-04T12:00:00Z",
  });
  const inEightDays = invite({
    id: "eight",
    organizationId: ORG.a,
    status: "pending",
    expiresOn: "2026-12-06T12:00:00Z",
  });
  expect(DEFAULT_EXPIRY_WINDOW_DAYS).toBe(7);
  expect(findExpiringInvites([inSixDays, inEightDays], undefined, NOW).map((n) => n.invite.id)).toEqual([
    "six",
  ]);
});
