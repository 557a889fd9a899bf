import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { FAKE_CREDENTIALS, sampleInvites } from "../../provider/testing";
import { REPO_ROOT, type CliResult } from "../helpers/pulumiSandbox";
import { SAMPLE } from "../helpers/sample";
import { useEngineFixture } from "./helpers/engineFixture";
import { processesOfSandbox, waitForNoProcesses } from "./helpers/processes";
import { SOURCE_IMPORT, writeProject } from "./helpers/program";

// What Pulumi's own Node.js language host does, checked through the engine with ours (see
// tools/pulumi/README.md): each scenario here passes with Pulumi's host, and failed with ours
// before it followed Pulumi's source.

const ENTRY_WARNING = "Could not find entry point";

/**
 * A Node.js plugin folder as Pulumi loads one: its manifest (`PulumiPolicy.yaml` for a policy pack,
 * `PulumiPlugin.yaml` for a provider), a package.json, plain JavaScript (no ts-node) and the
 * repository's node_modules.
 */
function writeNodePlugin(
  dir: string,
  manifest: "PulumiPolicy.yaml" | "PulumiPlugin.yaml",
  code: string,
): string {
  mkdirSync(dir);
  writeFileSync(join(dir, manifest), "runtime:\n  name: nodejs\n  options:\n    typescript: false\n");
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify({ name: basename(dir), version: "0.0.1", main: "index.js" }),
  );
  writeFileSync(join(dir, "index.js"), code);
  symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}

describe("the example project under Pulumi's entry-point rules", () => {
  const fixture = useEngineFixture();
  beforeAll(async () => {
    const { sandbox, emulator, project } = fixture;
    await sandbox.initStack(project, "dev", { apiToken: FAKE_CREDENTIALS.apiToken, baseUrl: emulator.url });
  });

  // Pulumi.yaml's `main` is a folder, so the engine sends the entry point "." and cmd/run runs the
  // nearest package.json's `exports["."]`/`main`: the example's own, not the repository's.
  test.each([
    ["without dist/ (a fresh clone)", false],
    ["with dist/ (after npm run build, npm pack or npm test)", true],
  ])("%s: preview runs examples/stack/index.ts, with no warning", async (_, withDist) => {
    const { sandbox, project } = fixture;
    if (withDist) {
      mkdirSync(join(project, "dist"), { recursive: true });
      writeFileSync(
        join(project, "dist", "index.js"),
        'console.error("THE PACKAGE ENTRY RAN, NOT THE EXAMPLE"); module.exports = {};\n',
      );
    }
    const preview = await sandbox.ok(project, ["preview", "--diff"]);
    const output = preview.stdout + preview.stderr;
    expect(output).not.toContain(ENTRY_WARNING);
    expect(output).not.toContain("THE PACKAGE ENTRY RAN");
    expect(output).toContain("pulumi-nodejs:dynamic/cloudflare:UserInvites");
    for (const id of SAMPLE.pendingOrganizationIds) expect(output).toContain(id);
  });
});

describe("runtime options, parsed as Pulumi's host parses them", () => {
  const fixture = useEngineFixture({
    project: (sandbox) => {
      const root = join(sandbox.root, "options");
      mkdirSync(root);
      writeFileSync(
        join(root, "pre load.js"),
        'process.env["PRELOADED_BY"] = "nodeargs";\n', // a path with a space: needs the quotes kept
      );
      return root;
    },
  });

  async function previewWith(name: string, runtimeOptions: string[], program: string) {
    const { sandbox, project } = fixture;
    const dir = writeProject(project, name, program, { linkRepoModules: true, runtimeOptions });
    await sandbox.ok(dir, ["stack", "init", "dev"]);
    const result = await sandbox.pulumi(dir, ["preview", "--diff"]);
    return { code: result.code, output: result.stdout + result.stderr };
  }

  test("a wrong type is an error naming the option", async () => {
    const { code, output } = await previewWith(
      "typed",
      ['typescript: "yes"'],
      'export const ran = "the program should not run";\n',
    );
    expect(code).not.toBe(0);
    expect(output).toContain("typescript option must be a boolean");
    expect(output).not.toContain("the program should not run");
  });

  test("nodeargs are split with shell quoting and given to node", async () => {
    const preload = join(fixture.project, "pre load.js");
    const { code, output } = await previewWith(
      "nodeargs",
      ["typescript: true", `nodeargs: --require "${preload}" --max-old-space-size=512`],
      'export const preloadedBy = process.env["PRELOADED_BY"];\n',
    );
    expect(code).toBe(0);
    expect(output).toMatch(/preloadedBy\s*:\s*"nodeargs"/);
  });
});

