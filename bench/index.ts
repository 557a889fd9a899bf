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
import { installedCase, noOpCase, rawUndiciCase, sourceCase } from "./providerHost";
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

async function main(): Promise<void> {
  console.log(
    `pulumi-cloudflare-user-invites benchmark: Node ${process.version}, ${cpus().length} CPUs, ${new Date().toISOString()}\n`,
  );
  const verdicts = new Verdicts();
  const emulators = await Promise.all(SIZES.map((size) => emulatorProcess(size)));
  const urls = Object.fromEntries(SIZES.map((size, i) => [size, emulators[i]?.url ?? ""]));
  const installed = installedCase(ROOT);
  const sampleEmulator = await startCloudflareEmulator();
  try {
    await clientTime(urls, verdicts);
    stages();
    peakMemory(urls, verdicts);
    const noOp = await noOpCase(ROOT);
    const raw = await rawUndiciCase(ROOT);
    const source = await sourceCase(ROOT);
    await hostSection(
      [noOp, raw, installed, source],
      sampleEmulator.url,
      { label: `Node ${process.version}` },
      verdicts,
      {
        subject: installed.name,
        warmBaseline: raw.name,
      },
    );
    await nodeVersions([noOp, installed], sampleEmulator.url, urls[10_000] ?? "", verdicts);
    console.log(
      `\n__provider size: ${installed.provider.length.toLocaleString("en")} bytes installed from npm pack; ${source.provider.length.toLocaleString("en")} bytes from this repository's source`,
    );
    console.log(`HTTP requests per read (one per page): ${await requestsPerRead()}`);
    for (const line of await enginePreview(5)) verdicts.info(line);
    verdicts.print();
  } finally {
    await sampleEmulator.close();
    installed.install.remove();
    for (const emulator of emulators) emulator.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
