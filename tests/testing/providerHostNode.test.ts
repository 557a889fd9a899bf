import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startProviderHost } from "../../provider/testing";
import { REPO_ROOT } from "../helpers/providerHost";

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test("the node option runs the host with that binary", async () => {
  // A "node" that logs its start, then is this process's Node: the host must be started through it.
  dir = mkdtempSync(join(tmpdir(), "host-node-"));
  const log = join(dir, "started.log");
  const shim = join(dir, "node");
  writeFileSync(shim, `#!/bin/sh\necho "$@" >> "${log}"\nexec "${process.execPath}" "$@"\n`);
  chmodSync(shim, 0o755);
  const host = await startProviderHost({ cwd: REPO_ROOT, node: shim });
  try {
    await host.configure({});
  } finally {
    await host.close();
  }
  expect(readFileSync(log, "utf8")).toMatch(/cmd[\\/]dynamic-provider/);
});
