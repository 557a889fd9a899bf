import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { FAKE_CREDENTIALS } from "../../provider/testing";
import { emulator } from "../helpers/emulator";
import { REPO_ROOT, serializeProvider, startHost } from "../helpers/providerHost";
import { PROXIED_HOST, proxiedProcessEnv, startProxiedApi, type ProxiedApi } from "../helpers/proxy";

// A user behind a proxy: every request must cross a real CONNECT proxy, on every path that sends
// one (the client, the audit command, the provider host `pulumi up` starts), with the environment
// the process started with. The default dispatcher is what is under test, so nothing here passes one.

let proxied: ProxiedApi | undefined;
afterEach(async () => {
  await proxied?.close();
  proxied = undefined;
});

async function proxiedApi(): Promise<ProxiedApi> {
  const emu = await emulator();
  proxied = await startProxiedApi(emu.url);
  return proxied;
}

/** The environment of a process behind the proxy, with the fake token. */
function proxyEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  return proxiedProcessEnv({ ...vars, CLOUDFLARE_API_TOKEN: FAKE_CREDENTIALS.apiToken });
}

const TS_NODE = ["-r", "ts-node/register/transpile-only"];

async function listInChild(
  env: NodeJS.ProcessEnv,
): Promise<{ count?: number; error?: string; message?: string }> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...TS_NODE, join(REPO_ROOT, "tests", "fixtures", "proxiedList.ts")],
    { cwd: REPO_ROOT, env },
  );
  return JSON.parse(stdout) as { count?: number; error?: string; message?: string };
}

describe.each(["HTTPS_PROXY", "https_proxy", "HTTP_PROXY"])("with %s set", (variable) => {
  test("listUserInvites reaches the API through the proxy's CONNECT tunnel", async () => {
    const api = await proxiedApi();
    const result = await listInChild(proxyEnv({ [variable]: api.proxyUrl, PROXIED_BASE_URL: api.baseUrl }));
    expect(result).toEqual({ count: 7 });
    expect(api.connects).toEqual([api.connectTarget]);
  });
});

test("NO_PROXY naming the API host sends the request straight to it, past the proxy", async () => {
  const api = await proxiedApi();
  const result = await listInChild(
    proxyEnv({ HTTPS_PROXY: api.proxyUrl, NO_PROXY: PROXIED_HOST, PROXIED_BASE_URL: api.baseUrl }),
  );
  expect(result).toEqual({ count: 7 });
  expect(api.connects).toEqual([]);
});

test("the audit command goes through the proxy", async () => {
  const api = await proxiedApi();
  const run = promisify(execFile)(
    process.execPath,
    [...TS_NODE, join(REPO_ROOT, "provider", "cli", "main.ts"), "audit", "--json", "--base-url", api.baseUrl],
    { cwd: REPO_ROOT, env: proxyEnv({ HTTPS_PROXY: api.proxyUrl }) },
  );
  // Exit 1: the sample has organizations and accounts without two-factor authentication.
  const failure = (await run.then(
    () => undefined,
    (error: unknown) => error,
  )) as { code: number; stdout: string } | undefined;
  expect(failure?.code).toBe(1);
  const report = JSON.parse(failure?.stdout ?? "{}") as {
    invites?: unknown[];
    violations?: unknown[];
    memberships?: unknown[];
  };
  expect(report.invites).toHaveLength(7);
  expect(report.violations).toHaveLength(2);
  expect(report.memberships).toHaveLength(5);
  // Three reads at once (invites, memberships, the user): each tunnel to the API through the proxy.
  expect(api.connects).toEqual([api.connectTarget, api.connectTarget, api.connectTarget]);
});

test("the provider host (what `pulumi up` starts) reads through the proxy", async () => {
  const api = await proxiedApi();
  const host = await startHost(
    { "cloudflare:apiToken": FAKE_CREDENTIALS.apiToken, "cloudflare:baseUrl": api.baseUrl },
    proxyEnv({ HTTPS_PROXY: api.proxyUrl }),
  );
  const { properties } = await host.read({
    id: "cloudflare-user-invites",
    inputs: { __provider: await serializeProvider() },
  });
  expect(properties["invites"]).toHaveLength(7);
  expect(api.connects).toEqual([api.connectTarget]);
});
