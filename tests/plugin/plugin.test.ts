import { readFileSync } from "node:fs";
import { INPUT_NAMES } from "../../provider/cloudflare/inputs";
import {
  packageSchema,
  PLUGIN_FUNCTION_TOKEN,
  PLUGIN_RESOURCE_TOKEN,
} from "../../provider/plugin/packageSchema";
import { pluginSettings, UserInvitesPlugin } from "../../provider/plugin/provider";
import { FAKE_CREDENTIALS, sampleInvites } from "../../provider/testing";
import { SCHEMA_FILE } from "../../scripts/writeSchema";
import { emulator, thrown, withEnv } from "../helpers/emulator";
import { SAMPLE } from "../helpers/sample";

const { apiToken } = FAKE_CREDENTIALS;
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
      plugin.create("urn", { statuses: ["pending", "accepted"] }),
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
      plugin.read("cloudflare-user-invites", "urn", { apiToken: secret("FAKE-explicit-plugin-token") }),
    );
    expect(emu.requests[0]?.headers["authorization"]).toBe("Bearer FAKE-explicit-plugin-token");
    expect(JSON.stringify(read.props)).not.toContain("FAKE-explicit-plugin-token");
    expect(read.props["inviteCountByStatus"]).toEqual(SAMPLE.inviteCountByStatus);
  });

  test("with no credentials, the message names the plugin's config keys and the variables", async () => {
    const error = await thrown(() =>
      withEnv({ PULUMI_CONFIG: "{}" }, () => plugin.update("id", "urn", {}, {})),
    );
    expect(error.message).toContain("No Cloudflare credentials were found");
    expect(error.message).toContain("cloudflare-user-invites:apiToken");
    expect(error.message).toContain("CLOUDFLARE_API_TOKEN");
  });

  test("check names a misspelt argument and a bad status, reading through secrets", async () => {
    const { failures } = await plugin.check(
      "urn",
      {},
      { status: ["pending"], statuses: ["bogus"], apiToken: secret("x") },
    );
    expect(failures?.map((f) => f.property)).toEqual(["status", "statuses[0]"]);
    expect(failures?.[0]?.reason).toContain("did you mean statuses?");
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
  });

  test("PULUMI_CONFIG that is not JSON is an error, not a silent default", () => {
    expect(() => pluginSettings({ PULUMI_CONFIG: "{not json" })).toThrow(/PULUMI_CONFIG/);
    expect(pluginSettings({})).toEqual({});
  });
});
