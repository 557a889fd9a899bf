/**
 * `npm run bench`: every figure the README claims, measured in one run on this machine. Each
 * comparison is interleaved (A, B, C, then B, C, A, ...) against the same emulator, which runs in
 * its own process on 127.0.0.1, and reported as medians with ratios to the baseline of the same run.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { cpus } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { listUserInvites } from "../provider";
import { FAKE_CREDENTIALS, manyInvites, startCloudflareEmulator } from "../provider/testing";
import { implementations } from "./clients";
import { installedCase, noOpCase, sourceCase, timeHost, type HostCase } from "./providerHost";
import { mb, median, ms, ratio, ratioRows, table } from "./stats";
import { enginePreview } from "./enginePreview";

const ROOT = join(__dirname, "..");
const TS_NODE = join(ROOT, "node_modules", "ts-node", "dist", "bin.js");
const SIZES = [10, 1_000, 10_000] as const;
const ROUNDS: Record<(typeof SIZES)[number], number> = { 10: 300, 1_000: 80, 10_000: 25 };
const MEMORY_SAMPLES = 3;
const HOST_ROUNDS = 7;
const TARGETS = { floorAt10k: 1.2, hostVsNoOp: 1.25 };

const verdicts: string[] = [];
const verdict = (claim: string, value: number, limit: number) =>
  verdicts.push(`${value <= limit ? "PASS" : "MISS"}  ${claim}: ${value.toFixed(2)}x (target <= ${limit}x)`);

/** Starts the emulator in its own process, serving `count` invites; resolves to its URL. */
async function emulatorProcess(count: number): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [TS_NODE, "--transpile-only", join(__dirname, "emulatorProcess.ts"), String(count)],
    {
      cwd: ROOT,
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  const url = await new Promise<string>((resolve) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once("line", (line) => (lines.close(), resolve(line.trim())));
  });
  return { url, child };
}

async function clientWallTime(urls: Record<number, string>): Promise<void> {
  const impls = implementations();
  const names = Object.keys(impls);
  const rows: string[][] = [
    ["listUserInvites, one page", ...SIZES.map((n) => `${n.toLocaleString("en")} invites`)],
  ];
  const medians: Record<string, Record<number, number>> = {};
  for (const size of SIZES) {
    const url = urls[size] ?? "";
    const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
    for (let round = -5; round < ROUNDS[size]; round++) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(round + 5 + k) % names.length] ?? "";
        const started = performance.now();
        const count = await impls[name]?.(url);
        const elapsed = performance.now() - started;
        if (count !== size) throw new Error(`${name} listed ${count} of ${size} invites`);
        if (round >= 0) samples[name]?.push(elapsed);
      }
    }
    for (const name of names) (medians[name] ??= {})[size] = median(samples[name] ?? []);
  }
  rows.push(...ratioRows(names, SIZES, medians, "floor", ms));
  console.log(
    `Wall time, median of interleaved runs (${SIZES.map((s) => `${ROUNDS[s]} at ${s}`).join(", ")}):\n`,
  );
  console.log(table(rows));
  const floor10k = medians["floor"]?.[10_000] ?? 1;
  verdict(
    "listUserInvites vs floor at 10,000 invites",
    (medians["listUserInvites"]?.[10_000] ?? 0) / floor10k,
    TARGETS.floorAt10k,
  );
  for (const size of SIZES) {
    const sdk = medians["official SDK (cloudflare)"]?.[size] ?? 0;
    verdict(
      `listUserInvites vs official SDK at ${size.toLocaleString("en")} invites`,
      (medians["listUserInvites"]?.[size] ?? 0) / sdk,
      1,
    );
  }
}

