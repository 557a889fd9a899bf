import { CloudflareConfigError } from "../../provider";
import { applyFilters, assertValidFilters, filterProblems } from "../../provider/cloudflare/filters";
import type { Invite } from "../../provider/cloudflare/invite";

const ORG_A = "a".repeat(32);
const ORG_B = "b".repeat(32);
const invite = (organizationId: string, status?: string): Invite => ({
  organizationId,
  invitedMemberId: null,
  roles: [],
  ...(status ? { status } : {}),
});

test("valid filters have no problems", () => {
  expect(
    filterProblems({
      statuses: ["pending", "accepted", "rejected", "expired", "canceled", "left"],
      organizationIds: [ORG_A],
    }),
  ).toEqual([]);
  expect(filterProblems({})).toEqual([]);
});

test("each bad value is named by its place", () => {
  expect(
    filterProblems({
      statuses: ["pending", "pendng" as never],
      organizationIds: [ORG_A, "ACME", 7 as unknown as string],
    }),
  ).toEqual([
    {
      property: "statuses[1]",
      reason: expect.stringContaining('unknown invite status "pendng"; expected one of pending, accepted'),
    },
    { property: "organizationIds[1]", reason: expect.stringContaining('malformed organization id "ACME"') },
    { property: "organizationIds[2]", reason: expect.stringContaining("malformed organization id 7") },
  ]);
});

test("a filter that is not a list", () => {
  expect(filterProblems({ statuses: "pending" as never })).toEqual([
    { property: "statuses", reason: "expected a list of statuses" },
  ]);
});

test("assertValidFilters throws one error listing every problem", () => {
  expect(() => assertValidFilters({ statuses: ["nope" as never], organizationIds: ["x"] })).toThrow(
    CloudflareConfigError,
  );
  expect(() => assertValidFilters({ statuses: ["nope" as never], organizationIds: ["x"] })).toThrow(
    /^Invalid filter: statuses\[0\]: unknown invite status "nope".*; organizationIds\[0\]: malformed organization id "x"/,
  );
});

test("filters combine, and empty filters keep everything", () => {
  const all = [invite(ORG_A, "pending"), invite(ORG_A, "accepted"), invite(ORG_B, "pending"), invite(ORG_B)];
  expect(applyFilters(all, { statuses: ["pending"] })).toEqual([all[0], all[2]]);
  expect(applyFilters(all, { organizationIds: [ORG_B] })).toEqual([all[2], all[3]]);
  expect(applyFilters(all, { statuses: ["pending"], organizationIds: [ORG_B] })).toEqual([all[2]]);
  expect(applyFilters(all, { statuses: [], organizationIds: [] })).toEqual(all);
});
