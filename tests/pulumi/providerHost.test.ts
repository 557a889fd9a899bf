import { FAKE_CREDENTIALS, fakeId, ProviderHostCallError, sampleInvites } from "../../provider/testing";
import { emulator, thrown } from "../helpers/emulator";
import { serializeProvider, startHost, stderrWith } from "../helpers/providerHost";
import { SAMPLE } from "../helpers/sample";

const NOW = new Date();
const { apiToken, apiKey, apiEmail } = FAKE_CREDENTIALS;
let provider: string;

beforeAll(async () => {
  provider = await serializeProvider();
});

describe("a host configured with stack config, as `pulumi up` starts it", () => {
  test("a Get-style read carrying only inputs returns typed outputs and keeps __provider", async () => {
    const emu = await emulator({ invites: sampleInvites(NOW) });
    const host = await startHost({ "cloudflare:apiToken": apiToken, "cloudflare:baseUrl": emu.url });
    const { id, properties } = await host.read({
      id: "cloudflare-user-invites",
      inputs: { __provider: provider },
    });
    expect(id).toBe("cloudflare-user-invites");
    expect(properties).toMatchObject(SAMPLE);
    expect(properties["invites"]).toHaveLength(7);
    expect(
      (properties["pendingInvitesPastExpiry"] as { organizationName: string }[]).map(
        (i) => i.organizationName,
      ),
    ).toEqual(["Hooli"]);
    expect(properties["__provider"]).toBe(provider);
    expect(Object.keys(properties).sort()).toEqual([
      "__provider",
      "inviteCountByStatus",
      "invites",
      "organizationsNotEnforcingTwoFactor",
      "pendingInvitesPastExpiry",
      "pendingOrganizationIds",
    ]);
    expect(emu.requests).toHaveLength(1);
    expect(emu.requests[0]?.headers["authorization"]).toBe(`Bearer ${apiToken}`);
  });

  test("inputs: filters apply, explicit credentials win over config, and no credential comes back", async () => {
    const emu = await emulator({ invites: sampleInvites(NOW), apiTokens: [apiToken, "FAKE-explicit-token"] });
    const host = await startHost({ "cloudflare:apiToken": apiToken, "cloudflare:baseUrl": emu.url });
    const { properties } = await host.read({
      id: "cloudflare-user-invites",
      inputs: { __provider: provider, statuses: ["pending"], apiToken: "FAKE-explicit-token" },
    });
    expect(properties["statuses"]).toEqual(["pending"]);
    expect(properties["invites"]).toHaveLength(3);
    const byOrganization = await host.read({
      id: "cloudflare-user-invites",
      inputs: {
        __provider: provider,
        organizationIds: [fakeId("org:Globex")],
        apiToken: "FAKE-explicit-token",
      },
    });
    expect(
      (byOrganization.properties["invites"] as { organizationName: string }[]).map((i) => i.organizationName),
    ).toEqual(["Globex"]);
    expect(properties).not.toHaveProperty("apiToken");
    expect(JSON.stringify(properties)).not.toContain("FAKE-explicit-token");
    expect(emu.requests[0]?.headers["authorization"]).toBe("Bearer FAKE-explicit-token");
  });

  // One rule for every output: the filters choose the invites the resource reads, and each output
  // describes those. The two-factor output counts the pending and accepted ones among them (those
  // give access), so a resource that reads only rejected invites reports no organization.
  test("outputs describe the filtered invites: statuses [rejected] has no two-factor findings", async () => {
    const emu = await emulator({ invites: sampleInvites(NOW) });
    const host = await startHost({ "cloudflare:apiToken": apiToken, "cloudflare:baseUrl": emu.url });
    const rejected = await host.read({
      id: "cloudflare-user-invites",
      inputs: { __provider: provider, statuses: ["rejected"] },
    });
    expect((rejected.properties["invites"] as { status: string }[]).map((i) => i.status)).toEqual([
      "rejected",
    ]);
    expect(rejected.properties["organizationsNotEnforcingTwoFactor"]).toEqual([]);
    expect(rejected.properties["inviteCountByStatus"]).toEqual({
      pending: 0,
      accepted: 0,
      rejected: 1,
      expired: 0,
    });
    const accepted = await host.read({
      id: "cloudflare-user-invites",
      inputs: { __provider: provider, statuses: ["accepted"] },
    });
    expect(accepted.properties["organizationsNotEnforcingTwoFactor"]).toEqual([
      SAMPLE.organizationsNotEnforcingTwoFactor.find((o) => o.organizationName === "Umbrella Labs"),
    ]);
  });

  test("a refresh-style read (previous outputs as properties) reads fresh data", async () => {
    const emu = await emulator({ invites: sampleInvites(NOW) });
    const host = await startHost({ "cloudflare:apiToken": apiToken, "cloudflare:baseUrl": emu.url });
    const first = await host.read({ id: "cloudflare-user-invites", inputs: { __provider: provider } });
    emu.setInvites(sampleInvites(NOW).filter((i) => i.status !== "pending"));
    const refreshed = await host.read({
      id: "cloudflare-user-invites",
      properties: first.properties,
      inputs: { __provider: provider },
    });
    expect(refreshed.properties["pendingOrganizationIds"]).toEqual([]);
    expect(refreshed.properties["invites"]).toHaveLength(4);
    expect(emu.requests).toHaveLength(2);
  });

  test("check reports each bad arg by property; good args pass through", async () => {
    const host = await startHost({});
    const bad = await host.check(
      {},
      { __provider: provider, statuses: ["pending", "approved"], organizationIds: ["ACME"], baseUrl: 42 },
    );
    expect(bad.failures).toEqual([
      { property: "statuses[1]", reason: expect.stringContaining('unknown invite status "approved"') },
      { property: "organizationIds[0]", reason: expect.stringContaining('malformed organization id "ACME"') },
      { property: "baseUrl", reason: "expected a string, got a number" },
    ]);
    // A misspelt key is refused by name, with the key it was probably meant to be.
    const misspelt = await host.check({}, { __provider: provider, status: ["pending"] });
    expect(misspelt.failures).toEqual([
      {
        property: "status",
        reason:
          "unknown argument (did you mean statuses?); the arguments are statuses, organizationIds, " +
          "baseUrl, apiToken, apiKey, apiEmail, timeoutMs, maxRetries, maxRetryAfterMs, backoffBaseMs, " +
          "maxPages, maxResponseBytes",
      },
    ]);
    const good = await host.check({}, { __provider: provider, statuses: ["pending"] });
    expect(good.failures).toEqual([]);
    expect(good.inputs).toEqual({ __provider: provider, statuses: ["pending"] });
  });

  test("read validates too (the engine does not check before a read), before any request", async () => {
    const emu = await emulator();
    const host = await startHost({ "cloudflare:apiToken": apiToken, "cloudflare:baseUrl": emu.url });
    const error = await thrown(() =>
      host.read({ id: "x", inputs: { __provider: provider, statuses: ["approved"] } }),
    );
    expect(error).toBeInstanceOf(ProviderHostCallError);
    expect(error.message).toMatch(
      /^Invalid UserInvites arguments: statuses\[0\]: unknown invite status "approved"; expected one of/,
    );
    expect(emu.requests).toHaveLength(0);
  });

  test("create reads, diff compares the filters, update re-reads, delete touches nothing", async () => {
    const emu = await emulator({ invites: sampleInvites(NOW) });
    const host = await startHost({ "cloudflare:apiToken": apiToken, "cloudflare:baseUrl": emu.url });
    const created = await host.create({ __provider: provider, statuses: ["accepted"] });
    expect(created.id).toBe("cloudflare-user-invites");
    expect(created.properties["invites"]).toHaveLength(2);

    expect(
      await host.diff(created.id, created.properties, { __provider: provider, statuses: ["accepted"] }),
    ).toEqual({ changes: "none" });
    expect(
      await host.diff(created.id, created.properties, { __provider: provider, statuses: ["pending"] }),
    ).toEqual({ changes: "some" });

    const updated = await host.update(created.id, created.properties, {
      __provider: provider,
      statuses: ["pending"],
    });
    expect(updated.properties["invites"]).toHaveLength(3);
    expect(updated.properties).toMatchObject({
      pendingOrganizationIds: SAMPLE.pendingOrganizationIds,
      statuses: ["pending"],
    });

    const requestsBefore = emu.requests.length;
    await host.delete(created.id, updated.properties);
    expect(emu.requests).toHaveLength(requestsBefore);
  });

  test("an API failure comes back as a gRPC error whose message says what to do", async () => {
    const emu = await emulator();
    const host = await startHost({
      "cloudflare:apiToken": "FAKE-test-token-without-memberships-read",
      "cloudflare:baseUrl": emu.url,
    });
    const error = await thrown(() => host.read({ id: "x", inputs: { __provider: provider } }));
    expect(error.message).toMatch(
      /^Cloudflare API GET \/client\/v4\/user\/invites failed with HTTP 403: \[9109\]/,
    );
    expect(error.message).toContain("User > Memberships > Read");
    const log = await stderrWith(host, "failed with HTTP 403: [9109]");
    expect(log).toContain("failed with HTTP 403: [9109]");
    expect(log).not.toContain("FAKE-test-token-without-memberships-read");
  });
});

