import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";

/** Paths and child processes the benchmark's sections share. */
export const ROOT = join(__dirname, "..");
export const TS_NODE = join(ROOT, "node_modules", "ts-node", "dist", "bin.js");

/** An emulator in its own process, serving `count` invites on one page; `close()` ends it. */
export interface EmulatorProcess {
  readonly url: string;
  close(): void;
}

export async function emulatorProcess(count: number, chunked = false): Promise<EmulatorProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      TS_NODE,
      "--transpile-only",
      join(__dirname, "emulatorProcess.ts"),
      String(count),
      chunked ? "chunked" : "",
    ],
    { cwd: ROOT, stdio: ["pipe", "pipe", "inherit"] },
  );
  const url = await new Promise<string>((resolve) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once("line", (line) => (lines.close(), resolve(line.trim())));
  });
  return { url, close: () => child.stdin?.end() };
}

/**
 * The binary of Node.js `major` from the npm registry (`npx node@22`), fetched once per machine
 * by npm's cache; `undefined` when it cannot be had (no registry), which the sections report.
 */
export function nodeBinary(major: number): string | undefined {
  try {
    return execFileSync("npx", ["--yes", `node@${major}`, "-p", "process.execPath"], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return undefined;
  }
}
