import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { FAKE_CREDENTIALS, fakeId, sampleUser } from "../../provider/testing";
import { useEngineFixture } from "./helpers/engineFixture";

// `pulumi preview --policy-pack examples/policy`, as the README says, on the sample invitations,
// memberships and user.
describe("the two-factor policy pack under the real Pulumi engine", () => {
  const fixture = useEngineFixture();
  beforeAll(async () => {
    const { sandbox, emulator, project } = fixture;
    await sandbox.initStack(project, "dev", { apiToken: FAKE_CREDENTIALS.apiToken, baseUrl: emulator.url });
  });

  const globex = fakeId("org:Globex");
  const umbrella = fakeId("org:Umbrella Labs");
  const wayne = fakeId("org:Wayne Enterprises");

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
    // The memberships: the accepted ones into accounts without two-factor authentication.
    expect(output).toContain("[mandatory]  cloudflare-memberships-require-two-factor");
    expect(output).toContain(
      `Account "Umbrella Labs" (${umbrella}) does not enforce two-factor authentication, and this user holds access to it`,
    );
    expect(output).toContain(`Account "Wayne Enterprises" (${wayne}) does not report whether it enforces`);
    // A pending membership gives no access yet.
    expect(output).not.toContain(`Account "Globex"`);
    // The sample user has two-factor authentication on.
    expect(output).not.toContain("cloudflare-user-requires-two-factor");
  });

  test("a user without two-factor authentication is a mandatory violation of its own", async () => {
    const { sandbox, project, emulator } = fixture;
    emulator.setUser(sampleUser({ twoFactor: false }));
    try {
      const preview = await sandbox.pulumi(project, ["preview", "--policy-pack", "examples/policy"]);
      const output = preview.stdout + preview.stderr;
      expect(preview.code).not.toBe(0);
      expect(output).toMatch(
        // The rule's header, its description, then the message.
        /\[mandatory\]\s+cloudflare-user-requires-two-factor[^\n]*\n[^\n]*\n\s+This Cloudflare user does not have two-factor authentication enabled/,
      );
    } finally {
      emulator.setUser(sampleUser());
    }
  });

  test("exemptions and an advisory level in --policy-pack-config let the preview pass, still reporting", async () => {
    const { sandbox, project, emulator } = fixture;
    emulator.setUser(sampleUser({ twoFactor: false }));
    const config = join(sandbox.root, "policy-config.json");
    writeFileSync(
      config,
      JSON.stringify({
        "cloudflare-invites-require-two-factor": { exemptOrganizationIds: [globex, umbrella] },
        "cloudflare-memberships-require-two-factor": { exemptOrganizationIds: [umbrella, wayne] },
        // Each rule's level is the user's to choose: here the user's own flag only advises.
        "cloudflare-user-requires-two-factor": "advisory",
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

    emulator.setUser(sampleUser());
    expect(output).not.toContain("[mandatory]");
    expect(output).toMatch(/\[advisory\]\s+cloudflare-invites-expiring-soon/);
    expect(output).toMatch(/\[advisory\]\s+cloudflare-user-requires-two-factor/);
    expect(preview.code).toBe(0);
  });
});
