import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { implementations } from "./clients";
import { ROOT, TS_NODE } from "./processes";
import { mb, median, ratioRows, table, type Samples } from "./stats";
import type { Verdicts } from "./verdicts";

// Each probe waits 5 s for idle connections to close (bench/memoryProbe.ts): fewer samples.
const SAMPLES = 5;
/** At 10 invites a call adds less than RSS can show. */
const MEMORY_SIZES = [1_000, 10_000] as const;

/** Memory of one call, each sample in a fresh process (bench/memoryProbe.ts), warmed up on 10 invites first. */
export function peakMemory(urls: Readonly<Record<number, string>>, verdicts: Verdicts): void {
  const names = Object.keys(implementations());
  const samples: Samples = {};
  const growth: Samples = {};
  for (const size of MEMORY_SIZES) {
    for (let round = 0; round < SAMPLES; round++) {
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
            urls[10] ?? "",
          ],
          { cwd: ROOT, encoding: "utf8" },
        );
        const { count, retainedBytes, heapGrowthBytes } = JSON.parse(out) as {
          count: number;
          retainedBytes: number;
          heapGrowthBytes: number;
        };
        if (count !== size) throw new Error(`${name} listed ${count} of ${size} invites`);
        ((samples[name] ??= {})[size] ??= []).push(retainedBytes);
        ((growth[name] ??= {})[size] ??= []).push(heapGrowthBytes);
      }
    }
  }
  console.log(
    `\nMemory, from V8's heap statistics, fresh process, after one warm-up call on 10 invites, median [interquartile range] of ${SAMPLES}: what the result keeps alive (used heap + external after a full GC), and how far the heap V8 reserved grew during the call:\n`,
  );
  console.log(
    table([
      ["retained by the result", ...MEMORY_SIZES.map((n) => `${n.toLocaleString("en")} invites`)],
      ...ratioRows(names, MEMORY_SIZES, samples, "floor", mb, 1_048_576),
      ["reserved heap growth", "", ""],
      ...ratioRows(names, MEMORY_SIZES, growth, "floor", mb, 1_048_576),
    ]),
  );
  const at = (name: string) => median(samples[name]?.[10_000] ?? []);
  verdicts.atMost(
    "listUserInvites memory retained (V8 heap statistics) vs official SDK at 10,000 invites",
    at("listUserInvites") / at("official SDK (cloudflare)"),
    1,
  );
}
