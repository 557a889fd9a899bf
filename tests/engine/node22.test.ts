import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { FAKE_CREDENTIALS } from "../../provider/testing";
import { SAMPLE } from "../helpers/sample";
import { useEngineFixture } from "./helpers/engineFixture";
import { SOURCE_IMPORT, writeProject } from "./helpers/program";

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

// @pulumi/pulumi >= 3.249 declares Node >= 22. Each process says which Node runs it: the program
// exports process.version, the provider host sends it in its User-Agent. Nothing here depends on
// how a language host or launcher names its processes.
describe("a stack on Node.js 22 under the real Pulumi engine", () => {
  const fixture = useEngineFixture({
    project: (sandbox) =>
      writeProject(
        sandbox.root,
        "on-node22",
        `import { UserInvites } from ${SOURCE_IMPORT};
const invites = new UserInvites("invites");
export const pendingOrganizationIds = invites.pendingOrganizationIds;
export const inviteCountByStatus = invites.inviteCountByStatus;
export const programNode = process.version;
`,
        { linkRepoModules: true },
      ),
  });

  beforeAll(() => {
    // Node 22 first on PATH: whatever starts `node` (language host, provider launcher) gets it.
    const shimDir = join(fixture.sandbox.root, "node22");
    mkdirSync(shimDir);
    writeFileSync(join(shimDir, "node"), `#!/bin/sh\nexec "${node22()}" "$@"\n`);
    chmodSync(join(shimDir, "node"), 0o755);
    fixture.sandbox.pathPrefix.push(shimDir);
  });

  test("the program and the provider host both run on Node 22, with the same outputs", async () => {
    const { sandbox, emulator, project } = fixture;
    await sandbox.initStack(project, "dev", { apiToken: FAKE_CREDENTIALS.apiToken, baseUrl: emulator.url });
    await sandbox.ok(project, ["up", "--yes"]);
    const outputs = JSON.parse((await sandbox.ok(project, ["stack", "output", "--json"])).stdout);

    expect(outputs.pendingOrganizationIds).toEqual(SAMPLE.pendingOrganizationIds);
    expect(outputs.inviteCountByStatus).toEqual(SAMPLE.inviteCountByStatus);
    expect(outputs.programNode).toMatch(/^v22\./);
    expect(emulator.requests.length).toBeGreaterThan(0);
    for (const request of emulator.requests) expect(request.headers["user-agent"]).toMatch(/ node\/22\./);
  });
});
