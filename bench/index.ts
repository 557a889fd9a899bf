/**
 * `npm run bench`: every figure the README claims, measured in one run on this machine. Each
 * comparison is interleaved (A, B, C, then B, C, A, ...) against the same emulator, which runs in
 * its own process on 127.0.0.1, and reported as medians with their interquartile range and ratios
 * to the baseline of the same run. It ends with each target of the performance issue, PASS or MISS.
 */
import { cpus } from "node:os";
import { listUserInvites } from "../provider";
import { FAKE_CREDENTIALS, manyInvites, startCloudflareEmulator } from "../provider/testing";
import { clientTime, SIZES } from "./clientTime";
import { enginePreview } from "./enginePreview";
import { hostSection } from "./hostTime";
import { peakMemory } from "./memory";
import { nodeVersions } from "./nodeVersions";
import { emulatorProcess, ROOT } from "./processes";
import {
  installedCase,
  noOpCase,
  pluginCase,
  rawUndiciCase,
  sourceCase,
  type HostCase,
} from "./providerHost";
import { join } from "node:path";
import { packAndInstall } from "../tests/helpers/packInstall";
import { baselineFrom } from "./baseline";
import { BEFORE_PACKAGE_VARIABLE } from "./clients";
import { installedPreview } from "./installedPreview";
import { membershipsSection } from "./memberships";
import { stages } from "./stages";
import { Verdicts } from "./verdicts";

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

/**
 * `BENCH_ONLY=preview|memory|host|memberships npm run bench` runs one section alone (the preview section with
 * more rounds: its figures are the noisiest).
 */
async function previewOnly(): Promise<void> {
  const verdicts = new Verdicts();
  const installed = packAndInstall(ROOT);
  const baseline = baselineFrom(process.env["BENCH_BEFORE"]);
  try {
    await installedPreview(
      { current: installed, ...(baseline ? { [`before (${baseline.commit})`]: baseline.install } : {}) },
      9,
      verdicts,
    );
    verdicts.print();
  } finally {
    installed.remove();
    baseline?.remove();
  }
}

async function memoryOnly(): Promise<void> {
  const verdicts = new Verdicts();
  const emulators = await Promise.all(SIZES.map((size) => emulatorProcess(size)));
  const baseline = baselineFrom(process.env["BENCH_BEFORE"]);
  if (baseline) process.env[BEFORE_PACKAGE_VARIABLE] = join(baseline.install.packageDir, "dist", "index.js");
  try {
    peakMemory(Object.fromEntries(SIZES.map((size, i) => [size, emulators[i]?.url ?? ""])), verdicts);
    verdicts.print();
  } finally {
    baseline?.remove();
    for (const emulator of emulators) emulator.close();
  }
}

async function hostOnly(): Promise<void> {
  const verdicts = new Verdicts();
  const installed = installedCase(packAndInstall(ROOT), "UserInvites, installed from npm pack");
  const baseline = baselineFrom(process.env["BENCH_BEFORE"]);
  const before = baseline && installedCase(baseline.install, `UserInvites, before (${baseline.commit})`);
  const sampleEmulator = await startCloudflareEmulator();
  try {
    const noOp = await noOpCase(ROOT);
    const raw = await rawUndiciCase(ROOT);
    const plugin = pluginCase(installed.install);
    await hostSection(
      [noOp, raw, installed, ...(before ? [before] : []), plugin],
      sampleEmulator.url,
      { label: `Node ${process.version}` },
      verdicts,
      { subject: installed.name, warmBaseline: raw.name, compared: [plugin.name] },
    );
    verdicts.print();
  } finally {
    await sampleEmulator.close();
    installed.install.remove();
    baseline?.remove();
  }
}

async function membershipsOnly(): Promise<void> {
  const verdicts = new Verdicts();
  const emulators = await Promise.all(SIZES.map((size) => emulatorProcess(size)));
  try {
    await membershipsSection(
      Object.fromEntries(SIZES.map((size, i) => [size, emulators[i]?.url ?? ""])),
      verdicts,
    );
    verdicts.print();
  } finally {
    for (const emulator of emulators) emulator.close();
  }
}

async function main(): Promise<void> {
  if (process.env["BENCH_ONLY"] === "memberships") return membershipsOnly();
  if (process.env["BENCH_ONLY"] === "preview") return previewOnly();
  if (process.env["BENCH_ONLY"] === "memory") return memoryOnly();
  if (process.env["BENCH_ONLY"] === "host") return hostOnly();
  console.log(
    `pulumi-cloudflare-user-invites benchmark: Node ${process.version}, ${cpus().length} CPUs, ${new Date().toISOString()}\n`,
  );
  const verdicts = new Verdicts();
  const emulators = await Promise.all(SIZES.map((size) => emulatorProcess(size)));
  const urls = Object.fromEntries(SIZES.map((size, i) => [size, emulators[i]?.url ?? ""]));
  const installed = installedCase(packAndInstall(ROOT), "UserInvites, installed from npm pack");
  // BENCH_BEFORE=<git ref>: the package as it was there, measured beside today's in the same run.
  const baseline = baselineFrom(process.env["BENCH_BEFORE"]);
  const before = baseline && installedCase(baseline.install, `UserInvites, before (${baseline.commit})`);
  if (baseline) {
    process.env[BEFORE_PACKAGE_VARIABLE] = join(baseline.install.packageDir, "dist", "index.js");
    console.log(`Before: ${baseline.ref} (${baseline.commit}), packed and installed the same way.\n`);
  }
  const sampleEmulator = await startCloudflareEmulator();
  try {
    await clientTime(urls, verdicts);
    await membershipsSection(urls, verdicts);
    stages();
    peakMemory(urls, verdicts);
    const noOp = await noOpCase(ROOT);
    const raw = await rawUndiciCase(ROOT);
    const source = await sourceCase(ROOT);
    const plugin = pluginCase(installed.install);
    const hostCases: HostCase[] = [noOp, raw, installed, ...(before ? [before] : []), source, plugin];
    await hostSection(hostCases, sampleEmulator.url, { label: `Node ${process.version}` }, verdicts, {
      subject: installed.name,
      warmBaseline: raw.name,
    });
    await nodeVersions([noOp, installed], sampleEmulator.url, urls[10_000] ?? "", verdicts);
    console.log(
      `\n__provider size: ${installed.provider.length.toLocaleString("en")} bytes installed from npm pack; ${source.provider.length.toLocaleString("en")} bytes from this repository's source`,
    );
    console.log(`HTTP requests per read (one per page): ${await requestsPerRead()}`);
    await installedPreview(
      {
        current: installed.install,
        ...(baseline && before ? { [`before (${baseline.commit})`]: before.install } : {}),
      },
      5,
      verdicts,
    );
    for (const line of await enginePreview(5)) verdicts.info(line);
    verdicts.print();
  } finally {
    await sampleEmulator.close();
    installed.install.remove();
    baseline?.remove();
    for (const emulator of emulators) emulator.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
