import {
  CloudflareApiError,
  CloudflareConfigError,
  listUserInvites,
  type ListUserInvitesOptions,
} from "../../../provider";
import { FAKE_CREDENTIALS, FAKE_TOKEN_WITHOUT_PERMISSION } from "../../../provider/testing";
import { clientOptions, emulator, thrown, withEnv } from "../../helpers/emulator";

const { apiToken, apiKey, apiEmail } = FAKE_CREDENTIALS;

describe("API token", () => {
  test("is sent as Authorization: Bearer and nothing else", async () => {
    const emu = await emulator();
    const invites = await listUserInvites(clientOptions(emu));
    expect(invites).toHaveLength(7);
    expect(emu.requests).toHaveLength(1);
    const [request] = emu.requests;
    expect(request?.method).toBe("GET");
    expect(request?.path).toBe("/client/v4/user/invites");
    expect(request?.query).toEqual({});
    expect(request?.headers["authorization"]).toBe(`Bearer ${apiToken}`);
    expect(request?.headers).not.toHaveProperty("x-auth-key");
    expect(request?.headers).not.toHaveProperty("x-auth-email");
    expect(request?.headers["user-agent"]).toMatch(
      /^pulumi-cloudflare-user-invites\/\d+\.\d+\.\d+ node\/\d+/,
    );
    expect(request?.headers["accept"]).toBe("application/json");
  });

  test("without Memberships Read: 403/9109 says which permission to add", async () => {
    const emu = await emulator();
    const error = await thrown(() =>
      listUserInvites(clientOptions(emu, { apiToken: FAKE_TOKEN_WITHOUT_PERMISSION })),
    );
    expect(error).toBeInstanceOf(CloudflareApiError);
    const api = error as CloudflareApiError;
    expect(api.status).toBe(403);
    expect(api.errors).toEqual([{ code: 9109, message: "Unauthorized to access requested resource" }]);
    expect(api.rayId).toBe("0000000000000001-EMU");
    expect(api.method).toBe("GET");
    expect(api.path).toBe("/client/v4/user/invites");
    expect(api.message).toBe(
      "Cloudflare API GET /client/v4/user/invites failed with HTTP 403: [9109] Unauthorized to access requested resource " +
        '(cf-ray 0000000000000001-EMU). The credentials lack the user-level "Memberships Read" permission. Create a user API ' +
        "token (My Profile > API Tokens) with User > Memberships > Read; account-owned tokens cannot read a user's invitations. " +
        "See https://developers.cloudflare.com/api/resources/user/subresources/invites/methods/list/",
    );
    expect(emu.requests).toHaveLength(1);
  });

  test("an unknown token: 403/10000, not retried, message says to create a new one", async () => {
    const emu = await emulator();
    const error = (await thrown(() =>
      listUserInvites(clientOptions(emu, { apiToken: "FAKE-revoked-token" })),
    )) as CloudflareApiError;
    expect(error.status).toBe(403);
    expect(error.errors.map((e) => e.code)).toEqual([10000]);
    expect(error.message).toContain("did not accept the API token: it may be mistyped, expired, revoked");
    expect(emu.requests).toHaveLength(1);
  });
});

describe("Global API key", () => {
  test("is sent as X-Auth-Email + X-Auth-Key and nothing else", async () => {
    const emu = await emulator();
    const invites = await listUserInvites({ baseUrl: emu.url, apiKey, apiEmail });
    expect(invites).toHaveLength(7);
    const headers = emu.requests[0]?.headers ?? {};
    expect(headers["x-auth-email"]).toBe(apiEmail);
    expect(headers["x-auth-key"]).toBe(apiKey);
    expect(headers).not.toHaveProperty("authorization");
  });

  test("a token given as apiKey: 400/6003 with 6103 in error_chain, and the hint says so", async () => {
    const emu = await emulator();
    const error = (await thrown(() =>
      listUserInvites({ baseUrl: emu.url, apiKey: apiToken, apiEmail }),
    )) as CloudflareApiError;
    expect(error).toBeInstanceOf(CloudflareApiError);
    expect(error.status).toBe(400);
    expect(error.errors).toEqual([
      { code: 6003, message: "Invalid request headers" },
      { code: 6103, message: "Invalid format for X-Auth-Key header" },
    ]);
    expect(error.message).toContain(
      "[6003] Invalid request headers; [6103] Invalid format for X-Auth-Key header",
    );
    expect(error.message).toContain("looks like an API token, not a Global API key. Pass it as apiToken");
  });

  test("a wrong key: 403/10000 says to check key and email", async () => {
    const emu = await emulator();
    const error = (await thrown(() =>
      listUserInvites({ baseUrl: emu.url, apiKey: "f".repeat(37), apiEmail }),
    )) as CloudflareApiError;
    expect(error.status).toBe(403);
    expect(error.message).toContain("did not accept the Global API key and email");
  });
});

