import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hostSection } from "./hostTime";
import { nodeBinary, ROOT, TS_NODE } from "./processes";
import type { HostCase } from "./providerHost";
import { median, ms, ratioRows, samplesAt, table } from "./stats";
import type { Verdicts } from "./verdicts";

/**
 * Node 22 and 24 beside the Node that runs the benchmark: the host's start (no-op and installed
 * package) and the 10,000-invite read, each against the same emulators as the other rows.
 */
export async function nodeVersions(
  cases: readonly HostCase[],
  sampleUrl: string,
  url10k: string,
  verdicts: Verdicts,
): Promise<void> {
  for (const major of [22, 24]) {
    const node = nodeBinary(major);
    if (node === undefined) {
      verdicts.info(`Node ${major}: not measured, node@${major} could not be fetched from the npm registry`);
      continue;
    }
    const version = execFileSync(node, ["--version"], { encoding: "utf8" }).trim();
    await hostSection(cases, sampleUrl, { label: `Node ${version}`, node }, verdicts, {
      subject: cases[1]?.name ?? "",
    });
    if (major === 22) await compileCache(cases, sampleUrl, node, version, verdicts);
    const out = execFileSync(node, [TS_NODE, "--transpile-only", join(__dirname, "readAt10k.ts"), url10k], {
      cwd: ROOT,
      encoding: "utf8",
    });
    const raw = JSON.parse(out) as Record<string, number[]>;
    const samples = samplesAt(10_000, raw);
    console.log(
      `\nOne page of 10,000 invites under Node ${version}, median [interquartile range] of 30 interleaved runs:\n`,
    );
    console.log(
      table([
        ["one page of", "10,000 invites"],
        ...ratioRows(Object.keys(raw), [10_000], samples, "floor", ms),
      ]),
    );
    verdicts.atMost(
      `listUserInvites vs floor at 10,000 invites, Node ${version}`,
      median(raw["listUserInvites"] ?? []) / median(raw["floor"] ?? []),
      1.3,
    );
  }
}

/**
 * Node's compile cache (`NODE_COMPILE_CACHE`, Node 22.1 and later), which a pipeline can set for
 * every Node process it starts: measured, not used by the package (it is process-wide, so it is the
 * user's choice, not a library's). The cache is filled by the first spawn and reused by the rest.
 */
async function compileCache(
  cases: readonly HostCase[],
  sampleUrl: string,
  node: string,
  version: string,
  verdicts: Verdicts,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bench-compile-cache-"));
  try {
    await hostSection(
      cases,
      sampleUrl,
      { label: `Node ${version}, NODE_COMPILE_CACHE set`, node, env: { NODE_COMPILE_CACHE: dir } },
      verdicts,
      { subject: cases[1]?.name ?? "", judged: false },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
