import * as pulumi from "@pulumi/pulumi";
import {
  USER_INVITES_POLICY_VIEW_TYPE,
  USER_INVITES_TYPE,
  USER_MEMBERSHIPS_POLICY_VIEW_TYPE,
  USER_MEMBERSHIPS_TYPE,
} from "../core/typeTokens";
import { startProviderHost, type PropertyMap, type ProviderHost } from "./providerHost";

/**
 * Runs a Pulumi program without the Pulumi CLI, the way `pulumi up` would for its dynamic
 * resources: `pulumi.runtime.setMocks` stands in for the engine, and every dynamic resource is
 * handed to the real provider host, so the program's own serialized provider runs. Get-style
 * resources (`opts.id`) are read; others are checked and created. Other resources echo their
 * inputs, as mocks do.
 */

/** Where and how to run the program. */
export interface OfflineStackOptions {
  /**
   * Loads the program and returns its exports, e.g. `() => require("./index")`. As with Pulumi,
   * exports that are a function (`export = async () => ({...})`) are called and their result is
   * the stack outputs: such a program can be run again in the same process.
   */
  readonly program: () => unknown;
  /** The program's directory: the provider host resolves serialized `require`s from here. */
  readonly cwd: string;
  /** Stack config, `namespace:key` to value; given to the program and to the provider's `configure`. */
  readonly config?: Readonly<Record<string, string>>;
  readonly project?: string;
  readonly stack?: string;
  /** Environment of the provider host; default: this process's. */
  readonly env?: NodeJS.ProcessEnv;
}

/** One resource as the mock engine registered it. */
export interface OfflineResource {
  readonly type: string;
  readonly name: string;
  /** The inputs the program gave (`__provider` included for dynamic resources), secrets unwrapped. */
  readonly inputs: PropertyMap;
  /** Names of the inputs the program sent as secrets (encrypted in real state). */
  readonly secretInputs: readonly string[];
  /** The outputs: from the provider host for dynamic resources, the inputs otherwise. */
  readonly outputs: PropertyMap;
}

/** What a run produced. */
export interface OfflineStackResult {
  /** The program's exports, resolved to plain values. */
  readonly outputs: Record<string, unknown>;
  /** Names of the exports that are secret (`pulumi stack output` shows them as `[secret]`). */
  readonly secretOutputs: readonly string[];
  readonly resources: readonly OfflineResource[];
}

const DYNAMIC_PREFIX = "pulumi-nodejs:dynamic/";

/** Runs the program once and returns its resolved exports and the resources it registered. */
export async function runStackOffline(options: OfflineStackOptions): Promise<OfflineStackResult> {
  const project = options.project ?? "project";
  const config = options.config ?? {};
  const host = await startProviderHost({
    cwd: options.cwd,
    project,
    ...(options.env ? { env: options.env } : {}),
  });
  const resources: OfflineResource[] = [];
  try {
    await host.configure(config);
    pulumi.runtime.setAllConfig({ ...config });
    await pulumi.runtime.setMocks(
      {
        newResource: async (args) => {
          const raw = plainJson(args.inputs) as PropertyMap;
          const secretInputs = Object.keys(raw).filter((key) => isSecretValue(raw[key]));
          const inputs = unwrapSecrets(raw) as PropertyMap;
          const { id, outputs } = args.type.startsWith(DYNAMIC_PREFIX)
            ? await runDynamic(host, args.id, inputs)
            : { id: `${args.name}-id`, outputs: inputs };
          resources.push({ type: args.type, name: args.name, inputs, secretInputs, outputs });
          return { id, state: outputs };
        },
        call: (args) => args.inputs,
      },
      project,
      options.stack ?? "offline",
      false,
    );
    const loaded = await Promise.resolve(options.program());
    const exported: unknown = typeof loaded === "function" ? await (loaded as () => unknown)() : loaded;
    return { ...(await resolveOutputs(exported)), resources: withPolicyViewOutputs(resources) };
  } finally {
    await host.close();
  }
}

