import {
  CloudflareConfigError,
  getUser,
  listUserInvites,
  listUserMemberships,
  MEMBERSHIPS_PER_PAGE,
  type Membership,
} from "../../../provider";
import { readUserMemberships } from "../../../provider/pulumi/runtime";
import { FAKE_CREDENTIALS, fakeId, manyMemberships, sampleMemberships } from "../../../provider/testing";
import { emulator, thrown } from "../../helpers/emulator";

const token = { apiToken: FAKE_CREDENTIALS.apiToken };
const ids = (list: readonly Membership[]) => list.map((m) => m.accountName);

describe("the request log: a read costs at most 2 + ceil(M / 50) requests", () => {
  test.each([0, 1, 49, 50, 51, 1_234])("M = %i memberships", async (count) => {
    const emu = await emulator({ memberships: manyMemberships(count) });
    const outputs = await readUserMemberships({ baseUrl: emu.url, ...token }, {});
    expect(outputs.memberships).toHaveLength(count);
    const pages = emu.requests.filter((r) => r.path.endsWith("/memberships"));
    // One request per page of 50 (one for an empty list), and one for the user.
    expect(pages).toHaveLength(Math.max(1, Math.ceil(count / MEMBERSHIPS_PER_PAGE)));
    expect(emu.requests.filter((r) => r.path.endsWith("/user"))).toHaveLength(1);
    expect(emu.requests.length).toBeLessThanOrEqual(2 + Math.ceil(count / 50));
    // Each page once: the first without a page number, the rest (asked several at a time) with one.
    const byPage = pages.map((r) => r.query).sort((a, b) => Number(a["page"] ?? 1) - Number(b["page"] ?? 1));
    expect(byPage).toEqual(
      pages.map((_r, i) => (i === 0 ? { per_page: "50" } : { page: String(i + 1), per_page: "50" })),
    );
  });
});

test("every page, ordered by account id then membership id, whatever order Cloudflare used", async () => {
  const emu = await emulator({ memberships: manyMemberships(120) });
  const list = await listUserMemberships({ baseUrl: emu.url, ...token });
  const keys = list.map((m) => `${m.accountId}/${m.id}`);
  expect(keys).toEqual([...keys].sort());
  expect(new Set(list.map((m) => m.id)).size).toBe(120);
});

test("one status is sent to Cloudflare (fewer pages) and applied again; several are applied here", async () => {
  const emu = await emulator({ memberships: manyMemberships(150) });
  const accepted = await listUserMemberships({ baseUrl: emu.url, statuses: ["accepted"], ...token });
  expect(accepted).toHaveLength(50);
  expect(accepted.every((m) => m.status === "accepted")).toBe(true);
  expect(emu.requests.map((r) => r.query)).toEqual([{ per_page: "50", status: "accepted" }]);

  const before = emu.requests.length;
  const two = await listUserMemberships({ baseUrl: emu.url, statuses: ["accepted", "pending"], ...token });
  expect(two).toHaveLength(100);
  expect(emu.requests.slice(before).map((r) => r.query["status"])).toEqual([undefined, undefined, undefined]);
});

test("accountIds keeps the memberships of those accounts", async () => {
  const emu = await emulator();
  const list = await listUserMemberships({
    baseUrl: emu.url,
    accountIds: [fakeId("org:Initech"), fakeId("org:Globex")],
    ...token,
  });
  expect(ids(list).sort()).toEqual(["Globex", "Initech"]);
});

test("the sample, with each account's two-factor setting as Cloudflare says it", async () => {
  const emu = await emulator({ memberships: sampleMemberships() });
  const list = await listUserMemberships({ baseUrl: emu.url, ...token });
  expect(list.map((m) => [m.accountName, m.status, m.accountIsEnforcingTwoFactor])).toEqual(
    expect.arrayContaining([
      ["Umbrella Labs", "accepted", false],
      ["Wayne Enterprises", "accepted", undefined],
      ["Initech", "accepted", true],
    ]),
  );
  expect(await getUser({ baseUrl: emu.url, ...token })).toEqual({
    twoFactorAuthenticationEnabled: true,
    twoFactorAuthenticationLocked: false,
  });
});

describe("bad input is refused before any request, naming what was wrong", () => {
  test.each([
    [
      { statuses: ["expired"] },
      'statuses[0]: unknown membership status "expired"; expected one of accepted, pending, rejected',
    ],
    [{ accountIds: ["Acme"] }, 'accountIds[0]: malformed account id "Acme"'],
    [
      { accountIds: [] },
      "accountIds: the list is empty; give at least one, or leave the filter out to keep all account ids",
    ],
    [
      { organizationIds: [fakeId("org:Acme Corp")] },
      // The invitations' word for an account: the message points at this read's.
      "organizationIds: unknown option (did you mean accountIds?); the options are statuses, accountIds, baseUrl,",
    ],
    [{ maxPages: 0 }, "maxPages must be a whole number from 1 to 100000"],
  ])("%j", async (options, message) => {
    const emu = await emulator();
    const error = await thrown(() =>
      listUserMemberships({ baseUrl: emu.url, ...token, ...(options as object) }),
    );
    expect(error).toBeInstanceOf(CloudflareConfigError);
    expect(error.message).toContain(message);
    expect(emu.requests).toHaveLength(0);
  });

  test("listUserInvites points an accountIds at its own word, organizationIds", async () => {
    const emu = await emulator();
    const error = await thrown(() =>
      listUserInvites({ baseUrl: emu.url, ...token, accountIds: [fakeId("org:Acme Corp")] } as never),
    );
    expect(error).toBeInstanceOf(CloudflareConfigError);
    expect(error.message).toMatch(
      /^Invalid listUserInvites options: accountIds: unknown option \(did you mean organizationIds\?\)/,
    );
    expect(emu.requests).toHaveLength(0);
  });

  test("getUser takes only the connection options", async () => {
    const error = await thrown(() => getUser({ statuses: ["accepted"] } as never));
    expect(error.message).toContain("Invalid getUser options: statuses: unknown option");
  });
});
