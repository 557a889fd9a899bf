import * as pulumi from "@pulumi/pulumi";
import { execFileSync } from "node:child_process";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { CloudflareUserProvider } from "../provider";
import { PLUGIN_RESOURCE_TOKEN } from "../provider/core/typeTokens";
import { FAKE_CREDENTIALS, startProviderHost } from "../provider/testing";
import type { PackedInstall } from "../tests/helpers/packInstall";

/** A provider to time in the host: its serialized text and the directory the host runs in. */
export interface HostCase {
  readonly name: string;
  /** The serialized dynamic provider; empty for a plugin. */
  readonly provider: string;
  readonly cwd: string;
  /** A provider plugin's folder: started with run-plugin instead of the dynamic-provider host. */
  readonly plugin?: string;
}

/** The package's provider plugin (for YAML and other languages), from the installed package. */
export function pluginCase(install: PackedInstall): HostCase {
  return {
    name: "provider plugin (YAML, other languages), installed",
    provider: "",
    cwd: install.project,
    plugin: join(install.packageDir, "dist", "plugin"),
  };
}

/** What every dynamic provider pays: a read that returns its props at once. */
export async function noOpCase(repoRoot: string): Promise<HostCase> {
  const noOp = {
    async read(id: string, props: Record<string, unknown>) {
      return { id, props };
    },
    async create(inputs: Record<string, unknown>) {
      return { id: "no-op", outs: inputs };
    },
  };
  const { text } = await pulumi.runtime.serializeFunction(() => noOp, { allowSecrets: true });
  return { name: "no-op dynamic provider", provider: text, cwd: repoRoot };
}

/**
 * The fair baseline for a warm read: a provider that makes the same request (the same URL and
 * token, from the same stack config) with undici's own `request` and returns the parsed invites as
 * they are: no validation, no mapping, no order, no summary.
 */
export async function rawUndiciCase(repoRoot: string): Promise<HostCase> {
  const raw = {
    settings: { baseUrl: "", token: "" },
    async configure(req: { config: { get(key: string): string | undefined } }) {
      this.settings = {
        baseUrl: req.config.get("cloudflare:baseUrl") ?? "",
        token: req.config.get("cloudflare:apiToken") ?? "",
      };
    },
    async read(id: string) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- resolved in the provider host
      const { request } = require("undici") as typeof import("undici");
      const response = await request(`${this.settings.baseUrl}/user/invites`, {
        headers: { authorization: `Bearer ${this.settings.token}` },
      });
      const body = JSON.parse(await response.body.text()) as { result: unknown[] };
      return { id, props: { invites: body.result } };
    },
  };
  const { text } = await pulumi.runtime.serializeFunction(() => raw, { allowSecrets: true });
  return { name: "raw undici request + JSON.parse", provider: text, cwd: repoRoot };
}

/** UserInvites used from this repository's source: the implementation serialized by value. */
export async function sourceCase(repoRoot: string): Promise<HostCase> {
  const provider = new CloudflareUserProvider("invites");
  const { text } = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  return { name: "UserInvites, from source", provider: text, cwd: repoRoot };
}

/** UserInvites installed from `npm pack` (of `install`): the provider class and a require of the runtime. */
export function installedCase(
  install: PackedInstall,
  name: string,
): HostCase & { readonly install: PackedInstall } {
  copyFileSync(join(__dirname, "serializeInstalled.js"), join(install.project, "serialize.js"));
  const provider = execFileSync(process.execPath, [join(install.project, "serialize.js")], {
    cwd: install.project,
    encoding: "utf8",
  });
  return { name, provider, cwd: install.project, install };
}

/**
 * Spawns the real provider host, configures it and completes one Get-style read: what a
 * `pulumi preview` pays for the resource before anything else. Then times warm reads.
 */
export async function timeHost(
  hostCase: HostCase,
  baseUrl: string,
  warmReads: number,
  node?: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ coldMs: number; warmMs: number[] }> {
  const started = performance.now();
  // A plugin gets its config as the engine hands it, in PULUMI_CONFIG; the dynamic host in configure.
  const pluginConfig = JSON.stringify({ apiToken: FAKE_CREDENTIALS.apiToken, baseUrl });
  const host = await startProviderHost({
    cwd: hostCase.cwd,
    project: "bench",
    env: hostCase.plugin ? { ...env, PULUMI_CONFIG: pluginConfig } : env,
    ...(node ? { node } : {}),
    ...(hostCase.plugin ? { plugin: hostCase.plugin } : {}),
  });
  try {
    await host.configure({ "cloudflare:apiToken": FAKE_CREDENTIALS.apiToken, "cloudflare:baseUrl": baseUrl });
    // The engine names a plugin's resource by its URN, whose type picks the read.
    const request = hostCase.plugin
      ? {
          id: "cloudflare-user-invites",
          urn: `urn:pulumi:bench::bench::${PLUGIN_RESOURCE_TOKEN}::invites`,
          properties: {},
        }
      : { id: "cloudflare-user-invites", inputs: { __provider: hostCase.provider } };
    await host.read(request);
    const coldMs = performance.now() - started;
    const warmMs: number[] = [];
    for (let i = 0; i < warmReads; i++) {
      const t = performance.now();
      await host.read(request);
      warmMs.push(performance.now() - t);
    }
    return { coldMs, warmMs };
  } finally {
    await host.close();
  }
}
