import {
  CloudflareConfigError,
  USER_INVITES_POLICY_VIEW_TYPE,
  USER_INVITES_TYPE,
  UserInvites,
  type UserInvitesArgs,
} from "../../provider";
import { FAKE_CREDENTIALS, runStackOffline } from "../../provider/testing";
import { emulator } from "../helpers/emulator";
import { REPO_ROOT } from "../helpers/providerHost";

const { apiToken, apiKey } = FAKE_CREDENTIALS;
// Not the invitee's address (which the sample invites list): here the email is only a credential.
const apiEmail = "key-owner@example.com";

test("explicit credentials are always sent as secrets, and never come back as outputs", async () => {
  const emu = await emulator({ globalKeys: [{ key: apiKey, email: apiEmail }] });
  const { resources, outputs, secretOutputs } = await runStackOffline({
    cwd: REPO_ROOT,
    program: () => {
      const byToken = new UserInvites("by-token", { apiToken, baseUrl: emu.url, statuses: ["pending"] });
      const byKey = new UserInvites("by-key", { apiKey, apiEmail, baseUrl: emu.url });
      return {
        pending: byToken.invites.apply((i) => i.length),
        all: byKey.invites.apply((i) => i.length),
        filter: byToken.statuses,
      };
    },
  });
  expect(outputs).toEqual({ pending: 3, all: 7, filter: ["pending"] });
  const reads = resources.filter((r) => r.type === USER_INVITES_TYPE);
  const secretInputs = Object.fromEntries(reads.map((r) => [r.name, [...r.secretInputs].sort()]));
  expect(secretInputs).toEqual({ "by-token": ["apiToken"], "by-key": ["apiEmail", "apiKey"] });
  // Each read registers the component through which CrossGuard sees it, with nothing secret in it.
  const views = resources.filter((r) => r.type === USER_INVITES_POLICY_VIEW_TYPE);
  expect(views.map((r) => r.name).sort()).toEqual(["by-key", "by-token"]);
  expect(views.every((r) => r.secretInputs.length === 0)).toBe(true);
  for (const resource of resources) {
    const outputs = JSON.stringify(resource.outputs);
    expect([apiToken, apiKey, apiEmail].filter((secret) => outputs.includes(secret))).toEqual([]);
  }
  expect(secretOutputs).toEqual([]);
});

test("an id given in opts is used; by default every resource reads the same constant id", async () => {
  const emu = await emulator();
  const { outputs } = await runStackOffline({
    cwd: REPO_ROOT,
    config: { "cloudflare:apiToken": apiToken, "cloudflare:baseUrl": emu.url },
    program: () => ({
      defaultId: new UserInvites("a").id,
      givenId: new UserInvites("b", {}, { id: "my-own-id" }).id,
    }),
  });
  expect(outputs).toEqual({ defaultId: "cloudflare-user-invites", givenId: "my-own-id" });
});

test("a misspelt argument is refused in the program, naming it and the known ones, before any read", async () => {
  const emu = await emulator();
  const error = await runStackOffline({
    cwd: REPO_ROOT,
    config: { "cloudflare:apiToken": apiToken, "cloudflare:baseUrl": emu.url },
    program: () => {
      // A JavaScript caller has no compiler to catch this.
      const args = { status: ["pending"] } as unknown as UserInvitesArgs;
      return { pending: new UserInvites("typo", args).pendingOrganizationIds };
    },
  }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CloudflareConfigError);
  expect((error as Error).message).toBe(
    "Invalid UserInvites arguments: status: unknown argument (did you mean statuses?); the arguments " +
      "are statuses, organizationIds, baseUrl, apiToken, apiKey, apiEmail, timeoutMs, maxRetries, maxRetryAfterMs, backoffBaseMs, maxPages, maxResponseBytes.",
  );
  expect(emu.requests).toHaveLength(0);
});
