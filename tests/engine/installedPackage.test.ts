import { LocalWorkspace, PulumiCommand, type Stack } from "@pulumi/pulumi/automation";
import { packAndInstall, type PackedInstall } from "../helpers/packInstall";
import { FAKE_CREDENTIALS, startCloudflareEmulator, type CloudflareEmulator } from "../../provider/testing";
import { SAMPLE } from "../helpers/sample";
import { pulumiCommandRoot, PulumiSandbox, REPO_ROOT } from "../helpers/pulumiSandbox";
import { writeProject } from "./helpers/program";
import { findSecrets } from "./helpers/secrets";

// A user's stack that installed the packed package, driven through Pulumi's Automation API as a
// pipeline would drive it.
const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import { getUserInvitesOutput, UserInvites } from "pulumi-cloudflare-user-invites";

const config = new pulumi.Config();
// "environment": CLOUDFLARE_API_TOKEN; "args": a secret from this stack's config.
const credentials = config.require("credentials") === "args" ? { apiToken: config.requireSecret("token") } : {};

const invites = new UserInvites("invites", { ...credentials, statuses: ["pending", "accepted"] });
export const pendingOrganizationIds = invites.pendingOrganizationIds;
export const countByStatus = getUserInvitesOutput(credentials).inviteCountByStatus;
`;

describe("an installed copy of the package under the real Pulumi engine", () => {
  let sandbox: PulumiSandbox;
  let emulator: CloudflareEmulator;
  let installed: PackedInstall;
  let project: string;

  beforeAll(async () => {
    sandbox = new PulumiSandbox();
    emulator = await startCloudflareEmulator();
    installed = packAndInstall(REPO_ROOT);
    project = writeProject(installed.project, "user-stack", PROGRAM);
  });

  afterAll(async () => {
    await emulator.close();
    installed.remove();
    sandbox.remove();
  });

  async function stackFor(name: string, env: Record<string, string>): Promise<Stack> {
    const pulumiCommand = await PulumiCommand.get({ root: pulumiCommandRoot() });
    return LocalWorkspace.createOrSelectStack(
      { stackName: name, workDir: project },
      { pulumiCommand, envVars: sandbox.env(env) },
    );
  }

  test.each([
    ["environment", { CLOUDFLARE_API_TOKEN: FAKE_CREDENTIALS.apiToken }, {}],
    ["args", {}, { token: FAKE_CREDENTIALS.apiToken }],
  ])(
    "credentials from %s: real outputs, and no credential in state, backend or output",
    async (mode, env, secrets) => {
      const stack = await stackFor(mode, env);
      await stack.setConfig("cloudflare:baseUrl", { value: emulator.url });
      await stack.setConfig("credentials", { value: mode });
      for (const [key, value] of Object.entries(secrets)) await stack.setConfig(key, { value, secret: true });
      const requestsBefore = emulator.requests.length;

      const up = await stack.up();

      expect(up.outputs["pendingOrganizationIds"]?.value).toEqual(SAMPLE.pendingOrganizationIds);
      expect(up.outputs["countByStatus"]?.value).toEqual(SAMPLE.inviteCountByStatus);
      // The resource's read and the invoke: one GET each, with the token from where it was put.
      const requests = emulator.requests.slice(requestsBefore);
      expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        "GET /client/v4/user/invites",
        "GET /client/v4/user/invites",
      ]);
      for (const r of requests)
        expect(r.headers["authorization"]).toBe(`Bearer ${FAKE_CREDENTIALS.apiToken}`);

      // Decrypted (the Automation API exports with --show-secrets), only the secret input holds it.
      const decrypted = await stack.exportStack();
      const read = decrypted.deployment.resources.find(
        (r: { type: string }) => r.type === "pulumi-nodejs:dynamic/cloudflare:UserInvites",
      );
      expect(JSON.stringify(read.outputs)).not.toContain(FAKE_CREDENTIALS.apiToken);
      // Pulumi's secret envelope: the signature key, and the value as JSON.
      const secretInput = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" };
      expect(read.inputs.apiToken).toEqual(
        mode === "args"
          ? { ...secretInput, plaintext: JSON.stringify(FAKE_CREDENTIALS.apiToken) }
          : undefined,
      );

      const serializedProvider: string = read.inputs.__provider;
      // Installed, the serialized provider is the small class plus a require of the package.
      expect(serializedProvider).toContain('require("pulumi-cloudflare-user-invites/runtime")');
      expect(Buffer.byteLength(serializedProvider)).toBeLessThan(8 * 1024);

      // What is stored and printed: encrypted, never in plain text.
      const stored = (await sandbox.ok(project, ["stack", "export", "--stack", mode])).stdout;
      expect(
        findSecrets(
          [FAKE_CREDENTIALS.apiToken],
          { "stack export": stored, "CLI output": up.stdout + up.stderr },
          [sandbox.backend],
        ),
      ).toEqual([]);

      await stack.destroy();
    },
  );
});
