import { FAKE_CREDENTIALS, FAKE_TOKEN_WITHOUT_PERMISSION } from "../../provider/testing";
import { useEngineFixture } from "./helpers/engineFixture";
import { SOURCE_IMPORT, writeProject } from "./helpers/program";

// What a user sees in `pulumi preview` when something is wrong: exit code and message.
describe("failures under the real Pulumi engine", () => {
  const fixture = useEngineFixture({
    emulator: { tokensWithoutPermission: [FAKE_TOKEN_WITHOUT_PERMISSION] },
    project: (sandbox) =>
      writeProject(
        sandbox.root,
        "failures",
        `import * as pulumi from "@pulumi/pulumi";
import { UserInvites } from ${SOURCE_IMPORT};

const config = new pulumi.Config();
const invites = new UserInvites("invites", { statuses: config.getObject<any>("statuses") });
export const pending = invites.pendingOrganizationIds;
`,
        { linkRepoModules: true },
      ),
  });
  beforeAll(async () => {
    const { sandbox, emulator, project } = fixture;
    await sandbox.ok(project, ["stack", "init", "dev"]);
    await sandbox.ok(project, ["config", "set", "cloudflare:baseUrl", emulator.url]);
  });

  async function preview(config: Record<string, string>, secretConfig: Record<string, string> = {}) {
    const { sandbox, project } = fixture;
    for (const key of ["cloudflare:apiToken", "failures:statuses"]) {
      await sandbox.pulumi(project, ["config", "rm", key]);
    }
    for (const [key, value] of Object.entries(config))
      await sandbox.ok(project, ["config", "set", key, value]);
    for (const [key, value] of Object.entries(secretConfig)) {
      await sandbox.ok(project, ["config", "set", "--secret", key, value]);
    }
    const result = await sandbox.pulumi(project, ["preview"]);
    return { code: result.code, output: result.stdout + result.stderr };
  }

  test("a token without Memberships Read: preview fails with the status, the code and what to do", async () => {
    const { code, output } = await preview({}, { "cloudflare:apiToken": FAKE_TOKEN_WITHOUT_PERMISSION });
    expect(code).not.toBe(0);
    expect(output).toContain("403");
    expect(output).toContain("9109");
    expect(output).toContain('"Memberships Read" permission');
    expect(output).not.toContain(FAKE_TOKEN_WITHOUT_PERMISSION);
  });

  test("a bad filter: the check fails naming the property and the allowed values, before any request", async () => {
    const { emulator } = fixture;
    const before = emulator.requests.length;
    const { code, output } = await preview(
      { "failures:statuses": JSON.stringify(["bogus"]) },
      { "cloudflare:apiToken": FAKE_CREDENTIALS.apiToken },
    );
    expect(code).not.toBe(0);
    expect(output).toMatch(/statuses\[0\]/);
    expect(output).toContain("bogus");
    expect(output).toContain("pending");
    expect(emulator.requests.length).toBe(before);
  });

  test("no credentials anywhere: the message names the config keys and the environment variables", async () => {
    const { code, output } = await preview({});
    expect(code).not.toBe(0);
    expect(output).toContain("No Cloudflare credentials were found");
    for (const name of [
      "cloudflare:apiToken",
      "CLOUDFLARE_API_TOKEN",
      "cloudflare:apiKey",
      "CLOUDFLARE_API_KEY",
    ]) {
      expect(output).toContain(name);
    }
  });
});
