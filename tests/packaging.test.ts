import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fakeId } from "../provider/testing";
import { REPO_ROOT } from "./helpers/providerHost";

/**
 * The package as users get it: `npm pack`, unpacked into a project's node_modules next to its
 * dependencies, then a stack run from that project. Slow (it builds), so one test does it all.
 */
jest.setTimeout(120_000);

let project: string;
afterAll(() => rmSync(project, { recursive: true, force: true }));

test("the packed package installs, serializes to a require of its runtime, and reads through the host", () => {
  project = mkdtempSync(join(tmpdir(), "user-invites-installed-"));
  const packed = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--pack-destination", project], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    }),
  ) as { filename: string; files: { path: string }[] }[];
  const files = packed[0]?.files.map((f) => f.path).sort() ?? [];
  expect(files).toEqual(
    expect.arrayContaining([
      "package.json",
      "README.md",
      "CHANGELOG.md",
      "dist/index.js",
      "dist/index.d.ts",
      "dist/runtime.js",
      "dist/testing/index.js",
    ]),
  );
  expect(
    files.filter((f) => !f.startsWith("dist/") && !["package.json", "README.md", "CHANGELOG.md"].includes(f)),
  ).toEqual([]);
  expect(files.filter((f) => f.endsWith(".map") || (f.endsWith(".ts") && !f.endsWith(".d.ts")))).toEqual([]);

  const modules = join(project, "node_modules");
  mkdirSync(modules);
  execFileSync("tar", ["-xzf", join(project, packed[0]?.filename ?? ""), "-C", modules]);
  renameSync(join(modules, "package"), join(modules, "pulumi-cloudflare-user-invites"));
  // Everything else as npm would have installed it beside the package. @pulumi/pulumi is copied, not
  // linked: its closure serializer resolves our package from its own real location, as in a real install.
  for (const entry of readdirSync(join(REPO_ROOT, "node_modules"))) {
    if (entry !== "@pulumi" && entry !== ".bin")
      symlinkSync(join(REPO_ROOT, "node_modules", entry), join(modules, entry));
  }
  cpSync(join(REPO_ROOT, "node_modules", "@pulumi", "pulumi"), join(modules, "@pulumi", "pulumi"), {
    recursive: true,
  });

  // Run from inside the project: from this repo, the package name would resolve to the repo itself.
  copyFileSync(join(REPO_ROOT, "tests", "fixtures", "installedProgram.js"), join(project, "program.js"));
  const output = execFileSync(process.execPath, [join(project, "program.js")], {
    cwd: project,
    encoding: "utf8",
    env: { ...process.env, NODE_PATH: "" },
  });
  const { provider, outputs } = JSON.parse(output) as { provider: string; outputs: Record<string, unknown> };
  expect(outputs).toEqual({
    pendingOrganizationIds: [fakeId("org:Acme Corp"), fakeId("org:Globex"), fakeId("org:Hooli")].sort(),
  });
  // Installed, the provider is its class and one require: a few kilobytes, whatever the package grows to.
  expect([...provider.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual([
    "pulumi-cloudflare-user-invites/runtime",
  ]);
  expect(provider.length).toBeLessThan(8_000);

  // The bin, as `npx pulumi-cloudflare-user-invites` would run it.
  const version = execFileSync(
    process.execPath,
    [join(modules, "pulumi-cloudflare-user-invites", "dist", "cli.js"), "--version"],
    { encoding: "utf8" },
  );
  expect(version.trim()).toMatch(/^\d+\.\d+\.\d+$/);
});