describe("a host without stack config", () => {
  test("falls back to the CLOUDFLARE_* environment the CLI passes on", async () => {
    const emu = await emulator();
    const host = await startHost(
      {},
      {
        ...process.env,
        CLOUDFLARE_API_KEY: apiKey,
        CLOUDFLARE_EMAIL: apiEmail,
        CLOUDFLARE_BASE_URL: emu.url,
      },
    );
    const { properties } = await host.read({ id: "x", inputs: { __provider: provider } });
    expect(properties["invites"]).toHaveLength(7);
    expect(emu.requests[0]?.headers["x-auth-key"]).toBe(apiKey);
  });

  test("a refresh after a read with explicit credentials says why they are missing now", async () => {
    const emu = await emulator();
    const host = await startHost({});
    const first = await host.read({ id: "x", inputs: { __provider: provider, baseUrl: emu.url, apiToken } });
    expect(JSON.stringify(first.properties)).not.toContain(apiToken);
    const error = await thrown(() =>
      host.read({ id: "x", properties: first.properties, inputs: { __provider: provider } }),
    );
    expect(error.message).toMatch(
      /^No Cloudflare credentials were found\. .* This is a refresh \(pulumi refresh, or up --refresh\)/,
    );
    expect(error.message).toContain("Set cloudflare:apiToken, or CLOUDFLARE_API_TOKEN, for the refresh.");
    expect(emu.requests).toHaveLength(1);
  });

  test("with no credentials anywhere, the message names the config keys and variables", async () => {
    const emu = await emulator();
    const host = await startHost({});
    const error = await thrown(() =>
      host.read({ id: "x", inputs: { __provider: provider, baseUrl: emu.url } }),
    );
    expect(error.message).toContain("No Cloudflare credentials were found");
    expect(error.message).toContain("apiToken, cloudflare:apiToken, CLOUDFLARE_API_TOKEN");
    expect(error.message).not.toContain("refresh");
    expect(emu.requests).toHaveLength(0);
  });
});