describe("environment fallback", () => {
  test("CLOUDFLARE_API_TOKEN and CLOUDFLARE_BASE_URL are used when no option is given", async () => {
    const emu = await emulator();
    const invites = await withEnv({ CLOUDFLARE_API_TOKEN: apiToken, CLOUDFLARE_BASE_URL: emu.url }, () =>
      listUserInvites(),
    );
    expect(invites).toHaveLength(7);
    expect(emu.requests[0]?.headers["authorization"]).toBe(`Bearer ${apiToken}`);
  });

  test("CLOUDFLARE_EMAIL + CLOUDFLARE_API_KEY are used when there is no token", async () => {
    const emu = await emulator();
    await withEnv({ CLOUDFLARE_API_KEY: apiKey, CLOUDFLARE_EMAIL: apiEmail }, () =>
      listUserInvites({ baseUrl: emu.url }),
    );
    expect(emu.requests[0]?.headers["x-auth-key"]).toBe(apiKey);
  });

  test("an explicit option beats the environment", async () => {
    const emu = await emulator();
    await withEnv({ CLOUDFLARE_API_TOKEN: "FAKE-env-token-that-is-wrong" }, () =>
      listUserInvites(clientOptions(emu)),
    );
    expect(emu.requests[0]?.headers["authorization"]).toBe(`Bearer ${apiToken}`);
  });
});

describe("refusals before any request", () => {
  test("no credentials at all", async () => {
    const emu = await emulator();
    const error = await thrown(() => listUserInvites({ baseUrl: emu.url }));
    expect(error).toBeInstanceOf(CloudflareConfigError);
    expect(error.message).toContain("No Cloudflare credentials were found");
    expect(error.message).toContain("CLOUDFLARE_API_TOKEN");
    expect(emu.requests).toHaveLength(0);
  });

  test("half a key pair", async () => {
    const emu = await emulator();
    const error = await thrown(() => listUserInvites({ baseUrl: emu.url, apiKey }));
    expect(error).toBeInstanceOf(CloudflareConfigError);
    expect(emu.requests).toHaveLength(0);
  });

  test("plain http to a non-loopback host", async () => {
    const error = await thrown(() =>
      listUserInvites({ apiToken, baseUrl: "http://api.cloudflare.com/client/v4" }),
    );
    expect(error).toBeInstanceOf(CloudflareConfigError);
    expect(error.message).toContain("credentials would travel in clear text");
  });

  test("bad numeric options name themselves", async () => {
    await expect(listUserInvites({ apiToken, timeoutMs: 0 })).rejects.toThrow(
      "timeoutMs must be a whole number from 1 to 2147483647, got 0.",
    );
    await expect(listUserInvites({ apiToken, maxRetries: -1 })).rejects.toThrow(
      "maxRetries must be a whole number from 0 to 100, got -1.",
    );
  });

  test("a bad filter", async () => {
    const emu = await emulator();
    await expect(listUserInvites(clientOptions(emu, { statuses: ["pendin" as never] }))).rejects.toThrow(
      /unknown invite status "pendin"/,
    );
    expect(emu.requests).toHaveLength(0);
  });
});

describe("options", () => {
  test("an unknown option (a misspelt statuses) is refused before any request, naming it", async () => {
    const emu = await emulator();
    const options = { ...clientOptions(emu), status: ["pending"] } as ListUserInvitesOptions;
    const error = await thrown(() => listUserInvites(options));
    expect(error).toBeInstanceOf(CloudflareConfigError);
    expect(error.message).toMatch(
      /^Invalid listUserInvites options: status: unknown option \(did you mean statuses\?\); the options are statuses, organizationIds, baseUrl, apiToken, .*, maxResponseBytes, dispatcher\.$/,
    );
    expect(error.message).not.toContain(FAKE_CREDENTIALS.apiToken);
    expect(emu.requests).toHaveLength(0);
  });
});