/** Each policy view's type: the type of the read it belongs to, and the outputs it registers. */
const POLICY_VIEWS: Readonly<Record<string, { readonly read: string; readonly outputs: readonly string[] }>> =
  {
    [USER_INVITES_POLICY_VIEW_TYPE]: { read: USER_INVITES_TYPE, outputs: ["invites"] },
    [USER_MEMBERSHIPS_POLICY_VIEW_TYPE]: {
      read: USER_MEMBERSHIPS_TYPE,
      outputs: ["memberships", "twoFactorAuthenticationEnabled"],
    },
  };

/**
 * Mocks never see a component's registered outputs, so each policy view is given what the engine
 * records for it: its read's outputs of those names. A view is named after its read.
 */
function withPolicyViewOutputs(resources: readonly OfflineResource[]): OfflineResource[] {
  return resources.map((r) => {
    const view = POLICY_VIEWS[r.type];
    const read = view && resources.find((other) => other.type === view.read && other.name === r.name);
    if (!view || !read) return r;
    return { ...r, outputs: Object.fromEntries(view.outputs.map((key) => [key, read.outputs[key]])) };
  });
}

async function runDynamic(host: ProviderHost, id: string | undefined, inputs: PropertyMap) {
  if (id !== undefined && id !== "") {
    const read = await host.read({ id, inputs });
    return { id: read.id, outputs: read.properties };
  }
  const checked = await host.check({}, inputs);
  if (checked.failures.length > 0) {
    throw new Error(checked.failures.map((f) => `${f.property}: ${f.reason}`).join("; "));
  }
  const created = await host.create(checked.inputs);
  return { id: created.id, outputs: created.properties };
}

/** Resolves every Output in the program's exports to its plain value, noting which are secret. */
async function resolveOutputs(
  exported: unknown,
): Promise<Pick<OfflineStackResult, "outputs" | "secretOutputs">> {
  if (typeof exported !== "object" || exported === null) return { outputs: {}, secretOutputs: [] };
  const entries = Object.entries(exported).filter(([key]) => key !== "default" && key !== "__esModule");
  const resolved = await Promise.all(
    entries.map(async ([key, value]) => {
      const output = pulumi.output(value);
      // `promise()` is the SDK's own way to await an Output; unlike `apply`, it rejects when the
      // resource behind it failed, so a failed read fails the run instead of hanging it.
      const plain = await (output as unknown as { promise(): Promise<unknown> }).promise();
      return { key, plain, secret: await pulumi.isSecret(output) };
    }),
  );
  return {
    outputs: Object.fromEntries(resolved.map((r) => [r.key, r.plain])),
    secretOutputs: resolved.filter((r) => r.secret).map((r) => r.key),
  };
}

/** JSON only: undefined and unknowns dropped. */
function plainJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? {})) as unknown;
}

/** Whether a deserialized value is the SDK's secret wrapper. */
function isSecretValue(value: unknown): value is { value: unknown } {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Record<string, unknown>)[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig
  );
}

/** Secrets replaced by their values, as the engine sends them to a provider that does not accept secrets. */
function unwrapSecrets(value: unknown): unknown {
  if (isSecretValue(value)) return unwrapSecrets(value.value);
  if (Array.isArray(value)) return value.map(unwrapSecrets);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapSecrets(v)]));
  }
  return value;
}

/**
 * Prints outputs the way `pulumi stack output` does: a header with the count, then one row per
 * output, names sorted, objects as JSON.
 */
export function formatStackOutputs(result: Pick<OfflineStackResult, "outputs" | "secretOutputs">): string {
  const names = Object.keys(result.outputs).sort();
  const width = Math.max("OUTPUT".length, ...names.map((n) => n.length));
  const rows = names.map((name) => {
    const value = result.outputs[name];
    const shown = result.secretOutputs.includes(name)
      ? "[secret]"
      : typeof value === "string"
        ? value
        : JSON.stringify(value);
    return `    ${name.padEnd(width)}  ${shown}`;
  });
  return [`Current stack outputs (${names.length}):`, `    ${"OUTPUT".padEnd(width)}  VALUE`, ...rows].join(
    "\n",
  );
}
