import { request } from "undici";
import {
  FAKE_CREDENTIALS,
  FAKE_TOKEN_WITHOUT_USER_DETAILS,
  manyMemberships,
  sampleMemberships,
} from "../../provider/testing";
import { emulator } from "../helpers/emulator";

/** GETs `path` with a token, returning the status and the parsed body. */
async function get(url: string, path: string, token: string = FAKE_CREDENTIALS.apiToken) {
  const response = await request(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: response.statusCode,
    body: (await response.body.json()) as {
      success: boolean;
      result: { account: { name: string }; status: string }[] & {
        two_factor_authentication_enabled?: boolean;
      };
      result_info?: Record<string, number>;
      errors: { code: number }[];
    },
  };
}

describe("GET /memberships, paged and filtered as Cloudflare documents", () => {
  test("20 a page unless asked, sizes held to 5..50, result_info describing the page", async () => {
    const emu = await emulator({ memberships: manyMemberships(120) });
    expect((await get(emu.url, "/memberships")).body.result_info).toEqual({
      page: 1,
      per_page: 20,
      count: 20,
      total_count: 120,
      total_pages: 6,
    });
    expect((await get(emu.url, "/memberships?per_page=500&page=3")).body.result_info).toEqual({
      page: 3,
      per_page: 50,
      count: 20,
      total_count: 120,
      total_pages: 3,
    });
    expect((await get(emu.url, "/memberships?per_page=1")).body.result_info?.["per_page"]).toBe(5);
  });

  test("status and account.name filter; order and direction sort", async () => {
    const emu = await emulator({ memberships: sampleMemberships() });
    const accepted = await get(emu.url, "/memberships?status=accepted&order=account.name&direction=desc");
    expect(accepted.body.result.map((m) => m.account.name)).toEqual([
      "Wayne Enterprises",
      "Umbrella Labs",
      "Initech",
    ]);
    const named = await get(emu.url, "/memberships?account.name=CORP");
    expect(named.body.result.map((m) => m.account.name)).toEqual(["Acme Corp"]);
  });
});

test("GET /user: the user for a full token; 403 with code 9109 for a token without User Details Read", async () => {
  const emu = await emulator();
  const user = await get(emu.url, "/user");
  expect(user.status).toBe(200);
  expect(user.body.result.two_factor_authentication_enabled).toBe(true);
  const denied = await get(emu.url, "/user", FAKE_TOKEN_WITHOUT_USER_DETAILS);
  expect(denied.status).toBe(403);
  expect(denied.body.errors.map((e) => e.code)).toEqual([9109]);
  // The same token lists memberships.
  expect((await get(emu.url, "/memberships", FAKE_TOKEN_WITHOUT_USER_DETAILS)).status).toBe(200);
});