describe("^C during `pulumi up`", () => {
  const READ_DELAY_MS = 4000;
  const fixture = useEngineFixture({
    // The first read is slow, so that the interrupt lands while it is under way.
    emulator: { faults: [{ delayMs: READ_DELAY_MS }] },
    project: (sandbox) =>
      writeProject(
        sandbox.root,
        "interrupted",
        `import { writeFileSync } from "node:fs";
import { UserInvites } from ${SOURCE_IMPORT};
// What a program that cleans up on ^C does: the engine's Cancel reaches it as SIGINT.
process.on("SIGINT", () => {
  writeFileSync(${JSON.stringify(join(sandbox.root, "interrupted.txt"))}, "SIGINT during the read");
  process.exit(130);
});
const invites = new UserInvites("invites");
export const pendingOrganizationIds = invites.pendingOrganizationIds;
`,
        { linkRepoModules: true },
      ),
  });

  test("the program gets SIGINT, every process stops, state stays consistent, the next up works", async () => {
    const { sandbox, emulator, project } = fixture;
    await sandbox.initStack(project, "dev", { apiToken: FAKE_CREDENTIALS.apiToken, baseUrl: emulator.url });
    const { child, done } = sandbox.start(project, ["up", "--yes", "--skip-preview"]);
    // Wait for the read to reach the API; if `up` ends first, it failed for another reason: show it.
    let ended: CliResult | undefined;
    void done.then((result) => (ended = result));
    while (emulator.requests.length === 0 && ended === undefined) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (ended !== undefined) throw new Error(`up ended before its read:\n${ended.stdout}\n${ended.stderr}`);
    expect(processesOfSandbox(sandbox.home).some((p) => p.command.includes("cmd/run"))).toBe(true);
    child.kill("SIGINT");
    const interrupted = await done;

    expect(interrupted.code).not.toBe(0);
    expect(interrupted.stdout + interrupted.stderr).toContain("update canceled");
    expect(readFileSync(join(sandbox.root, "interrupted.txt"), "utf8")).toBe("SIGINT during the read");
    expect(await waitForNoProcesses(sandbox.home, 10_000)).toEqual([]);

    const state = JSON.parse((await sandbox.ok(project, ["stack", "export"])).stdout);
    expect(state.deployment.pending_operations ?? []).toEqual([]);
    emulator.setInvites(sampleInvites());
    await sandbox.ok(project, ["up", "--yes"]);
    const outputs = JSON.parse((await sandbox.ok(project, ["stack", "output", "--json"])).stdout);
    expect(outputs.pendingOrganizationIds).toEqual(SAMPLE.pendingOrganizationIds);
    expect(await waitForNoProcesses(sandbox.home, 10_000)).toEqual([]);
  });
});

describe("a policy pack learns the stack it analyses", () => {
  const fixture = useEngineFixture({
    project: (sandbox) => {
      writeNodePlugin(
        join(sandbox.root, "reporting-pack"),
        "PulumiPolicy.yaml",
        `const pulumi = require("@pulumi/pulumi");
const { PolicyPack } = require("@pulumi/policy");
new PolicyPack("reporting-pack", {
  policies: [{
    name: "report-the-stack",
    description: "Reports what the pack knows of the stack it analyses.",
    enforcementLevel: "advisory",
    validateStack: (_args, reportViolation) => {
      reportViolation("stack=" + pulumi.getStack() + " project=" + pulumi.getProject() +
        " organization=" + pulumi.getOrganization() + " dryRun=" + pulumi.runtime.isDryRun() +
        " reviewer=" + new pulumi.Config("stack-facts").get("reviewer"));
    },
  }],
});
`,
      );
      return writeProject(sandbox.root, "stack-facts", "export const nothing = 0;\n", {
        linkRepoModules: true,
      });
    },
  });

  test("project, stack, organization, dry-run flag and config, as Pulumi's host passes them", async () => {
    const { sandbox, project } = fixture;
    await sandbox.ok(project, ["stack", "init", "review"]);
    await sandbox.ok(project, ["config", "set", "reviewer", "security-team"]);
    const preview = await sandbox.ok(project, [
      "preview",
      "--policy-pack",
      join(sandbox.root, "reporting-pack"),
    ]);
    expect(preview.stdout + preview.stderr).toContain(
      "stack=review project=stack-facts organization=organization dryRun=true reviewer=security-team",
    );
  });
});

describe("a provider plugin written in Node.js (RunPlugin)", () => {
  const fixture = useEngineFixture({
    project: (sandbox) => {
      const plugin = writeNodePlugin(
        join(sandbox.root, "echo-plugin"),
        "PulumiPlugin.yaml",
        `const provider = require("@pulumi/pulumi/provider");
provider.main({
  version: "0.0.1",
  async create(_urn, inputs) {
    return { id: "echo", outs: { ...inputs, pluginCwd: process.cwd(), pluginNode: process.version } };
  },
}, process.argv.slice(2));
`,
      );
      return writeProject(
        sandbox.root,
        "uses-plugin",
        `import * as pulumi from "@pulumi/pulumi";
class Echo extends pulumi.CustomResource {
  declare readonly message: pulumi.Output<string>;
  declare readonly pluginCwd: pulumi.Output<string>;
  constructor(name: string, message: string) {
    super("echo:index:Echo", name, { message, pluginCwd: undefined });
  }
}
const echo = new Echo("echo", "hello from the program");
export const message = echo.message;
export const pluginCwd = echo.pluginCwd;
`,
        {
          linkRepoModules: true,
          pulumiYaml: `plugins:\n  providers:\n    - name: echo\n      path: ${plugin}\n`,
        },
      );
    },
  });

  test("the engine starts it through the language host; it runs in the engine's folder", async () => {
    const { sandbox, project } = fixture;
    await sandbox.ok(project, ["stack", "init", "dev"]);
    await sandbox.ok(project, ["up", "--yes"]);
    const outputs = JSON.parse((await sandbox.ok(project, ["stack", "output", "--json"])).stdout);
    expect(outputs).toEqual({ message: "hello from the program", pluginCwd: project });
  });
});
