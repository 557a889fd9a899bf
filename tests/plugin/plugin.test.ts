import { readFileSync } from "node:fs";
import { INPUT_NAMES, MEMBERSHIP_INPUTS } from "../../provider/cloudflare/inputs";
import {
  PLUGIN_FUNCTION_TOKEN,
  PLUGIN_MEMBERSHIPS_FUNCTION_TOKEN,
  PLUGIN_MEMBERSHIPS_RESOURCE_TOKEN,
  PLUGIN_RESOURCE_TOKEN,
} from "../../provider/core/typeTokens";
import { packageSchema } from "../../provider/plugin/packageSchema";
import { pluginSettings, UserInvitesPlugin } from "../../provider/plugin/provider";
import { FAKE_CREDENTIALS, sampleInvites } from "../../provider/testing";
import { SCHEMA_FILE } from "../../scripts/writeSchema";
import { emulator, thrown, withEnv } from "../helpers/emulator";
import { SAMPLE } from "../helpers/sample";

const { apiToken } = FAKE_CREDENTIALS;
/** URNs as the engine names each resource (a parent's type before `$`, then the resource's). */
const INVITES_URN = `urn:pulumi:dev::access::${PLUGIN_RESOURCE_TOKEN}::invites`;
const MEMBERSHIPS_URN = `urn:pulumi:dev::access::pulumi:pulumi:Stack$${PLUGIN_MEMBERSHIPS_RESOURCE_TOKEN}::memberships`;
/** How the engine sends a secret input to a provider that accepts secrets. */
const secret = (value: unknown) => ({
  "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
  value,
});

describe("the package schema", () => {
  test("schema.json is what getSchema returns (npm run schema rewrites it)", async () => {
    const committed = JSON.parse(readFileSync(SCHEMA_FILE, "utf8")) as unknown;
    expect(JSON.parse(await new UserInvitesPlugin().getSchema())).toEqual(committed);
  });

  test("every declared input is an input of the resource and the function; credentials are secret", () => {
    const schema = packageSchema() as {
      resources: Record<string, { inputProperties: Record<string, { secret?: boolean }> }>;
      functions: Record<string, { inputs: { properties: Record<string, unknown> } }>;
      types: Record<string, { enum?: { value: string }[] }>;
      config: { variables: Record<string, { secret?: boolean }> };
    };
    const resourceInputs = schema.resources[PLUGIN_RESOURCE_TOKEN]?.inputProperties ?? {};
    expect(Object.keys(resourceInputs)).toEqual(INPUT_NAMES);
    expect(Object.keys(schema.functions[PLUGIN_FUNCTION_TOKEN]?.inputs.properties ?? {})).toEqual(
      INPUT_NAMES,
    );
    expect(INPUT_NAMES.filter((name) => resourceInputs[name]?.secret)).toEqual([
      "apiToken",
      "apiKey",
      "apiEmail",
    ]);
    expect(Object.keys(schema.config.variables).sort()).toEqual([
      "apiEmail",
      "apiKey",
      "apiToken",
      "baseUrl",
    ]);
    const membershipNames = Object.keys(MEMBERSHIP_INPUTS);
    expect(Object.keys(schema.resources[PLUGIN_MEMBERSHIPS_RESOURCE_TOKEN]?.inputProperties ?? {})).toEqual(
      membershipNames,
    );
    expect(Object.keys(schema.functions[PLUGIN_MEMBERSHIPS_FUNCTION_TOKEN]?.inputs.properties ?? {})).toEqual(
      membershipNames,
    );
    expect(schema.types["cloudflare-user-invites:index:MembershipStatus"]?.enum?.map((e) => e.value)).toEqual(
      ["accepted", "pending", "rejected"],
    );
    expect(schema.types["cloudflare-user-invites:index:InviteStatus"]?.enum?.map((e) => e.value)).toEqual([
      "pending",
      "accepted",
      "rejected",
      "expired",
      "canceled",
      "left",
    ]);
  });
});

