import type * as provider from "@pulumi/pulumi/provider";
import { CloudflareConfigError } from "../cloudflare/errors";
import { CONFIG_NAMES } from "../cloudflare/inputs";
import { VERSION } from "../core/version";
import { READS, stackSettingsFrom, type ReadKind, type StackSettings } from "../pulumi/runtime";
import {
  PLUGIN_FUNCTION_TOKEN,
  PLUGIN_MEMBERSHIPS_FUNCTION_TOKEN,
  PLUGIN_MEMBERSHIPS_RESOURCE_TOKEN,
  PLUGIN_PACKAGE,
  PLUGIN_RESOURCE_TOKEN,
} from "../core/typeTokens";
import { packageSchema } from "./packageSchema";

/** Which read each resource type serves. */
const RESOURCE_KINDS: Readonly<Record<string, ReadKind>> = {
  [PLUGIN_RESOURCE_TOKEN]: "invites",
  [PLUGIN_MEMBERSHIPS_RESOURCE_TOKEN]: "memberships",
};

/** Which read each function serves. */
const FUNCTION_KINDS: Readonly<Record<string, ReadKind>> = {
  [PLUGIN_FUNCTION_TOKEN]: "invites",
  [PLUGIN_MEMBERSHIPS_FUNCTION_TOKEN]: "memberships",
};

/** The read of a resource, from its URN's type (`urn:pulumi:stack::project::type::name`). */
function kindOfUrn(urn: string): ReadKind {
  const type = urn.split("::")[2]?.split("$").pop() ?? "";
  const kind = RESOURCE_KINDS[type];
  if (kind === undefined) {
    throw new CloudflareConfigError(
      `Unknown resource type ${type}; this plugin provides ${Object.keys(RESOURCE_KINDS).join(" and ")}.`,
    );
  }
  return kind;
}

/**
 * The provider plugin behind `cloudflare-user-invites:index:UserInvites`, `...:UserMemberships` and
 * their functions, for Pulumi YAML, Python, Go and C# programs. Every read goes through the same
 * `READS` as the dynamic provider: the same client, checks and outputs.
 *
 * Re-reading on every run: a resource declared with `get` (YAML's `get:` option, `UserInvites.get`
 * in SDKs) is read by the engine on every preview and up, as the TypeScript resource is. A plain
 * declaration is re-read on every up: `diff` always reports a change, so the engine calls `update`,
 * which reads again (a preview shows it as an update whose outputs are known after the up).
 */

/**
 * Pulumi's wire form of a secret: the engine sends secret inputs wrapped in this object, since the
 * provider server accepts secrets. The plugin reads through it; it never re-wraps a credential
 * into an output.
 */
const SECRET_SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";

function unwrapSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrapSecrets);
  if (typeof value !== "object" || value === null) return value;
  const record = value as Record<string, unknown>;
  if (record[SECRET_SIGNATURE_KEY] === SECRET_SIGNATURE) return unwrapSecrets(record["value"]);
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, unwrapSecrets(v)]));
}

/** The plugin's own config keys: `cloudflare-user-invites:apiToken`, ... (for messages). */
const PLUGIN_CONFIG_NAMES = Object.fromEntries(
  Object.keys(CONFIG_NAMES).map((name) => [name, `${PLUGIN_PACKAGE}:${name}`]),
) as typeof CONFIG_NAMES;

/**
 * The plugin's config, as the engine hands it to every provider plugin: the stack config of the
 * plugin's own namespace (`cloudflare-user-invites:*`), namespace stripped, as JSON in
 * `PULUMI_CONFIG`. Keys of other namespaces (`cloudflare:apiToken`) are not handed to plugins.
 */
export function pluginSettings(env: NodeJS.ProcessEnv = process.env): StackSettings {
  const text = env["PULUMI_CONFIG"];
  if (!text) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CloudflareConfigError(
      `The plugin's configuration (PULUMI_CONFIG, set by the Pulumi engine) is not JSON; this is a bug to report.`,
    );
  }
  const config = (typeof parsed === "object" && parsed !== null ? parsed : {}) as Record<string, unknown>;
  // The engine strips the namespace: `cloudflare-user-invites:apiToken` arrives as `apiToken`.
  return stackSettingsFrom((key) => {
    const value = config[key.slice(PLUGIN_PACKAGE.length + 1)];
    return typeof value === "string" ? value : undefined;
  }, PLUGIN_CONFIG_NAMES);
}

/** The provider the plugin serves, through `@pulumi/pulumi/provider`'s `main`. */
export class UserInvitesPlugin implements provider.Provider {
  readonly version = VERSION;

  async getSchema(): Promise<string> {
    return JSON.stringify(packageSchema());
  }

  async check(urn: string, _olds: unknown, news: unknown): Promise<provider.CheckResult> {
    const inputs = unwrapSecrets(news) as object;
    // The failures name properties as the program wrote them; the inputs go back as the engine sent them.
    return { inputs: news as Record<string, unknown>, failures: READS[kindOfUrn(urn)].problems(inputs) };
  }

  /** Always a change, so that every up re-reads (see the class comment); never a replacement. */
  async diff(): Promise<provider.DiffResult> {
    return { changes: true, replaces: [], deleteBeforeReplace: false };
  }

  async create(urn: string, inputs: unknown): Promise<provider.CreateResult> {
    const kind = kindOfUrn(urn);
    return { id: READS[kind].id, outs: await this.read_(kind, inputs) };
  }

  /** A `get` on every preview and up (props are the given state), or a refresh (the previous outputs). */
  async read(id: string, urn: string, props?: unknown): Promise<provider.ReadResult> {
    const kind = kindOfUrn(urn);
    return { id: id || READS[kind].id, props: await this.read_(kind, props ?? {}) };
  }

  async update(_id: string, urn: string, _olds: unknown, news: unknown): Promise<provider.UpdateResult> {
    return { outs: await this.read_(kindOfUrn(urn), news) };
  }

  /** Nothing to delete: Cloudflare is left untouched. */
  async delete(): Promise<void> {}

  async invoke(token: string, inputs: unknown): Promise<provider.InvokeResult> {
    const kind = FUNCTION_KINDS[token];
    if (kind === undefined) {
      throw new CloudflareConfigError(
        `Unknown function ${token}; this plugin provides ${Object.keys(FUNCTION_KINDS).join(" and ")}.`,
      );
    }
    const args = unwrapSecrets(inputs) as object;
    const outputs = await READS[kind].read(args, pluginSettings(), {
      onlyInputs: true,
      configNames: PLUGIN_CONFIG_NAMES,
    });
    return { outputs: { ...outputs } };
  }

  private async read_(kind: ReadKind, props: unknown): Promise<Record<string, unknown>> {
    const inputs = unwrapSecrets(props) as object;
    const outputs = await READS[kind].read(inputs, pluginSettings(), { configNames: PLUGIN_CONFIG_NAMES });
    return { ...outputs };
  }
}
