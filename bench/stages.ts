import { performance } from "node:perf_hooks";
import { orderInvites } from "../provider/cloudflare/order";
import { isListEnvelope, isWireInvite, toInvite, type WireInvite } from "../provider/cloudflare/wire";
import { manyInvites } from "../provider/testing";
import { median, ms, table, withSpread } from "./stats";

const ROUNDS = 40;

/**
 * Where a 10,000-invite read goes, stage by stage, on one page already in memory (no network):
 * what the floor does (`JSON.parse`) and what the client adds to it. The profile behind the
 * 10,000-invite target.
 */
export function stages(): void {
  const text = JSON.stringify({ success: true, errors: [], messages: [], result: manyInvites(10_000) });
  const samples: Record<string, number[]> = {};
  const time = <T>(name: string, run: () => T): T => {
    const started = performance.now();
    const result = run();
    (samples[name] ??= []).push(performance.now() - started);
    return result;
  };
  for (let round = 0; round < ROUNDS; round++) {
    const body = time(
      "JSON.parse (the floor's own work)",
      () => JSON.parse(text) as { result: WireInvite[] },
    );
    time("validate the envelope (type guard)", () => isListEnvelope(body));
    time("validate 10,000 invites (type guard)", () => body.result.every(isWireInvite));
    const invites = time("map to camelCase Invite objects", () => body.result.map(toInvite));
    time("de-duplicate and order", () => orderInvites(invites));
  }
  const parse = median(samples["JSON.parse (the floor's own work)"] ?? []);
  console.log(
    `\nWhere a 10,000-invite read goes, one page in memory, median [interquartile range] of ${ROUNDS}:\n`,
  );
  console.log(
    table([
      ["stage", "time", "of JSON.parse"],
      ...Object.entries(samples).map(([name, values]) => [
        name,
        withSpread(values, ms),
        `${Math.round((100 * median(values)) / parse)}%`,
      ]),
    ]),
  );
}
