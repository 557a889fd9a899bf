import * as pulumi from "@pulumi/pulumi";
import { unknownCheckingProxy } from "@pulumi/policy";
import { USER_MEMBERSHIPS_POLICY_VIEW_TYPE, USER_MEMBERSHIPS_TYPE, UserMemberships } from "../../provider";
import { PLUGIN_MEMBERSHIPS_RESOURCE_TOKEN } from "../../provider/core/typeTokens";
import {
  membershipsTwoFactorPolicy,
  userAccessPolicies,
  userMembershipsPolicies,
  userTwoFactorPolicy,
} from "../../provider/policy";
import { FAKE_CREDENTIALS, fakeId, runStackOffline, sampleUser } from "../../provider/testing";
import { emulator } from "../helpers/emulator";
import { policyResource, validate } from "../helpers/policies";
import { REPO_ROOT } from "../helpers/providerHost";

const PROJECT = "urn:pulumi:dev::access";
const URN = `${PROJECT}::${USER_MEMBERSHIPS_TYPE}::access`;
const VIEW_URN = `${PROJECT}::${USER_MEMBERSHIPS_TYPE}$${USER_MEMBERSHIPS_POLICY_VIEW_TYPE}::access`;

/** A real read's outputs, through the provider host, against the emulator's sample (user with or without 2FA). */
async function readOutputs(twoFactor: boolean): Promise<Record<string, unknown>> {
  const emu = await emulator({ user: sampleUser({ twoFactor }) });
  const { resources } = await runStackOffline({
    cwd: REPO_ROOT,
    config: { "cloudflare:apiToken": FAKE_CREDENTIALS.apiToken, "cloudflare:baseUrl": emu.url },
    program: () => ({ n: new UserMemberships("access").membershipCountByStatus }),
  });
  return resources.find((r) => r.type === USER_MEMBERSHIPS_TYPE)?.outputs ?? {};
}

const resource = (props: Record<string, unknown>, type: string, urn: string, parent?: string) =>
  policyResource(props, type, urn, parent === undefined ? undefined : { urn: parent });

describe("the memberships' two-factor rule", () => {
  test("mandatory, with the invitations' exemptions config; exported in both lists", () => {
    expect(membershipsTwoFactorPolicy.enforcementLevel).toBe("mandatory");
    expect(Object.keys(membershipsTwoFactorPolicy.configSchema?.properties ?? {})).toEqual([
      "exemptOrganizationIds",
    ]);
    expect(userMembershipsPolicies).toEqual([membershipsTwoFactorPolicy, userTwoFactorPolicy]);
    expect(userAccessPolicies.map((p) => p.name)).toEqual([
      "cloudflare-invites-require-two-factor",
      "cloudflare-invites-expiring-soon",
      "cloudflare-memberships-require-two-factor",
      "cloudflare-user-requires-two-factor",
    ]);
  });

  test("one violation per accepted membership in an account without it, on the view the engine hands over", async () => {
    const outputs = await readOutputs(true);
    const viewProps = { memberships: outputs["memberships"], twoFactorAuthenticationEnabled: true };
    const { violations } = await validate(membershipsTwoFactorPolicy, [
      resource(viewProps, USER_MEMBERSHIPS_POLICY_VIEW_TYPE, VIEW_URN, URN),
    ]);
    expect(violations.map(({ urn }) => urn)).toEqual([VIEW_URN, VIEW_URN]);
    // Ordered by account id, as every two-factor finding is.
    const expected = [
      [
        fakeId("org:Umbrella Labs"),
        `Account "Umbrella Labs" (${fakeId("org:Umbrella Labs")}) does not enforce`,
      ],
      [
        fakeId("org:Wayne Enterprises"),
        `Account "Wayne Enterprises" (${fakeId("org:Wayne Enterprises")}) does not report`,
      ],
    ].sort(([a], [b]) => ((a as string) < (b as string) ? -1 : 1));
    expect(violations.map(({ message }) => message)).toEqual(
      expected.map(([, start]) => expect.stringContaining(start as string)),
    );
  });

  test("the read and its view count once; the plugin's resource counts as a read; exemptions apply", async () => {
    const outputs = await readOutputs(true);
    const viewProps = { memberships: outputs["memberships"], twoFactorAuthenticationEnabled: true };
    const pluginUrn = `${PROJECT}::${PLUGIN_MEMBERSHIPS_RESOURCE_TOKEN}::yaml`;
    const { violations } = await validate(
      membershipsTwoFactorPolicy,
      [
        resource(outputs, USER_MEMBERSHIPS_TYPE, URN),
        resource(viewProps, USER_MEMBERSHIPS_POLICY_VIEW_TYPE, VIEW_URN, URN),
        resource(outputs, PLUGIN_MEMBERSHIPS_RESOURCE_TOKEN, pluginUrn),
      ],
      { exemptOrganizationIds: [fakeId("org:Wayne Enterprises")] },
    );
    expect(violations).toEqual([
      { urn: URN, message: expect.stringContaining('"Umbrella Labs"') },
      { urn: pluginUrn, message: expect.stringContaining('"Umbrella Labs"') },
    ]);
  });

  test("during a preview with unknown outputs it says it could not run, naming the read", async () => {
    const unknown = unknownCheckingProxy({ memberships: pulumi.runtime.unknownValue }) as Record<
      string,
      unknown
    >;
    const { violations, notApplicable } = await validate(membershipsTwoFactorPolicy, [
      resource(unknown, USER_MEMBERSHIPS_TYPE, URN),
    ]);
    expect(violations).toEqual([]);
    expect(notApplicable).toMatch(/^could not run: the memberships of urn:pulumi:dev::access::.*::access: /);
    expect(notApplicable).toContain("UserMemberships resource's arguments depend on values");
  });
});

describe("the user's two-factor rule", () => {
  test("a user without two-factor authentication is one violation against the read", async () => {
    const outputs = await readOutputs(false);
    const { violations } = await validate(userTwoFactorPolicy, [
      resource(outputs, USER_MEMBERSHIPS_TYPE, URN),
    ]);
    expect(violations).toEqual([
      {
        urn: URN,
        message:
          "This Cloudflare user does not have two-factor authentication enabled: anyone with its password can " +
          "sign in to every account it belongs to. Turn it on under My Profile > Authentication.",
      },
    ]);
  });

  test("a user with it passes; an output that is not a boolean is reported, not passed", async () => {
    const outputs = await readOutputs(true);
    expect(
      (await validate(userTwoFactorPolicy, [resource(outputs, USER_MEMBERSHIPS_TYPE, URN)])).violations,
    ).toEqual([]);
    const odd = { ...outputs, twoFactorAuthenticationEnabled: "yes" };
    const { violations, notApplicable } = await validate(userTwoFactorPolicy, [
      resource(odd, USER_MEMBERSHIPS_TYPE, URN),
    ]);
    expect(violations).toEqual([]);
    expect(notApplicable).toContain("its twoFactorAuthenticationEnabled output is not a boolean");
  });
});
