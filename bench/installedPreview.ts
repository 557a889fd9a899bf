/**
 * What a new user pays in `pulumi preview`: a TypeScript stack that installs the packed package,
 * with the real CLI, against the emulator's 7 invites. Three stacks, interleaved: bare (no import),
 * importing the package only, and with a `UserInvites`; for the current package and, with
 * BENCH_BEFORE, the package as it was. Each stack is brought up first, so a preview is a
 * pipeline's steady state.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { performance } from "node:perf_hooks";
import { FAKE_CREDENTIALS, startCloudflareEmulator } from "../provider/testing";
import { writeProject } from "../tests/engine/helpers/program";
import type { PackedInstall } from "../tests/helpers/packInstall";
import { PulumiSandbox } from "../tests/helpers/pulumiSandbox";
import { median, ms, table, withSpread } from "./stats";
import type { Verdicts } from "./verdicts";

const PROGRAMS = {
  bare: `export const answer = 42;\n`,
  // What every real stack pays anyway: the SDK's own declarations and modules.
  "imports @pulumi/pulumi": `import * as pulumi from "@pulumi/pulumi";\nexport const stack = pulumi.getStack();\n`,
  "import only": `import * as invites from "pulumi-cloudflare-user-invites";\nexport const loaded = typeof invites.UserInvites;\n`,
  "with UserInvites": `import { UserInvites } from "pulumi-cloudflare-user-invites";\nexport const pending = new UserInvites("invites").pendingOrganizationIds;\n`,
} as const;

type Shape = keyof typeof PROGRAMS;

/** The same stacks in Pulumi YAML, through the plugin (current install only). */
const YAML_PROGRAMS = {
  "YAML, no resource": `outputs:\n  answer: 42\n`,
  "YAML, with UserInvites": `resources:\n  invites:\n    type: cloudflare-user-invites:index:UserInvites\noutputs:\n  pending: \${invites.pendingOrganizationIds}\n`,
} as const;

/** State bytes of a stack, from `pulumi stack export`. */
async function stateBytes(sandbox: PulumiSandbox, dir: string): Promise<number> {
  return Buffer.byteLength((await sandbox.ok(dir, ["stack", "export"])).stdout);
}

export async function installedPreview(
  installs: Readonly<Record<string, PackedInstall>>,
  rounds: number,
  verdicts: Verdicts,
): Promise<void> {
  const sandbox = new PulumiSandbox();
  const emulator = await startCloudflareEmulator();
  try {
    const stacks: { label: string; dir: string }[] = [];
    for (const [version, install] of Object.entries(installs)) {
      for (const shape of Object.keys(PROGRAMS) as Shape[]) {
        // Stacks that do not import the package are measured once, with the current install.
        const packageFree = shape === "bare" || shape === "imports @pulumi/pulumi";
        if (packageFree && stacks.some((s) => s.label === shape)) continue;
        const name = `${version.replace(/\W+/g, "-")}-${shape.replace(/\W+/g, "-")}`;
        const dir = writeProject(install.project, name, PROGRAMS[shape]);
        await sandbox.initStack(dir, "bench", { apiToken: FAKE_CREDENTIALS.apiToken, baseUrl: emulator.url });
        await sandbox.ok(dir, ["up", "--yes", "--skip-preview"]);
        stacks.push({ label: packageFree ? shape : `${shape}, ${version}`, dir });
      }
    }
    // The YAML stacks, with the plugin added the way a user adds it.
    const current = Object.keys(installs)[0] ?? "";
    const currentInstall = installs[current] as PackedInstall;
    for (const [label, program] of Object.entries(YAML_PROGRAMS)) {
      const dir = join(currentInstall.project, label.replace(/\W+/g, "-"));
      mkdirSync(dir);
      writeFileSync(join(dir, "Pulumi.yaml"), `name: ${basename(dir)}\nruntime: yaml\n${program}`);
      if (program.includes("cloudflare-user-invites:")) {
        await sandbox.addPackage(
          dir,
          "cloudflare-user-invites",
          join(currentInstall.packageDir, "dist", "plugin"),
        );
      }
      await sandbox.ok(dir, ["stack", "init", "bench"]);
      await sandbox.ok(dir, [
        "config",
        "set",
        "--secret",
        "cloudflare-user-invites:apiToken",
        FAKE_CREDENTIALS.apiToken,
      ]);
      await sandbox.ok(dir, ["config", "set", "cloudflare-user-invites:baseUrl", emulator.url]);
      await sandbox.ok(dir, ["up", "--yes", "--skip-preview"]);
      stacks.push({ label, dir });
    }
    const times = new Map(stacks.map((s) => [s.label, [] as number[]]));
    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < stacks.length; k++) {
        const stack = stacks[(round + k) % stacks.length] as (typeof stacks)[number];
        const started = performance.now();
        await sandbox.ok(stack.dir, ["preview"]);
        times.get(stack.label)?.push(performance.now() - started);
      }
    }
    const bare = median(times.get("bare") ?? []);
    console.log(
      `\n\`pulumi preview\` of a TypeScript stack that installs the packed package (CLI v3.276.0, 7 invites), median [interquartile range] of ${rounds} interleaved:\n`,
    );
    console.log(
      table([
        ["stack", "preview", "over bare"],
        ...stacks.map((s) => {
          const values = times.get(s.label) ?? [];
          return [s.label, withSpread(values, ms), s.label === "bare" ? "" : `+${ms(median(values) - bare)}`];
        }),
      ]),
    );
    const importOnly = median(times.get(`import only, ${current}`) ?? []);
    verdicts.atMostMs(
      `importing the package in a preview (${current}), over a bare stack`,
      importOnly - bare,
      150,
    );
    const tsWith = stacks.find((s) => s.label === `with UserInvites, ${current}`);
    const yamlWith = stacks.find((s) => s.label === "YAML, with UserInvites");
    verdicts.atMost(
      "YAML stack with UserInvites (plugin) vs the TypeScript stack with UserInvites, preview",
      median(times.get("YAML, with UserInvites") ?? []) /
        median(times.get(`with UserInvites, ${current}`) ?? []),
      1,
    );
    if (tsWith && yamlWith) {
      verdicts.info(
        `state: TypeScript stack with UserInvites ${(await stateBytes(sandbox, tsWith.dir)).toLocaleString("en")} bytes; ` +
          `YAML stack with UserInvites ${(await stateBytes(sandbox, yamlWith.dir)).toLocaleString("en")} bytes`,
      );
    }
    verdicts.info(
      `importing the package in a preview (${current}), over a stack that imports @pulumi/pulumi: ` +
        `+${Math.round(importOnly - median(times.get("imports @pulumi/pulumi") ?? []))} ms`,
    );
  } finally {
    await emulator.close();
    sandbox.remove();
  }
}
