import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { REPO_ROOT } from "../helpers/providerHost";

test("200 concurrent reads under intermittent rate limits: all complete or fail clearly, and the process exits by itself", async () => {
  const started = Date.now();
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      join(REPO_ROOT, "node_modules", "ts-node", "dist", "bin.js"),
      "--transpile-only",
      join(REPO_ROOT, "tests", "fixtures", "loadRun.ts"),
    ],
    // A process that does not exit by itself is killed here, and the test fails.
    { cwd: REPO_ROOT, timeout: 60_000, env: { ...process.env, LOAD_READS: "200" } },
  );
  const summary = JSON.parse(stdout) as {
    reads: number;
    completed: number;
    failedClearly: number;
    otherFailures: string[];
    requests: number;
    unhandled: number;
    activeResources: string[];
    doneAt: number;
  };
  const exitedAfterMs = Date.now() - summary.doneAt;
  expect(summary.completed + summary.failedClearly).toBe(200);
  expect(summary.completed).toBeGreaterThan(190);
  expect(summary.otherFailures).toEqual([]);
  expect(summary.unhandled).toBe(0);
  expect(summary.requests).toBeGreaterThan(200);
  expect(summary.activeResources).toEqual([]);
  expect(exitedAfterMs).toBeLessThan(5_000);
  expect(Date.now() - started).toBeLessThan(60_000);
});
