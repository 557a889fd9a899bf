/** Small helpers for the benchmark's numbers. */

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** The `q` quantile (0 to 1) by linear interpolation between the closest ranks. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] ?? 0;
  return low + ((sorted[above] ?? low) - low) * (position - below);
}

/** `41.8 ms [39.0-47.3]`: the median and the interquartile range, the spread of the middle half. */
export function withSpread(values: readonly number[], format: (value: number) => string): string {
  return `${format(median(values))} [${format(quantile(values, 0.25))}-${format(quantile(values, 0.75))}]`;
}

/** Milliseconds with a precision that suits the size. */
export function ms(value: number): string {
  return value < 10
    ? `${value.toFixed(2)} ms`
    : value < 100
      ? `${value.toFixed(1)} ms`
      : `${Math.round(value)} ms`;
}

export function mb(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

export function ratio(value: number, baseline: number): string {
  return `${(value / baseline).toFixed(2)}x`;
}

/** Left-aligned columns, two spaces apart. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** Samples by contender, then by size (or any other column). */
export type Samples = Record<string, Record<number, number[]>>;

/** Each contender's samples, all taken at one `size`, as {@link Samples}. */
export function samplesAt(size: number, byContender: Readonly<Record<string, number[]>>): Samples {
  return Object.fromEntries(Object.entries(byContender).map(([name, values]) => [name, { [size]: values }]));
}

/**
 * One row per contender: at each size its median with the interquartile range, and its ratio of
 * medians to the `baseline` row's at the same size; no ratio where the baseline's median is below
 * `meaningful` (a ratio to almost nothing says nothing).
 */
export function ratioRows(
  names: readonly string[],
  sizes: readonly number[],
  samples: Readonly<Samples>,
  baseline: string,
  format: (value: number) => string,
  meaningful = 0,
): string[][] {
  return names.map((name) => [
    name,
    ...sizes.map((size) => {
      const values = samples[name]?.[size] ?? [];
      const base = median(samples[baseline]?.[size] ?? []);
      const shown = withSpread(values, format);
      return name === baseline || base <= meaningful ? shown : `${shown}  ${ratio(median(values), base)}`;
    }),
  ]);
}
