import { request } from "undici";
import {
  FAKE_CREDENTIALS,
  faults,
  sampleInvites,
  startCloudflareEmulator,
  type CloudflareEmulator,
} from "../../provider/testing";

let emu: CloudflareEmulator;
afterEach(() => emu.close());

const TOKEN = { authorization: `Bearer ${FAKE_CREDENTIALS.apiToken}` };
const get = async (path: string, headers: Record<string, string> = TOKEN, method = "GET") => {
  const response = await request(`${emu.url}${path}`, { method: method as "GET", headers });
  return {
    status: response.statusCode,
    headers: response.headers,
    body: (await response.body.json()) as Record<string, unknown>,
  };
};

describe("auth, the way Cloudflare answers", () => {
  beforeEach(async () => (emu = await startCloudflareEmulator()));

  test("no credentials: 400/9106", async () => {
    const { status, body } = await get("/user/invites", {});
    expect(status).toBe(400);
    expect(body).toEqual({
      success: false,
      errors: [{ code: 9106, message: "Missing X-Auth-Key, X-Auth-Email or Authorization headers" }],
      messages: [],
      result: null,
    });
  });

  test("a key without its email: 400/9106", async () => {
    expect((await get("/user/invites", { "x-auth-key": FAKE_CREDENTIALS.apiKey })).status).toBe(400);
  });

  test("a token sent as X-Auth-Key: 400/6003 with 6103 in error_chain", async () => {
    const { status, body } = await get("/user/invites", {
      "x-auth-key": FAKE_CREDENTIALS.apiToken,
      "x-auth-email": FAKE_CREDENTIALS.apiEmail,
    });
    expect(status).toBe(400);
    expect(body["errors"]).toEqual([
      {
        code: 6003,
        message: "Invalid request headers",
        error_chain: [{ code: 6103, message: "Invalid format for X-Auth-Key header" }],
      },
    ]);
  });

  test("a malformed Authorization header: 400/6003", async () => {
    expect((await get("/user/invites", { authorization: FAKE_CREDENTIALS.apiToken })).status).toBe(400);
  });

  test("a token lacking the permission: 403/9109; an unknown token: 403/10000", async () => {
    expect(
      (await get("/user/invites", { authorization: "Bearer FAKE-test-token-without-memberships-read" })).body[
        "errors"
      ],
    ).toEqual([{ code: 9109, message: "Unauthorized to access requested resource" }]);
    expect((await get("/user/invites", { authorization: "Bearer nope" })).status).toBe(403);
  });

  test("the right key and email are accepted", async () => {
    const { status } = await get("/user/invites", {
      "x-auth-key": FAKE_CREDENTIALS.apiKey,
      "x-auth-email": FAKE_CREDENTIALS.apiEmail,
    });
    expect(status).toBe(200);
  });
});

describe("listing", () => {
  test("every invite on one page by default, with result_info and Cloudflare's headers", async () => {
    const invites = sampleInvites(new Date("2026-11-28T00:00:00Z"));
    emu = await startCloudflareEmulator({ invites });
    const { status, headers, body } = await get("/user/invites");
    expect(status).toBe(200);
    expect(body["result"]).toEqual(invites);
    expect(body["result_info"]).toEqual({ page: 1, per_page: 7, count: 7, total_count: 7, total_pages: 1 });
    expect(headers["cf-ray"]).toBe("0000000000000001-EMU");
    expect(headers["ratelimit"]).toBe('"default";r=1199;t=300');
  });

  test("pages on request, and can ignore page", async () => {
    emu = await startCloudflareEmulator({ perPage: 3 });
    expect((await get("/user/invites?page=3")).body["result_info"]).toEqual({
      page: 3,
      per_page: 3,
      count: 1,
      total_count: 7,
      total_pages: 3,
    });
    expect((await get("/user/invites?page=2&per_page=5")).body["result_info"]).toMatchObject({
      page: 2,
      count: 2,
    });
    await emu.close();
    emu = await startCloudflareEmulator({ perPage: 3, ignorePage: true });
    expect((await get("/user/invites?page=3")).body["result_info"]).toMatchObject({ page: 1, count: 3 });
  });

  test("one invite by id, 404 for an unknown id or path, 405 for other methods", async () => {
    const invites = sampleInvites();
    emu = await startCloudflareEmulator({ invites });
    expect((await get(`/user/invites/${invites[0]!.id}`)).body["result"]).toEqual(invites[0]);
    expect((await get("/user/invites/nope")).status).toBe(404);
    expect((await get("/user/nothing")).status).toBe(404);
    expect((await get("/user/invites", TOKEN, "POST")).status).toBe(405);
  });

  test("setInvites changes what the next request lists, pages served before included", async () => {
    emu = await startCloudflareEmulator();
    // Pages are kept serialized between requests: a change must not serve the old one.
    expect((await get("/user/invites")).body["result"]).toHaveLength(7);
    expect((await get("/user/invites")).body["result"]).toHaveLength(7);
    emu.setInvites([]);
    expect((await get("/user/invites")).body["result"]).toEqual([]);
  });

  test("pages kept serialized stay apart by page and size", async () => {
    emu = await startCloudflareEmulator({ invites: sampleInvites() });
    const first = await get("/user/invites?page=1&per_page=2");
    const second = await get("/user/invites?page=2&per_page=2");
    const wide = await get("/user/invites?page=1&per_page=5");
    expect(first.body["result"]).toHaveLength(2);
    expect(second.body["result_info"]).toMatchObject({ page: 2, per_page: 2 });
    expect(wide.body["result"]).toHaveLength(5);
    expect((await get("/user/invites?page=2&per_page=2")).body).toEqual(second.body);
  });

  test("records each request", async () => {
    emu = await startCloudflareEmulator();
    await get("/user/invites?page=2&per_page=10", { ...TOKEN, "x-custom": "1" });
    expect(emu.requests).toEqual([
      expect.objectContaining({
        method: "GET",
        path: "/client/v4/user/invites",
        query: { page: "2", per_page: "10" },
      }),
    ]);
    expect(emu.requests[0]?.headers["x-custom"]).toBe("1");
  });
});

describe("scripted faults", () => {
  test("are used in order, then faultFor, then normal answers", async () => {
    emu = await startCloudflareEmulator({
      faults: [faults.rateLimited(7), undefined],
      faultFor: (_request, index) => (index === 2 ? faults.serverError(503) : undefined),
    });
    const first = await get("/user/invites");
    expect(first.status).toBe(429);
    expect(first.headers["retry-after"]).toBe("7");
    expect((await get("/user/invites")).status).toBe(200);
    expect((await get("/user/invites")).status).toBe(503);
    expect((await get("/user/invites")).status).toBe(200);
  });

  test("an HTML page is sent as it is", async () => {
    emu = await startCloudflareEmulator({ faults: [faults.htmlError(502)] });
    const response = await request(`${emu.url}/user/invites`, { headers: TOKEN });
    expect(response.statusCode).toBe(502);
    expect(response.headers["content-type"]).toBe("text/html");
    expect(await response.body.text()).toContain("<title>502 | Cloudflare</title>");
  });

  test("a dropped connection is a socket error for the client", async () => {
    emu = await startCloudflareEmulator({ faults: [faults.reset()] });
    await expect(request(`${emu.url}/user/invites`, { headers: TOKEN })).rejects.toThrow();
  });

  test("a delay-only fault answers normally after the delay", async () => {
    emu = await startCloudflareEmulator({ faults: [faults.hang(50)] });
    const { status, body } = await get("/user/invites");
    expect(status).toBe(200);
    expect(body["result"]).toHaveLength(7);
  });
});
