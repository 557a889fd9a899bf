import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { FAKE_CREDENTIALS, fakeId } from "../../provider/testing";
import { useEngineFixture } from "./helpers/engineFixture";

// `pulumi preview --policy-pack examples/policy`, as the README says, on the sample invitations.
describe("the two-factor policy pack under the real Pulumi engine", () => {
  const fixture = useEngineFixture();
  beforeAll(async () => {
    const { sandbox, emulator, project } = fixture;
    await sandbox.initStack(project, "dev", { apiToken: FAKE_CREDENTIALS.apiToken, baseUrl: emulator.url });
  });

  const globex = fakeId("org:Globex");
  const umbrella = fakeId("org:Umbrella Labs");

  test("mandatory violations fail the preview, naming each organization; the expiry notice is advisory", async () => {
    const { sandbox, project } = fixture;
    const preview = await sandbox.pulumi(project, ["preview", "--policy-pack", "examples/policy"]);
    const output = preview.stdout + preview.stderr;

    expect(preview.code).not.toBe(0);
    expect(output).toContain("[mandatory]  cloudflare-invites-require-two-factor");
    expect(output).toContain(`Organization "Globex" (${globex}) does not enforce two-factor authentication`);
    expect(output).toContain(
      `Organization "Umbrella Labs" (${umbrella}) does not enforce two-factor authentication`,
    );
    // Vandelay's only invite was rejected: not counted by default.
    expect(output).not.toContain(`Organization "Vandelay Industries"`);
    expect(output).toMatch(/\[advisory\]\s+cloudflare-invites-expiring-soon/);
    expect(output).toContain(`Pending invite ${fakeId("invite:globex-dns")} into "Globex"`);
  });

  test("exempting those organizations in --policy-pack-config lets the preview pass", async () => {
    const { sandbox, project } = fixture;
    const config = join(sandbox.root, "policy-config.json");
    writeFileSync(
      config,
      JSON.stringify({
        "cloudflare-invites-require-two-factor": { exemptOrganizationIds: [globex, umbrella] },
      }),
    );
    const preview = await sandbox.pulumi(project, [
      "preview",
      "--policy-pack",
      "examples/policy",
      "--policy-pack-config",
      config,
    ]);
    const output = preview.stdout + preview.stderr;

    expect(output).not.toContain("[mandatory]");
    expect(output).toMatch(/\[advisory\]\s+cloudflare-invites-expiring-soon/);
    expect(preview.code).toBe(0);
  });
});
