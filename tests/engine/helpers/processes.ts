import { readdirSync, readFileSync } from "node:fs";

/** A running process, as /proc shows it. */
export interface RunningProcess {
  readonly pid: number;
  readonly command: string;
}

/**
 * The processes still running with `PULUMI_HOME=<home>` in their environment: everything a
 * sandbox's CLI started (language host, program, provider host, policy pack) inherits it, and
 * nothing else on the machine has it. Linux only (/proc), like CI.
 */
export function processesOfSandbox(home: string): RunningProcess[] {
  const marker = `PULUMI_HOME=${home}`;
  const found: RunningProcess[] = [];
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
      if (!environ.includes(marker)) continue;
      const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
      // A zombie has an empty command line: it has exited and holds nothing.
      if (command !== "") found.push({ pid, command });
    } catch {
      // Gone between the listing and the read, or not ours to read.
    }
  }
  return found;
}

/** Polls {@link processesOfSandbox} until none is left or `timeoutMs` passes; returns what is left. */
export async function waitForNoProcesses(home: string, timeoutMs: number): Promise<RunningProcess[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = processesOfSandbox(home);
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
