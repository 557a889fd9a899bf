/**
 * How this package reports bad input: one problem per property, in the shape the Pulumi engine's
 * `check` failures take, joined one way in every message.
 */

/** A problem with one input, named the way the user wrote it (`statuses[2]`, `--timeout-ms`). */
export interface Problem {
  readonly property: string;
  readonly reason: string;
}

/** `property: reason; property: reason`: the one way problems are joined in a message. */
export function formatProblems(problems: readonly Problem[], separator = "; "): string {
  return problems.map((p) => `${p.property}: ${p.reason}`).join(separator);
}

/**
 * What a caller passed, for a message, by type only: `a number`, `an object`, `null`. Never the
 * text of a string, which could be a credential pasted into the wrong field.
 */
export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  const type = typeof value;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** `a whole number from 0 to 100`: what every numeric option expects. */
export function wholeNumberRange(min: number, max: number): string {
  return `a whole number from ${min} to ${max}`;
}

/** Whether `value` is a whole number from `min` to `max`. */
export function isWholeNumberWithin(value: unknown, min: number, max: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
}
