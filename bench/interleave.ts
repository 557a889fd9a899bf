import { performance } from "node:perf_hooks";

/** One contender of an interleaved measurement: what it runs, and how many invites it must list. */
export interface Contender {
  readonly name: string;
  readonly run: () => Promise<number>;
  readonly expected: number;
}

/**
 * Runs the contenders in turn, rotating who goes first each round (A, B, C, then B, C, A, ...),
 * after `warmUp` unmeasured rounds; returns each one's wall times in milliseconds. A contender
 * that lists the wrong number of invites stops the benchmark: a fast wrong answer is no answer.
 */
export async function interleave(
  contenders: readonly Contender[],
  rounds: number,
  warmUp = 5,
): Promise<Record<string, number[]>> {
  const samples: Record<string, number[]> = Object.fromEntries(contenders.map((c) => [c.name, []]));
  for (let round = -warmUp; round < rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const contender = contenders[(round + warmUp + k) % contenders.length] as Contender;
      const started = performance.now();
      const count = await contender.run();
      const elapsed = performance.now() - started;
      if (count !== contender.expected) {
        throw new Error(`${contender.name} listed ${count} of ${contender.expected} invites`);
      }
      if (round >= 0) samples[contender.name]?.push(elapsed);
    }
  }
  return samples;
}
