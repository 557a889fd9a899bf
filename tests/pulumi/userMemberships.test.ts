import * as pulumi from "@pulumi/pulumi";
import {
  CloudflareConfigError,
  getUserMemberships,
  getUserMembershipsOutput,
  USER_MEMBERSHIPS_POLICY_VIEW_TYPE,
  USER_MEMBERSHIPS_TYPE,
  UserMemberships,
  type UserMembershipsArgs,
} from "../../provider";
import { FAKE_CREDENTIALS, manyMemberships, runStackOffline, sampleUser } from "../../provider/testing";
import { emulator, thrown } from "../helpers/emulator";
import { REPO_ROOT, serializeProvider, startHost } from "../helpers/providerHost";
import { SAMPLE_MEMBERSHIPS } from "../helpers/sample";

const { apiToken } = FAKE_CREDENTIALS;

afterEach(() => pulumi.runtime.setAllConfig({}));

describe("the UserMemberships resource, in a program", () => {
  test("typed outputs from one read of both endpoints; the token is a secret input, never an output", async () => {
    const emu = await emulator();
    const { resources, outputs, secretOutputs } = await runStackOffline({
      cwd: REPO_ROOT,
      program: () => {
        const access = new UserMemberships("access", { apiToken, baseUrl: emu.url });
        return {
          accountIdsByStatus: access.accountIdsByStatus,
          membershipCountByStatus: access.membershipCountByStatus,
          accountsNotEnforcingTwoFactor: access.accountsNotEnforcingTwoFactor,
          twoFactorAuthenticationEnabled: access.twoFactorAuthenticationEnabled,
          twoFactorAuthenticationLocked: access.twoFactorAuthenticationLocked,
          count: access.memberships.apply((m) => m.length),
          id: access.id,
        };
      },
    });
    expect(outputs).toEqual({ ...SAMPLE_MEMBERSHIPS, count: 5, id: "cloudflare-user-memberships" });
    const read = resources.find((r) => r.type === USER_MEMBERSHIPS_TYPE);
    expect(read?.secretInputs).toEqual(["apiToken"]);
    const view = resources.find((r) => r.type === USER_MEMBERSHIPS_POLICY_VIEW_TYPE);
    expect(view?.outputs).toMatchObject({ twoFactorAuthenticationEnabled: true });
    expect((view?.outputs["memberships"] as unknown[]).length).toBe(5);
    for (const resource of resources) expect(JSON.stringify(resource.outputs)).not.toContain(apiToken);
    expect(secretOutputs).toEqual([]);
    expect(emu.requests.map((r) => r.path).sort()).toEqual(["/client/v4/memberships", "/client/v4/user"]);
  });

  test.each([
    ["accountId", "a misspelt argument"],
    ["organizationIds", "the invitations' word for accounts"],
  ])("%s (%s) is refused in the program, before any read, pointing at accountIds", async (key) => {
    const emu = await emulator();
    const error = await runStackOffline({
      cwd: REPO_ROOT,
      config: { "cloudflare:apiToken": apiToken, "cloudflare:baseUrl": emu.url },
      program: () => ({
        n: new UserMemberships("typo", { [key]: ["x"] } as unknown as UserMembershipsArgs).memberships,
      }),
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CloudflareConfigError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^Invalid UserMemberships arguments: ${key}: unknown argument \\(did you mean accountIds\\?\\)`,
      ),
    );
    expect(emu.requests).toHaveLength(0);
  });
});

describe("through the dynamic-provider host, as `pulumi up` runs it", () => {
  let provider: string;
  beforeAll(async () => {
    provider = await serializeProvider("memberships");
  });

  test("a get-style read, then a refresh with the previous outputs, both read with the stack config", async () => {
    const emu = await emulator({ memberships: manyMemberships(120) });
    const host = await startHost({ "cloudflare:apiToken": apiToken, "cloudflare:baseUrl": emu.url });
    const first = await host.read({ id: "cloudflare-user-memberships", inputs: { __provider: provider } });
    expect(first.id).toBe("cloudflare-user-memberships");
    expect(first.properties["memberships"]).toHaveLength(120);
    expect(first.properties["membershipCountByStatus"]).toEqual({ accepted: 40, pending: 40, rejected: 40 });
    // 120 memberships: three pages of 50, and the user.
    expect(emu.requests).toHaveLength(4);
    emu.setUser(sampleUser({ twoFactor: false }));
    const refreshed = await host.read({ id: "cloudflare-user-memberships", properties: first.properties });
    expect(refreshed.properties["twoFactorAuthenticationEnabled"]).toBe(false);
    expect(JSON.stringify(refreshed.properties)).not.toContain(apiToken);
  });

  test("check names a bad filter by its property, with the memberships' own statuses", async () => {
    const host = await startHost({});
    const { failures } = await host.check(
      {},
      { __provider: provider, statuses: ["expired"], accountIds: ["x"] },
    );
    expect(failures).toEqual([
      {
        property: "statuses[0]",
        reason: 'unknown membership status "expired"; expected one of accepted, pending, rejected',
      },
      {
        property: "accountIds[0]",
        reason:
          'malformed account id "x"; expected 32 lowercase hex characters, as shown in the Cloudflare dashboard URL',
      },
    ]);
  });
});

describe("getUserMemberships", () => {
  test("reads with the stack config of @pulumi/cloudflare, and filters", async () => {
    const emu = await emulator();
    pulumi.runtime.setAllConfig({ "cloudflare:apiToken": apiToken, "cloudflare:baseUrl": emu.url });
    const result = await getUserMemberships({ statuses: ["accepted"] });
    expect(result.memberships.map((m) => m.accountName).sort()).toEqual([
      "Initech",
      "Umbrella Labs",
      "Wayne Enterprises",
    ]);
    expect(result.statuses).toEqual(["accepted"]);
    expect(result.twoFactorAuthenticationEnabled).toBe(true);
    expect(emu.requests.find((r) => r.path.endsWith("/memberships"))?.query).toEqual({
      per_page: "50",
      status: "accepted",
    });
  });

  test("the Output form takes Inputs, and a provider in the options is refused by name", async () => {
    const emu = await emulator();
    const { outputs } = await runStackOffline({
      cwd: REPO_ROOT,
      program: () => ({
        enabled: getUserMembershipsOutput({ apiToken: pulumi.output(apiToken), baseUrl: emu.url }).apply(
          (r) => r.twoFactorAuthenticationEnabled,
        ),
      }),
    });
    expect(outputs).toEqual({ enabled: true });
    const error = await thrown(async () =>
      getUserMemberships({}, { provider: {} as pulumi.ProviderResource }),
    );
    expect(error.message).toContain("getUserMemberships does not use a provider resource");
  });
});
