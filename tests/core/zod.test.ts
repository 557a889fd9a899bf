import * as pulumi from "@pulumi/pulumi";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { FAKE_CREDENTIALS, successEnvelope } from "../../provider/testing";
import { emulator } from "../helpers/emulator";
import { REPO_ROOT, serializeProvider, startHost } from "../helpers/providerHost";

/**
 * loadZod() defers zod's 64 locale modules: a speed-up that replaces part of a library, so every
 * path that could use that part is checked against zod loaded the usual way, in real Node
 * processes (a test runner's module registry is not Node's).
 */
const FIXTURE = join(REPO_ROOT, "tests", "fixtures", "zodLocales.js");
const seen = (mode: string) =>
  JSON.parse(execFileSync(process.execPath, [FIXTURE, mode], { cwd: REPO_ROOT, encoding: "utf8" })) as {
    loadedAtFirst: number;
    names: string[];
    configs: string[];
    viaSubpath: boolean;
    french: string;
  };

test("every locale is still there, the same, loaded when asked for", () => {
  const plain = seen("plain");
  const deferred = seen("deferred");
  expect(plain.loadedAtFirst).toBeGreaterThan(60);
  // zod's English messages only (zod loads them itself), instead of all 64 locales.
  expect(deferred.loadedAtFirst).toBeLessThanOrEqual(2);
  expect(deferred.names).toEqual(plain.names);
  expect(deferred.configs).toEqual(plain.configs);
  expect(deferred.configs.every((type) => type === "function")).toBe(true);
  expect(deferred.viaSubpath).toBe(true);
  expect(deferred.french).toBe(plain.french);
  expect(deferred.french).toMatch(/chaîne|string/);
});

test("in the provider host, after zod explained a bad page, another provider still gets every zod locale", async () => {
  // A good page never loads zod (the generated validators check it); a bad one has zod explain it.
  const bad = successEnvelope([{ id: "no-organization" }]);
  const emu = await emulator({ faultFor: () => ({ status: 200, body: bad }) });
  const host = await startHost({
    "cloudflare:apiToken": FAKE_CREDENTIALS.apiToken,
    "cloudflare:baseUrl": emu.url,
  });
  await expect(host.read({ id: "x", inputs: { __provider: await serializeProvider() } })).rejects.toThrow(
    /missing organization_id/,
  );
  // A second dynamic provider of the same program, in the same host process, using zod's locales.
  const other = {
    async read(id: string) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- resolved in the host
      const z = require("zod") as typeof import("zod");
      const localeFiles = () => Object.keys(require.cache).filter((f) => /[\\/]locales[\\/]/.test(f)).length;
      const deferred = localeFiles();
      const names = Object.keys(z.locales);
      const message = z.string().safeParse(42, { error: z.locales.de().localeError }).error
        ?.issues[0]?.message;
      return { id, props: { deferred, count: names.length, message, loaded: localeFiles() } };
    },
  };
  const { text } = await pulumi.runtime.serializeFunction(() => other);
  const theirs = await host.read({ id: "y", inputs: { __provider: text } });
  // Our failed read loaded zod with its locales deferred; the other provider's use loaded what it asked for.
  expect(theirs.properties["deferred"]).toBeLessThanOrEqual(2);
  expect(theirs.properties["count"]).toBe(seen("plain").names.length);
  expect(theirs.properties["loaded"]).toBeGreaterThan(theirs.properties["deferred"] as number);
  expect(theirs.properties["message"]).toMatch(/Ungültig|erwartet/);
});

test("in the provider host, a good page is read without loading zod at all", async () => {
  const emu = await emulator();
  const host = await startHost({
    "cloudflare:apiToken": FAKE_CREDENTIALS.apiToken,
    "cloudflare:baseUrl": emu.url,
  });
  const ours = await host.read({ id: "x", inputs: { __provider: await serializeProvider() } });
  expect(ours.properties["invites"]).toHaveLength(7);
  const probe = {
    async read(id: string) {
      return { id, props: { zodLoaded: Object.keys(require.cache).some((f) => /[\\/]zod[\\/]/.test(f)) } };
    },
  };
  const { text } = await pulumi.runtime.serializeFunction(() => probe);
  const seenByProbe = await host.read({ id: "y", inputs: { __provider: text } });
  expect(seenByProbe.properties["zodLoaded"]).toBe(false);
});
