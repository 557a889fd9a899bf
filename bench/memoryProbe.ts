/**
 * Runs one listing in a fresh process and prints how much memory the call added, read from V8's
 * own heap statistics (steadier than `maxRSS`, which moves with how the OS and V8 size the heap):
 * the growth of the heap V8 reserved (`total_heap_size`, which grows to hold the call's peak of
 * live objects and is not given back within the call) plus the growth of memory outside the heap
 * (`external`: buffers). Each implementation first lists a small page once, so that what is
 * measured is the call, not the loading of its modules on first use. Started by bench/memory.ts
 * with `--expose-gc`: `memoryProbe.ts <implementation> <url> <warm-up url>`.
 */
import { getHeapStatistics } from "node:v8";
import { implementations } from "./clients";

async function main(): Promise<void> {
  const [name = "", url = "", warmUpUrl = ""] = process.argv.slice(2);
  const run = implementations()[name];
  if (!run) throw new Error(`unknown implementation ${name}`);
  if (warmUpUrl) await run(warmUpUrl);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = getHeapStatistics().total_heap_size;
  const externalBefore = process.memoryUsage().external;
  const count = await run(url);
  const added =
    getHeapStatistics().total_heap_size - heapBefore + (process.memoryUsage().external - externalBefore);
  process.stdout.write(JSON.stringify({ count, addedBytes: Math.max(0, added) }));
  process.exit(0);
}

void main();
