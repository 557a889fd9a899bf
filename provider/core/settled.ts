/**
 * Waits for every promise, then returns their values, or throws the first failure in argument
 * order: reads run side by side, and the caller gets the whole answer or one deterministic error,
 * never half of it (and no read is left to fail unobserved).
 */
export async function allOrFirstFailure<T extends readonly unknown[]>(
  ...promises: { [K in keyof T]: Promise<T[K]> }
): Promise<T> {
  const settled = await Promise.allSettled(promises);
  for (const result of settled) if (result.status === "rejected") throw result.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
