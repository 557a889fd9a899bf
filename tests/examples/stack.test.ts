import { join } from "node:path";
import {
  FAKE_CREDENTIALS,
  fakeId,
  runStackOffline,
  sampleInvites,
  type OfflineStackResult,
} from "../../provider/testing";
import { emulator } from "../helpers/emulator";
import { REPO_ROOT } from "../helpers/providerHost";
import { SAMPLE, SAMPLE_MEMBERSHIPS } from "../helpers/sample";

const CONFIG_TOKEN = FAKE_CREDENTIALS.apiToken;

/** Runs examples/stack (its exported function, called afresh each time) against `baseUrl`. */
const runExample = (baseUrl: string, extraConfig: Record<string, string> = {}): Promise<OfflineStackResult> =>
  runStackOffline({
    cwd: REPO_ROOT,
    project: "user-invites-example",
    config: { "cloudflare:apiToken": CONFIG_TOKEN, "cloudflare:baseUrl": baseUrl, ...extraConfig },
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded as the Pulumi language host loads a program
    program: () => require(join(REPO_ROOT, "examples", "stack")) as unknown,
  });

test("the example stack's outputs come from a real read through the provider host", async () => {
  const emu = await emulator({ invites: sampleInvites() });
  const { outputs, secretOutputs } = await runExample(emu.url);
  expect(outputs).toEqual({
    pendingOrganizationIds: SAMPLE.pendingOrganizationIds,
    organizationsNotEnforcingTwoFactor: SAMPLE.organizationsNotEnforcingTwoFactor,
    invitesExpiringSoon: [
      { organizationId: fakeId("org:Globex"), organizationName: "Globex", expiresOn: expect.any(String) },
      {
        organizationId: fakeId("org:Acme Corp"),
        organizationName: "Acme Corp",
        expiresOn: expect.any(String),
      },
    ],
    inviteCountByStatus: SAMPLE.inviteCountByStatus,
    acceptedAccountIds: SAMPLE_MEMBERSHIPS.accountIdsByStatus.accepted,
    accountsNotEnforcingTwoFactor: SAMPLE_MEMBERSHIPS.accountsNotEnforcingTwoFactor,
    twoFactorAuthenticationEnabled: true,
    // The organizations of the invitations and the accounts of the memberships, each once.
    twoFactorReviewChecklist: ["Globex", "Umbrella Labs", "Wayne Enterprises"]
      .map((n) => fakeId(`org:${n}`))
      .sort()
      .map(
        (id) => `Organization ${id} does not enforce two-factor authentication: review this user's access`,
      ),
  });
  expect(secretOutputs).toEqual([]);
  expect(emu.requests.map((r) => r.path).sort()).toEqual([
    "/client/v4/memberships",
    "/client/v4/user",
    "/client/v4/user/invites",
  ]);
});

test("expiringWithinDays is read from the stack config", async () => {
  const emu = await emulator({ invites: sampleInvites() });
  const { outputs } = await runExample(emu.url, { "user-invites-example:expiringWithinDays": "3" });
  expect(outputs["invitesExpiringSoon"]).toEqual([
    { organizationId: fakeId("org:Globex"), organizationName: "Globex", expiresOn: expect.any(String) },
  ]);
});

test("the resource is a Get-style read of the right type, and no credential is in its inputs or outputs", async () => {
  const emu = await emulator();
  const { resources } = await runExample(emu.url);
  const invites = resources.find((r) => r.type === "pulumi-nodejs:dynamic/cloudflare:UserInvites");
  expect(invites?.name).toBe("my-invites");
  expect(typeof invites?.inputs["__provider"]).toBe("string");
  expect(JSON.stringify(invites)).not.toContain(CONFIG_TOKEN);
  const review = resources.find((r) => r.type === "examples:security:OrganizationAccessReview");
  expect(review?.name).toBe("two-factor-review");
});

test("each run reads fresh data", async () => {
  const emu = await emulator({ invites: sampleInvites() });
  await runExample(emu.url);
  emu.setInvites([]);
  const { outputs } = await runExample(emu.url);
  expect(outputs["pendingOrganizationIds"]).toEqual([]);
  expect(outputs["inviteCountByStatus"]).toEqual({ pending: 0, accepted: 0, rejected: 0, expired: 0 });
  // Each run: the invitations, the memberships and the user, read again.
  expect(emu.requests).toHaveLength(6);
});