describe("the plugin's provider, in-process", () => {
  const plugin = new UserInvitesPlugin();

  test("reads with the plugin's own config (PULUMI_CONFIG), as the TypeScript resource reads", async () => {
    const emu = await emulator({ invites: sampleInvites() });
    const config = JSON.stringify({ apiToken, baseUrl: emu.url });
    const created = await withEnv({ PULUMI_CONFIG: config }, () =>
      plugin.create(INVITES_URN, { statuses: ["pending", "accepted"] }),
    );
    expect(created.id).toBe("cloudflare-user-invites");
    expect(created.outs["pendingOrganizationIds"]).toEqual(SAMPLE.pendingOrganizationIds);
    expect(created.outs["statuses"]).toEqual(["pending", "accepted"]);
    expect(emu.requests.map((r) => r.headers["authorization"])).toEqual([`Bearer ${apiToken}`]);
  });

  test("an explicit secret token wins over the config, and no credential comes back", async () => {
    const emu = await emulator({ apiTokens: [apiToken, "FAKE-explicit-plugin-token"] });
    const config = JSON.stringify({ apiToken, baseUrl: emu.url });
    const read = await withEnv({ PULUMI_CONFIG: config }, () =>
      plugin.read("cloudflare-user-invites", INVITES_URN, { apiToken: secret("FAKE-explicit-plugin-token") }),
    );
    expect(emu.requests[0]?.headers["authorization"]).toBe("Bearer FAKE-explicit-plugin-token");
    expect(JSON.stringify(read.props)).not.toContain("FAKE-explicit-plugin-token");
    expect(read.props["inviteCountByStatus"]).toEqual(SAMPLE.inviteCountByStatus);
  });

  test("with no credentials, the message names the plugin's config keys and the variables", async () => {
    const error = await thrown(() =>
      withEnv({ PULUMI_CONFIG: "{}" }, () => plugin.update("id", INVITES_URN, {}, {})),
    );
    expect(error.message).toContain("No Cloudflare credentials were found");
    expect(error.message).toContain("cloudflare-user-invites:apiToken");
    expect(error.message).toContain("CLOUDFLARE_API_TOKEN");
  });

  test("check names a misspelt argument and a bad status, reading through secrets", async () => {
    const { failures } = await plugin.check(
      INVITES_URN,
      {},
      { status: ["pending"], statuses: ["bogus"], apiToken: secret("x") },
    );
    expect(failures?.map((f) => f.property)).toEqual(["status", "statuses[0]"]);
    expect(failures?.[0]?.reason).toContain("did you mean statuses?");
  });

  test("check points each read's other word for an account at its own", async () => {
    const invites = await plugin.check(INVITES_URN, {}, { accountIds: [] });
    expect(invites.failures?.[0]?.reason).toMatch(/^unknown argument \(did you mean organizationIds\?\)/);
    const memberships = await plugin.check(MEMBERSHIPS_URN, {}, { organizationIds: [] });
    expect(memberships.failures?.[0]?.reason).toMatch(/^unknown argument \(did you mean accountIds\?\)/);
  });

  test("every up re-reads (diff is always a change, never a replacement); delete touches nothing", async () => {
    expect(await plugin.diff()).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    await expect(plugin.delete()).resolves.toBeUndefined();
  });

  test("the function reads like the resource; another token is refused by name", async () => {
    const emu = await emulator();
    const result = await withEnv({ CLOUDFLARE_API_TOKEN: apiToken, PULUMI_CONFIG: undefined }, () =>
      plugin.invoke(PLUGIN_FUNCTION_TOKEN, { baseUrl: emu.url, statuses: ["pending"] }),
    );
    expect(result.outputs["pendingOrganizationIds"]).toEqual(SAMPLE.pendingOrganizationIds);
    const error = await thrown(() => plugin.invoke("cloudflare-user-invites:index:getOther", {}));
    expect(error.message).toContain(PLUGIN_FUNCTION_TOKEN);
    expect(error.message).toContain(PLUGIN_MEMBERSHIPS_FUNCTION_TOKEN);
  });

  test("UserMemberships reads the memberships and the user in one go; its URN picks the read", async () => {
    const emu = await emulator();
    const config = JSON.stringify({ apiToken, baseUrl: emu.url });
    const created = await withEnv({ PULUMI_CONFIG: config }, () =>
      plugin.create(MEMBERSHIPS_URN, { statuses: ["accepted"] }),
    );
    expect(created.id).toBe("cloudflare-user-memberships");
    expect(created.outs["membershipCountByStatus"]).toEqual({ accepted: 3, pending: 0, rejected: 0 });
    expect(created.outs["twoFactorAuthenticationEnabled"]).toBe(true);
    expect(created.outs["accountsNotEnforcingTwoFactor"]).toEqual([
      { accountId: expect.any(String), accountName: "Umbrella Labs", accountIsEnforcingTwoFactor: false },
      { accountId: expect.any(String), accountName: "Wayne Enterprises", accountIsEnforcingTwoFactor: null },
    ]);
    expect(emu.requests.map((r) => r.path).sort()).toEqual(["/client/v4/memberships", "/client/v4/user"]);
    const { failures } = await plugin.check(
      MEMBERSHIPS_URN,
      {},
      { statuses: ["expired"], organizationIds: [] },
    );
    expect(failures?.map((f) => f.property)).toEqual(["organizationIds", "statuses[0]"]);
    expect(failures?.[1]?.reason).toBe(
      'unknown membership status "expired"; expected one of accepted, pending, rejected',
    );
    const other = await thrown(() => plugin.read("x", "urn:pulumi:dev::access::other:index:Thing::t", {}));
    expect(other.message).toBe(
      `Unknown resource type other:index:Thing; this plugin provides ${PLUGIN_RESOURCE_TOKEN} and ${PLUGIN_MEMBERSHIPS_RESOURCE_TOKEN}.`,
    );
  });

  test("getUserMemberships reads like the resource", async () => {
    const emu = await emulator();
    const result = await withEnv({ CLOUDFLARE_API_TOKEN: apiToken, PULUMI_CONFIG: undefined }, () =>
      plugin.invoke(PLUGIN_MEMBERSHIPS_FUNCTION_TOKEN, { baseUrl: emu.url, statuses: ["pending"] }),
    );
    expect((result.outputs["memberships"] as { accountName: string }[]).map((m) => m.accountName)).toEqual([
      "Acme Corp",
      "Globex",
    ]);
    expect(result.outputs["statuses"]).toEqual(["pending"]);
  });

  test("PULUMI_CONFIG that is not JSON is an error, not a silent default", () => {
    expect(() => pluginSettings({ PULUMI_CONFIG: "{not json" })).toThrow(/PULUMI_CONFIG/);
    expect(pluginSettings({})).toEqual({});
  });
});
