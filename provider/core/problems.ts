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

/**
 * One problem per key of `given` that is not in `known`: a misspelt `status` for `statuses` would
 * otherwise be dropped without a word, and a JavaScript caller has no compiler to catch it. The
 * reason names the known key `meant` gives for it (another word for the same thing), else the
 * closest known key when one is near, and always the known keys. `ignored` keys are let through.
 */
export function unknownKeyProblems(
  given: object,
  known: readonly string[],
  what: string,
  {
    ignored = [],
    meant = new Map(),
  }: { readonly ignored?: readonly string[]; readonly meant?: ReadonlyMap<string, string> } = {},
): Problem[] {
  const problems: Problem[] = [];
  for (const key of Object.keys(given)) {
    if (known.includes(key) || ignored.includes(key)) continue;
    const near = meant.get(key) ?? closestKey(key, known);
    problems.push({
      property: key.length > 60 ? `${key.slice(0, 60)}…` : key,
      reason:
        `unknown ${what}` +
        (near === undefined ? "" : ` (did you mean ${near}?)`) +
        `; the ${what}s are ${known.join(", ")}`,
    });
  }
  return problems;
}

/** The known key within two edits of `key` (ignoring case), or one that begins with it or it with: else none. */
function closestKey(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    const other = candidate.toLowerCase();
    const prefix = lower.length >= 3 && (other.startsWith(lower) || lower.startsWith(other));
    const distance = prefix ? 1 : editDistance(lower, other);
    if (distance <= 2 && (best === undefined || distance < best.distance))
      best = { key: candidate, distance };
  }
  return best?.key;
}

/** Levenshtein distance, for short keys only (callers pass option names). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2 || a.length > 60) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
