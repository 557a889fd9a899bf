/**
 * What a new user pays in `pulumi preview`: a TypeScript stack that installs the packed package,
 * with the real CLI, against the emulator's 7 invites. Three stacks, interleaved: bare (no import),
 * importing the package only, and with a `UserInvites`; for the current package and, with
 * BENCH_BEFORE, the package as it was. Each stack is brought up first, so a preview is a
 * pipeline's steady state.
 */
import { performance } from "node:perf_hooks";
import { FAKE_CREDENTIALS, startCloudflareEmulator } from "../provider/testing";
import { writeProject } from "../tests/engine/helpers/program";
import type { PackedInstall } from "../tests/helpers/packInstall";
import { PulumiSandbox } from "../tests/helpers/pulumiSandbox";
import { median, ms, table, withSpread } from "./stats";
import type { Verdicts } from "./verdicts";

const PROGRAMS = {
  bare: `export const answer = 42;\n`,
  "import only": `import * as invites from "pulumi-cloudflare-user-invites";\nexport const loaded = typeof invites.UserInvites;\n`,
  "with UserInvites": `import { UserInvites } from "pulumi-cloudflare-user-invites";\nexport const pending = new UserInvites("invites").pendingOrganizationIds;\n`,
} as const;

type Shape = keyof typeof PROGRAMS;

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
        // The bare stack does not depend on the package: measured once, with the current install.
        if (shape === "bare" && stacks.some((s) => s.label === "bare")) continue;
        const name = `${version.replace(/\W+/g, "-")}-${shape.replace(/\W+/g, "-")}`;
        const dir = writeProject(install.project, name, PROGRAMS[shape]);
        await sandbox.initStack(dir, "bench", { apiToken: FAKE_CREDENTIALS.apiToken, baseUrl: emulator.url });
        await sandbox.ok(dir, ["up", "--yes", "--skip-preview"]);
        stacks.push({ label: shape === "bare" ? "bare" : `${shape}, ${version}`, dir });
      }
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
    const current = Object.keys(installs)[0] ?? "";
    verdicts.atMostMs(
      `importing the package in a preview (${current}), over a bare stack`,
      median(times.get(`import only, ${current}`) ?? []) - bare,
      150,
    );
  } finally {
    await emulator.close();
    sandbox.remove();
  }
}
