/**
 * Runs one listing in a fresh process and prints how much the call added to peak memory:
 * `maxRSS` after the call minus RSS before it (after a full GC). Each implementation first lists a
 * small page once, so that what is measured is the call, not the loading of its modules on first
 * use (zod and the schemas load on the first call, the SDK's modules at import). Started by
 * bench/index.ts with `--expose-gc`: `memoryProbe.ts <implementation> <url> <warm-up url>`.
 */
import { implementations, type ListImplementation } from "./clients";

async function main(): Promise<void> {
  const [name = "", url = "", warmUpUrl = ""] = process.argv.slice(2);
  const run = (implementations() as unknown as Record<string, ListImplementation | undefined>)[name];
  if (!run) throw new Error(`unknown implementation ${name}`);
  if (warmUpUrl) await run(warmUpUrl);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().rss;
  const count = await run(url);
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ count, addedBytes: Math.max(0, peak - before) }));
  process.exit(0);
}

void main();
