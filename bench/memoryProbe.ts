/**
 * Runs one listing in a fresh process and prints, from V8's own heap statistics (steadier than
 * `maxRSS`, which moves with how the OS and V8 size the heap):
 * - `retainedBytes`: what the call's result keeps alive, measured after a full GC with the result
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

async function main(): Promise<void> {
  const [name = "", url = "", warmUpUrl = ""] = process.argv.slice(2);
  const run = implementations()[name];
  if (!run) throw new Error(`unknown implementation ${name}`);
  if (warmUpUrl) await run(warmUpUrl);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with --expose-gc");
  gc();
  const usedBefore = used();
  const reservedBefore = getHeapStatistics().total_heap_size;
  const result = await run(url);
  const heapGrowthBytes = getHeapStatistics().total_heap_size - reservedBefore;
  await sleep(IDLE_CONNECTIONS_CLOSED_MS);
  gc();
  const retainedBytes = used() - usedBefore;
  process.stdout.write(
    JSON.stringify({ count: result.length, retainedBytes: Math.max(0, retainedBytes), heapGrowthBytes }),
  );
  // The result is used after the second GC, so that GC could not collect it.
  process.exit(result.length >= 0 ? 0 : 1);
}

void main();
