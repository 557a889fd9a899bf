import { execFileSync } from "node:child_process";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { packAndInstall, type PackedInstall } from "./helpers/packInstall";
import { REPO_ROOT } from "./helpers/providerHost";
import { SAMPLE } from "./helpers/sample";

/**
 * The package as users get it: `npm pack`, installed into a project, then a stack run from that
 * project. Slow (it builds), so one test does it all.
 */
jest.setTimeout(120_000);

let installed: PackedInstall;
afterAll(() => installed?.remove());

test("the packed package installs, serializes to a require of its runtime, and reads through the host", () => {
  installed = packAndInstall(REPO_ROOT);
  const { files, project, packageDir } = installed;
  expect(files).toEqual(
    expect.arrayContaining([
      "package.json",
      "README.md",
      "CHANGELOG.md",
      "dist/index.js",
      "dist/index.d.ts",
      "dist/pulumi/runtime.js",
      "dist/policy/index.js",
      "dist/policy/index.d.ts",
      "dist/testing/index.js",
      "dist/cli/main.js",
      // The provider plugin's folder, as `pulumi package add` wants it.
      "dist/plugin/index.js",
      "dist/plugin/PulumiPlugin.yaml",
      "dist/plugin/package.json",
    ]),
  );
  expect(
    files.filter((f) => !f.startsWith("dist/") && !["package.json", "README.md", "CHANGELOG.md"].includes(f)),
  ).toEqual([]);
  expect(files.filter((f) => f.endsWith(".map") || (f.endsWith(".ts") && !f.endsWith(".d.ts")))).toEqual([]);

  // Run from inside the project: from this repo, the package name would resolve to the repo itself.
  copyFileSync(join(REPO_ROOT, "tests", "fixtures", "installedProgram.js"), join(project, "program.js"));
  const output = execFileSync(process.execPath, [join(project, "program.js")], {
    cwd: project,
    encoding: "utf8",
  });
  const { provider, outputs } = JSON.parse(output) as { provider: string; outputs: Record<string, unknown> };
  expect(outputs).toEqual({
    pendingOrganizationIds: SAMPLE.pendingOrganizationIds,
  });
  // Installed, the provider is its class and one require: a few kilobytes, whatever the package grows to.
  expect([...provider.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual([
    "pulumi-cloudflare-user-invites/runtime",
  ]);
  expect(provider.length).toBeLessThan(8_000);

  // The bin, as `npx pulumi-cloudflare-user-invites` would run it.
  const version = execFileSync(process.execPath, [join(packageDir, "dist", "cli", "main.js"), "--version"], {
    encoding: "utf8",
  });
  expect(version.trim()).toMatch(/^\d+\.\d+\.\d+$/);

  // The `./policy` export, as a user's own policy pack imports it: the rules, loading neither
  // @pulumi/policy (only its types are used) nor @pulumi/pulumi.
  const policy = execFileSync(
    process.execPath,
    [
      "-e",
      `const p = require("pulumi-cloudflare-user-invites/policy");
       const loaded = Object.keys(require.cache).filter((f) => f.includes("@pulumi"));
       console.log(JSON.stringify({ names: p.userInvitesPolicies.map((r) => r.name), loaded }));`,
    ],
    { cwd: project, encoding: "utf8" },
  );
  expect(JSON.parse(policy)).toEqual({
    names: ["cloudflare-invites-require-two-factor", "cloudflare-invites-expiring-soon"],
    loaded: [],
  });
});
