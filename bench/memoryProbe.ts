/**
 * Runs one listing in a fresh process and prints, from V8's own heap statistics (steadier than
 * `maxRSS`, which moves with how the OS and V8 size the heap):
 * - `retainedBytes`: what the call's result keeps alive, measured after full GCs with the result
 *   still held (used heap plus external memory, against the same before the call), once idle
 *   keep-alive connections have closed: undici (ours, the floor's, and the one inside Node's fetch,
 *   the SDK's) keeps a connection's buffers, the size of the last response, until the connection
 *   is closed, 4 s after its last use by default;
 * - `heapGrowthBytes`: how much the heap V8 reserved (`total_heap_size`) grew during the call, a
 *   coarse view of its peak (V8 grows the heap in steps).
 * Each implementation first lists a small page once, so that what is measured is the call, not
 * the loading of its modules on first use. Started by bench/memory.ts with `--expose-gc`:
 * `memoryProbe.ts <implementation> <url> <warm-up url>`.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { getHeapStatistics } from "node:v8";
import { implementations } from "./clients";

/** undici's default keep-alive timeout (4 s), and a margin. */
const IDLE_CONNECTIONS_CLOSED_MS = 5_000;

const used = () => getHeapStatistics().used_heap_size + process.memoryUsage().external;

/**
 * A full GC, repeated a tick later until used memory stops falling. A dead Buffer's backing store
 * can be freed after `gc()` returns, when V8's array-buffer sweep finishes: read at once, `external`
 * still counted the 8.5 MB response body of a 10,000-invite read for the clients that read it as
 * Buffers through undici's `request` (ours and the floor), which read as an 8 MB "regression".
 */
async function settledGc(gc: () => void): Promise<number> {
  gc();
  let last = used();
  for (let round = 0; round < 5; round++) {
    await sleep(20);
    gc();
    const now = used();
    if (now >= last) return now;
    last = now;
  }
  return last;
}

async function main(): Promise<void> {
  const [name = "", url = "", warmUpUrl = ""] = process.argv.slice(2);
  const run = implementations()[name];
  if (!run) throw new Error(`unknown implementation ${name}`);
  if (warmUpUrl) await run(warmUpUrl);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with --expose-gc");
  const usedBefore = await settledGc(gc);
  const reservedBefore = getHeapStatistics().total_heap_size;
  const result = await run(url);
  const heapGrowthBytes = getHeapStatistics().total_heap_size - reservedBefore;
  await sleep(IDLE_CONNECTIONS_CLOSED_MS);
  const retainedBytes = (await settledGc(gc)) - usedBefore;
  process.stdout.write(
    JSON.stringify({ count: result.length, retainedBytes: Math.max(0, retainedBytes), heapGrowthBytes }),
  );
  // The result is used after the second GC, so that GC could not collect it.
  process.exit(result.length >= 0 ? 0 : 1);
}

void main();
