import * as pulumi from "@pulumi/pulumi";
import { getUserInvites, getUserInvitesOutput } from "../../provider";
import { FAKE_CREDENTIALS, runStackOffline } from "../../provider/testing";
import { emulator, withEnv } from "../helpers/emulator";
import { REPO_ROOT } from "../helpers/providerHost";
import { SAMPLE } from "../helpers/sample";

const { apiToken } = FAKE_CREDENTIALS;

afterEach(() => pulumi.runtime.setAllConfig({}));

test("getUserInvites reads the stack config keys of @pulumi/cloudflare", async () => {
  const emu = await emulator();
  pulumi.runtime.setAllConfig({ "cloudflare:apiToken": apiToken, "cloudflare:baseUrl": emu.url });
  const result = await getUserInvites({ statuses: ["pending"] });
  expect(result.invites).toHaveLength(3);
  expect(result.pendingOrganizationIds).toEqual(SAMPLE.pendingOrganizationIds);
  expect(result.statuses).toEqual(["pending"]);
  expect(emu.requests[0]?.headers["authorization"]).toBe(`Bearer ${apiToken}`);
});

test("getUserInvites: args, then config, then environment", async () => {
  const emu = await emulator({ apiTokens: [apiToken, "FAKE-arg-token"] });
  pulumi.runtime.setAllConfig({ "cloudflare:apiToken": apiToken });
  await withEnv({ CLOUDFLARE_API_TOKEN: "FAKE-env-token", CLOUDFLARE_BASE_URL: emu.url }, async () => {
    await getUserInvites({ apiToken: "FAKE-arg-token" });
    await getUserInvites();
    pulumi.runtime.setAllConfig({});
    await expect(getUserInvites()).rejects.toThrow("[10000] Authentication error");
  });
  expect(emu.requests.map((r) => r.headers["authorization"])).toEqual([
    "Bearer FAKE-arg-token",
    `Bearer ${apiToken}`,
    "Bearer FAKE-env-token",
  ]);
});

test("getUserInvitesOutput takes Inputs, and a secret token makes the result secret", async () => {
  const emu = await emulator();
  const plain = getUserInvitesOutput({
    apiToken,
    baseUrl: pulumi.output(emu.url),
    statuses: [pulumi.output("accepted")],
  });
  const secret = getUserInvitesOutput({ apiToken: pulumi.secret(apiToken), baseUrl: emu.url });
  // `promise()` is the SDK's own way to await an Output: unlike waiting inside `apply`, it rejects
  // when the read behind it fails, so a failure fails this test instead of hanging it.
  const count = async (output: pulumi.Output<{ invites: readonly unknown[] }>) =>
    (await (output as unknown as { promise(): Promise<{ invites: readonly unknown[] }> }).promise()).invites
      .length;
  expect(await count(plain)).toBe(2);
  expect(await count(secret)).toBe(7);
  expect(await pulumi.isSecret(plain)).toBe(false);
  expect(await pulumi.isSecret(secret)).toBe(true);
});

test("bad args are refused before any request", async () => {
  const emu = await emulator();
  await expect(getUserInvites({ apiToken, baseUrl: emu.url, organizationIds: ["nope"] })).rejects.toThrow(
    /^Invalid UserInvites arguments: organizationIds\[0\]: malformed organization id "nope"/,
  );
  expect(emu.requests).toHaveLength(0);
});

test("a provider in the invoke options is refused, naming what to pass instead", async () => {
  const provider = {} as pulumi.ProviderResource;
  await expect(getUserInvites({ apiToken }, { provider })).rejects.toThrow(
    /^getUserInvites does not use a provider resource: .* Pass apiToken/,
  );
  expect(() => getUserInvitesOutput({ apiToken }, { provider })).toThrow(/does not use a provider resource/);
});

/** Any resource of the stack, for `dependsOn`. */
class Dependency extends pulumi.CustomResource {
  constructor(name: string) {
    super("test:index:Dependency", name, {});
  }
}

test("getUserInvitesOutput with dependsOn reads once the resource it depends on exists", async () => {
  const emu = await emulator();
  const { outputs } = await runStackOffline({
    cwd: REPO_ROOT,
    program: () => {
      const dependency = new Dependency("first");
      const read = getUserInvitesOutput(
        { apiToken, baseUrl: emu.url, statuses: ["pending"] },
        { dependsOn: [dependency] },
      );
      return { pending: read.apply((r) => r.invites.length) };
    },
  });
  expect(outputs).toEqual({ pending: 3 });
  expect(emu.requests).toHaveLength(1);
});