async function peakMemory(urls: Record<number, string>): Promise<void> {
  const names = Object.keys(implementations());
  const rows: string[][] = [
    ["peak memory added by one call", ...SIZES.map((n) => `${n.toLocaleString("en")} invites`)],
  ];
  const medians: Record<string, Record<number, number>> = {};
  for (const size of SIZES) {
    const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
    for (let round = 0; round < MEMORY_SAMPLES; round++) {
      for (const name of names) {
        const out = execFileSync(
          process.execPath,
          [
            "--expose-gc",
            TS_NODE,
            "--transpile-only",
            join(__dirname, "memoryProbe.ts"),
            name,
            urls[size] ?? "",
          ],
          { cwd: ROOT, encoding: "utf8" },
        );
        const { count, addedBytes } = JSON.parse(out) as { count: number; addedBytes: number };
        if (count !== size) throw new Error(`${name} listed ${count} of ${size} invites`);
        samples[name]?.push(addedBytes);
      }
    }
    for (const name of names) (medians[name] ??= {})[size] = median(samples[name] ?? []);
  }
  rows.push(...ratioRows(names, SIZES, medians, "floor", mb));
  console.log(
    `\nPeak memory: maxRSS growth during one call in a fresh process, median of ${MEMORY_SAMPLES}:\n`,
  );
  console.log(table(rows));
}

async function providerHost(cases: readonly HostCase[], baseUrl: string): Promise<void> {
  const cold: Record<string, number[]> = Object.fromEntries(cases.map((c) => [c.name, []]));
  const warm: Record<string, number[]> = Object.fromEntries(cases.map((c) => [c.name, []]));
  for (let round = 0; round < HOST_ROUNDS; round++) {
    for (let k = 0; k < cases.length; k++) {
      const hostCase = cases[(round + k) % cases.length] as HostCase;
      const { coldMs, warmMs } = await timeHost(hostCase, baseUrl, 10);
      cold[hostCase.name]?.push(coldMs);
      warm[hostCase.name]?.push(...warmMs);
    }
  }
  const noOp = median(cold[cases[0]?.name ?? ""] ?? []);
  const rows = [["provider host", "spawn to first Get-style read", "", "warm read"]];
  for (const c of cases) {
    const value = median(cold[c.name] ?? []);
    rows.push([c.name, ms(value), c === cases[0] ? "" : ratio(value, noOp), ms(median(warm[c.name] ?? []))]);
  }
  console.log(
    `\nProvider host (the process \`pulumi up\` starts), median of ${HOST_ROUNDS} interleaved spawns; reads of 7 invites:\n`,
  );
  console.log(table(rows));
  for (const c of cases.slice(1))
    verdict(
      `${c.name} vs no-op provider, spawn to first read`,
      median(cold[c.name] ?? []) / noOp,
      TARGETS.hostVsNoOp,
    );
}

async function requestsPerRead(): Promise<string> {
  const results: string[] = [];
  for (const [count, perPage] of [
    [7, undefined],
    [25, 10],
    [1_000, 100],
  ] as const) {
    const emulator = await startCloudflareEmulator({
      invites: manyInvites(count),
      ...(perPage ? { perPage } : {}),
    });
    await listUserInvites({ baseUrl: emulator.url, apiToken: FAKE_CREDENTIALS.apiToken });
    results.push(
      `${emulator.requests.length} for ${count} invites${perPage ? ` at ${perPage} per page` : " on one page"}`,
    );
    await emulator.close();
  }
  return results.join("; ");
}

async function main(): Promise<void> {
  console.log(
    `pulumi-cloudflare-user-invites benchmark: Node ${process.version}, ${cpus().length} CPUs, ${new Date().toISOString()}\n`,
  );
  const emulators = await Promise.all(SIZES.map((size) => emulatorProcess(size)));
  const urls = Object.fromEntries(SIZES.map((size, i) => [size, emulators[i]?.url ?? ""]));
  let installed: ReturnType<typeof installedCase> | undefined;
  try {
    await clientWallTime(urls);
    await peakMemory(urls);
    installed = installedCase(ROOT);
    const cases = [await noOpCase(ROOT), installed, await sourceCase(ROOT)];
    const sampleEmulator = await startCloudflareEmulator();
    try {
      await providerHost(cases, sampleEmulator.url);
    } finally {
      await sampleEmulator.close();
    }
    console.log(
      `\n__provider size: ${installed.provider.length.toLocaleString("en")} bytes installed from npm pack; ${(cases[2]?.provider.length ?? 0).toLocaleString("en")} bytes from this repository's source`,
    );
    console.log(`HTTP requests per read (one per page): ${await requestsPerRead()}`);
    const engine = await enginePreview(5);
    console.log(`\n${[...verdicts, ...engine].join("\n")}`);
  } finally {
    installed?.install.remove();
    for (const { child } of emulators) child.stdin?.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
