/** Small helpers for the benchmark's numbers. */

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
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

/**
 * One row per contender: its value at each size, with its ratio to the `baseline` row's value at
 * the same size.
 */
export function ratioRows(
  names: readonly string[],
  sizes: readonly number[],
  medians: Readonly<Record<string, Readonly<Record<number, number>>>>,
  baseline: string,
  format: (value: number) => string,
): string[][] {
  return names.map((name) => [
    name,
    ...sizes.map((size) => {
      const value = medians[name]?.[size] ?? 0;
      const base = Math.max(medians[baseline]?.[size] ?? 1, Number.EPSILON);
      return name === baseline ? format(value) : `${format(value)}  ${ratio(value, base)}`;
    }),
  ]);
}
