import { inspect } from "node:util";

/**
 * Everything a caller, a logger or a crash report could show of a result: for an error, its
 * message, stack, what `util.inspect` prints (cause chain included) and its own properties as JSON.
 */
export function everythingVisible(result: unknown): string {
  if (result instanceof Error) {
    const own = Object.fromEntries(
      Object.getOwnPropertyNames(result).map((k) => [k, (result as unknown as Record<string, unknown>)[k]]),
    );
    return [
      result.message,
      String(result.stack),
      inspect(result, { depth: 10 }),
      JSON.stringify(own, (_k, v: unknown) => (v instanceof Error ? inspect(v) : v)),
    ].join("\n");
  }
  return JSON.stringify(result);
}
