/**
 * The targets of the performance issue, each printed PASS or MISS with the value this run
 * measured, so one glance at the end of `npm run bench` says where the package stands.
 */
export class Verdicts {
  private readonly lines: string[] = [];

  /** `value` (a ratio of medians from this run) must be at most `limit`. */
  atMost(claim: string, value: number, limit: number, note = ""): void {
    const mark = Number.isFinite(value) && value <= limit ? "PASS" : "MISS";
    this.lines.push(
      `${mark}  ${claim}: ${value.toFixed(2)}x (target <= ${limit}x)${note ? `; ${note}` : ""}`,
    );
  }

  /** `valueMs` (a difference of medians from this run, in ms) must be at most `limitMs`. */
  atMostMs(claim: string, valueMs: number, limitMs: number): void {
    const mark = Number.isFinite(valueMs) && valueMs <= limitMs ? "PASS" : "MISS";
    this.lines.push(`${mark}  ${claim}: +${Math.round(valueMs)} ms (target <= +${limitMs} ms)`);
  }

  /** A figure reported beside the targets, without one of its own. */
  info(line: string): void {
    this.lines.push(`info  ${line}`);
  }

  print(): void {
    console.log(`\nTargets (ratios of medians measured in this run):\n${this.lines.join("\n")}`);
  }
}
