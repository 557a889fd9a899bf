import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FAKE_CREDENTIALS } from "../../provider/testing";
import { SAMPLE } from "../helpers/sample";
import { useEngineFixture } from "./helpers/engineFixture";

/**
 * The Node.js 22 binary from the npm registry's `node@22` package: `npm run test:engine`
 * (scripts/test-engine.sh) installs it and passes its path here.
 */
function node22(): string {
  const path = process.env["PULUMI_ENGINE_NODE22"];
  if (!path)
    throw new Error("PULUMI_ENGINE_NODE22 is not set: run the engine suite with `npm run test:engine`");
  return path;
}

// @pulumi/pulumi >= 3.249 declares Node >= 22: the example stack with Node 22 running the
// program and the provider host.
describe("the example stack on Node.js 22 under the real Pulumi engine", () => {
  const fixture = useEngineFixture();
  let startsLog: string;

  beforeAll(() => {
    // A \`node\` first on PATH that logs each start, then runs Node 22: the language host and the
    // dynamic-provider launcher both start \`node\` from PATH.
    const shimDir = join(fixture.sandbox.root, "node22-shim");
    mkdirSync(shimDir);
    startsLog = join(shimDir, "starts.log");
    writeFileSync(startsLog, "");
    writeFileSync(join(shimDir, "node"), `#!/bin/sh\necho "$*" >> "${startsLog}"\nexec "${node22()}" "$@"\n`);
    chmodSync(join(shimDir, "node"), 0o755);
    fixture.sandbox.pathPrefix.push(shimDir);
  });

  test("preview and up give the same outputs, with the program and the provider host on Node 22", async () => {
    const { sandbox, emulator, project } = fixture;
    await sandbox.initStack(project, "dev", { apiToken: FAKE_CREDENTIALS.apiToken, baseUrl: emulator.url });
    await sandbox.ok(project, ["up", "--yes"]);
    const outputs = JSON.parse((await sandbox.ok(project, ["stack", "output", "--json"])).stdout);

    expect(outputs.pendingOrganizationIds).toEqual(SAMPLE.pendingOrganizationIds);
    expect(outputs.inviteCountByStatus).toEqual(SAMPLE.inviteCountByStatus);
    const starts = readFileSync(startsLog, "utf8");
    expect(starts).toMatch(/@pulumi\/pulumi\/cmd\/run /);
    expect(starts).toMatch(/@pulumi\/pulumi\/cmd\/dynamic-provider /);
    expect(execFileSync(node22(), ["--version"], { encoding: "utf8" })).toMatch(/^v22\./);
  });
});
