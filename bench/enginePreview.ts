/**
 * What a user pays in `pulumi preview` for the read: the example stack against the same stack
 * without its `UserInvites` resource, with the same pinned CLI, runs interleaved, and the state the
 * resource adds. Both stacks were brought up first, so each preview is the steady state of a pipeline.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { FAKE_CREDENTIALS, startCloudflareEmulator } from "../provider/testing";
import { copyExampleProject, PulumiSandbox } from "../tests/helpers/pulumiSandbox";
import { median, ms, ratio, table } from "./stats";

/** The example program with the read taken out: the same review component and output names. */
const WITHOUT_READ = `import { OrganizationAccessReview } from "./accessReview";

export = async () => {
  const review = new OrganizationAccessReview("two-factor-review", { organizationIds: ["0d0ce290b825642c6303683952310af5"] });
  return {
    pendingOrganizationIds: [],
    organizationsNotEnforcingTwoFactor: [],
    invitesExpiringSoon: [],
    inviteCountByStatus: {},
    twoFactorReviewChecklist: review.checklist,
  };
};
`;

async function stateBytes(
  sandbox: PulumiSandbox,
  project: string,
): Promise<{ total: number; byType: Map<string, number> }> {
  const exported = JSON.parse((await sandbox.ok(project, ["stack", "export"])).stdout) as {
    deployment: { resources?: { type: string }[] };
  };
  const byType = new Map<string, number>();
  for (const resource of exported.deployment.resources ?? []) {
    byType.set(resource.type, (byType.get(resource.type) ?? 0) + Buffer.byteLength(JSON.stringify(resource)));
  }
  return { total: Buffer.byteLength(JSON.stringify(exported.deployment)), byType };
}

export async function enginePreview(rounds: number): Promise<string[]> {
  const sandbox = new PulumiSandbox();
  const emulator = await startCloudflareEmulator();
  try {
    const withRead = copyExampleProject(join(sandbox.root, "a"));
    const withoutRead = copyExampleProject(join(sandbox.root, "b"));
    writeFileSync(join(withoutRead, "examples", "stack", "index.ts"), WITHOUT_READ);
    for (const project of [withRead, withoutRead]) {
      await sandbox.initStack(project, project === withRead ? "with-read" : "without-read", {
        apiToken: FAKE_CREDENTIALS.apiToken,
        baseUrl: emulator.url,
      });
      await sandbox.ok(project, ["up", "--yes", "--skip-preview"]);
    }

    const times = { with: [] as number[], without: [] as number[] };
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? (["with", "without"] as const) : (["without", "with"] as const);
      for (const which of order) {
        const started = performance.now();
        await sandbox.ok(which === "with" ? withRead : withoutRead, ["preview"]);
        times[which].push(performance.now() - started);
      }
    }
    const spread = (values: number[]) => `${ms(Math.min(...values))} - ${ms(Math.max(...values))}`;
    const base = median(times.without);
    const withMedian = median(times.with);
    console.log(
      `\n\`pulumi preview\` of the example stack, real engine (${rounds} runs each, interleaved, median and range):`,
    );
    console.log(
      table([
        ["stack", "median", "min - max", "ratio"],
        ["without UserInvites", ms(base), spread(times.without), "1.00x"],
        [
          "example stack (UserInvites from source)",
          ms(withMedian),
          spread(times.with),
          ratio(withMedian, base),
        ],
      ]),
    );

    const a = await stateBytes(sandbox, withRead);
    const b = await stateBytes(sandbox, withoutRead);
    const read = a.byType.get("pulumi-nodejs:dynamic/cloudflare:UserInvites") ?? 0;
    const view = a.byType.get("cloudflare-user-invites:policy:UserInvitesRead") ?? 0;
    console.log(
      `State added by the read (7 invites, from source): ${(a.total - b.total).toLocaleString("en")} bytes ` +
        `(the resource ${read.toLocaleString("en")}, of which __provider twice, as input and output; its policy view ${view.toLocaleString("en")})`,
    );
    return [
      `Preview overhead of UserInvites (real engine): +${ms(withMedian - base)} (${ratio(withMedian, base)})`,
    ];
  } finally {
    await emulator.close();
    sandbox.remove();
  }
}
