import * as pulumi from "@pulumi/pulumi";
import { CloudflareUserProvider } from "../../provider";
import { startProviderHost, type ProviderHost } from "../../provider/testing";
import { REPO_ROOT } from "./pulumiSandbox";

// The provider host resolves the serialized provider's `require`s from the repository root.
export { REPO_ROOT };

/** Serializes a fresh provider (of the invitations' read by default) exactly as `pulumi.dynamic.Resource` does. */
export async function serializeProvider(kind: CloudflareUserProvider["kind"] = "invites"): Promise<string> {
  const provider = new CloudflareUserProvider(kind);
  const serialized = await pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
  return serialized.text;
}

const hosts: ProviderHost[] = [];

afterAll(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

/**
 * Starts the real dynamic-provider host in the repo root and sends `configure` with `config`,
 * as the engine does before the first call. Closed after the test file.
 */
export async function startHost(
  config: Record<string, string>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<ProviderHost> {
  const host = await startProviderHost({ cwd: REPO_ROOT, env, project: "user-invites-test" });
  hosts.push(host);
  await host.configure(config);
  return host;
}

/**
 * The host's stderr once it contains `text`: the host logs a failure just before it answers, but
 * the log crosses a pipe and may arrive after the answer. Gives up after `timeoutMs`.
 */
export async function stderrWith(host: ProviderHost, text: string, timeoutMs = 5_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (!host.stderr().includes(text) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return host.stderr();
}
