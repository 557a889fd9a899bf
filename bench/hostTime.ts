import { timeHost, type HostCase } from "./providerHost";
import { median, ms, ratio, table, withSpread } from "./stats";
import type { Verdicts } from "./verdicts";

const ROUNDS = 7;
const WARM_READS = 10;

/** One way of running the host: which Node.js, and with what extra environment. */
export interface HostRun {
  readonly label: string;
  readonly node?: string | undefined;
  readonly env?: NodeJS.ProcessEnv;
}

/** Spawn-to-first-read and warm-read samples of each case, spawns interleaved. */
export async function sampleHosts(
  cases: readonly HostCase[],
  baseUrl: string,
  run: HostRun,
): Promise<Map<string, { cold: number[]; warm: number[] }>> {
  const samples = new Map(cases.map((c) => [c.name, { cold: [] as number[], warm: [] as number[] }]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < cases.length; k++) {
      const hostCase = cases[(round + k) % cases.length] as HostCase;
      const { coldMs, warmMs } = await timeHost(hostCase, baseUrl, WARM_READS, run.node, {
        ...process.env,
        ...run.env,
      });
      samples.get(hostCase.name)?.cold.push(coldMs);
      samples.get(hostCase.name)?.warm.push(...warmMs);
    }
  }
  return samples;
}

/**
 * The provider host, as `pulumi preview` starts it: the first case is the baseline of spawn to
 * first read (a no-op provider), `warmBaseline` the case warm reads are compared with.
 */
export async function hostSection(
  cases: readonly HostCase[],
  baseUrl: string,
  run: HostRun,
  verdicts: Verdicts,
  targets: {
    readonly subject: string;
    readonly warmBaseline?: string;
    readonly judged?: boolean;
    /** Cases reported beside the subject: first read as a ratio of the subject's. */
    readonly compared?: readonly string[];
  },
): Promise<void> {
  const samples = await sampleHosts(cases, baseUrl, run);
  const first = median(samples.get(cases[0]?.name ?? "")?.cold ?? []);
  const warmBase = targets.warmBaseline ? median(samples.get(targets.warmBaseline)?.warm ?? []) : undefined;
  const rows = [["provider host, " + run.label, "spawn to first Get-style read", "", "warm read", ""]];
  for (const c of cases) {
    const { cold, warm } = samples.get(c.name) ?? { cold: [], warm: [] };
    rows.push([
      c.name,
      withSpread(cold, ms),
      c === cases[0] ? "" : ratio(median(cold), first),
      withSpread(warm, ms),
      warmBase === undefined || c.name === targets.warmBaseline ? "" : ratio(median(warm), warmBase),
    ]);
  }
  console.log(
    `\nProvider host (the process \`pulumi preview\` starts), ${run.label}: median [interquartile range] of ${ROUNDS} interleaved spawns, ${WARM_READS} warm reads each; reads of 7 invites:\n`,
  );
  console.log(table(rows));
  const subject = samples.get(targets.subject);
  for (const name of targets.compared ?? []) {
    verdicts.info(
      `${name}, ${run.label}: spawn to first read ${ratio(median(samples.get(name)?.cold ?? []), median(subject?.cold ?? []))} of ${targets.subject}'s`,
    );
  }
  if (targets.judged === false) {
    verdicts.info(
      `${targets.subject}, ${run.label}: spawn to first read ${ratio(median(subject?.cold ?? []), first)} of the no-op provider's`,
    );
    return;
  }
  verdicts.atMost(
    `${targets.subject}, ${run.label}: spawn to first read vs no-op provider`,
    median(subject?.cold ?? []) / first,
    1.25,
  );
  if (warmBase !== undefined) {
    verdicts.atMost(
      `${targets.subject}, ${run.label}: warm read vs raw undici host`,
      median(subject?.warm ?? []) / warmBase,
      2,
    );
  }
}
