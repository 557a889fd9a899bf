import * as pulumi from "@pulumi/pulumi";
import { unknownCheckingProxy } from "@pulumi/policy";
import { UserInvites, USER_INVITES_POLICY_VIEW_TYPE, USER_INVITES_TYPE } from "../../provider";
import {
  FAKE_CREDENTIALS,
  fakeId,
  runPoliciesOffline,
  runStackOffline,
  sampleInvites,
} from "../../provider/testing";
import { expiringInvitesPolicy, twoFactorPolicy } from "../../provider/policy/rules";
import { emulator } from "../helpers/emulator";
import { policyResource, validate } from "../helpers/policies";
import { REPO_ROOT } from "../helpers/providerHost";

const URN = "urn:pulumi:dev::user-invites-example::pulumi-nodejs:dynamic/cloudflare:UserInvites::my-invites";
let readOutputs: Record<string, unknown>;

/** Outputs produced by a real read through the provider host against the emulator's sample invites. */
beforeAll(async () => {
  const emu = await emulator({ invites: sampleInvites() });
  const { resources } = await runStackOffline({
    cwd: REPO_ROOT,
    config: { "cloudflare:apiToken": FAKE_CREDENTIALS.apiToken, "cloudflare:baseUrl": emu.url },
    program: () => ({ invites: new UserInvites("my-invites").invites }),
  });
  readOutputs = resources.find((r) => r.type === USER_INVITES_TYPE)?.outputs ?? {};
});

const resource = (
  props: Record<string, unknown>,
  type = USER_INVITES_TYPE,
  urn = URN,
  parent?: { urn: string },
) => policyResource(props, type, urn, parent);

/** What the Pulumi engine hands a policy instead of the read: its UserInvitesPolicyView child. */
const VIEW_URN = `urn:pulumi:dev::user-invites-example::${USER_INVITES_TYPE}$${USER_INVITES_POLICY_VIEW_TYPE}::my-invites`;
const view = (props: Record<string, unknown>) =>
  resource(props, USER_INVITES_POLICY_VIEW_TYPE, VIEW_URN, { urn: URN });

describe("two-factor policy", () => {
  test("is mandatory by default and declares its config schema", () => {
    expect(twoFactorPolicy.enforcementLevel).toBe("mandatory");
    expect(twoFactorPolicy.configSchema?.properties).toMatchObject({
      countedStatuses: { default: ["pending", "accepted"] },
      exemptOrganizationIds: { default: [], items: { pattern: "^[0-9a-f]{32}$" } },
    });
  });

  test("one violation per offending organization, against the resource's URN", async () => {
    const { violations, notApplicable } = await validate(twoFactorPolicy, [resource(readOutputs)]);
    expect(notApplicable).toBeUndefined();
    expect(violations.map((v) => v.urn)).toEqual([URN, URN]);
    const messages = violations.map((v) => v.message).sort();
    expect(messages[0]).toMatch(
      new RegExp(
        `^Organization "Globex" \\(${fakeId("org:Globex")}\\) does not enforce two-factor authentication: pending invite ${fakeId("invite:globex-dns")} from admin@globex\\.example \\(roles: DNS, Analytics\\)\\.`,
      ),
    );
    expect(messages[1]).toMatch(
      new RegExp(
        `^Organization "Umbrella Labs" \\(${fakeId("org:Umbrella Labs")}\\) does not enforce two-factor authentication: accepted invite`,
      ),
    );
  });

  test("under the engine it sees the read through its policy view, and reports against the view", async () => {
    const { violations, notApplicable } = await validate(twoFactorPolicy, [
      view({ invites: readOutputs["invites"] }),
    ]);
    expect(notApplicable).toBeUndefined();
    expect(violations.map((v) => v.urn)).toEqual([VIEW_URN, VIEW_URN]);
    expect(violations.map((v) => v.message).join("\n")).toContain(`(${fakeId("org:Globex")})`);
  });

  test("a read and its own policy view count once", async () => {
    const { violations } = await validate(twoFactorPolicy, [
      resource(readOutputs),
      view({ invites: readOutputs["invites"] }),
    ]);
    expect(violations.map((v) => v.urn)).toEqual([URN, URN]);
  });

  test("a policy view whose invites are not known yet makes it say it could not run", async () => {
    const { violations, notApplicable } = await validate(twoFactorPolicy, [view({})]);
    expect(violations).toEqual([]);
    expect(notApplicable).toContain(`${VIEW_URN}: its invites output is not known yet`);
  });

  test("the enforcement level comes from policy config when set there", async () => {
    const run = await runPoliciesOffline([twoFactorPolicy], [resource(readOutputs)], {
      [twoFactorPolicy.name]: { enforcementLevel: "advisory" },
    });
    expect(run.findings.map((f) => f.enforcementLevel)).toEqual(["advisory", "advisory"]);
    const disabled = await runPoliciesOffline([twoFactorPolicy], [resource(readOutputs)], {
      [twoFactorPolicy.name]: { enforcementLevel: "disabled" },
    });
    expect(disabled.findings).toEqual([]);
  });

  test("policy config: countedStatuses and exemptions", async () => {
    const pendingOnly = await validate(twoFactorPolicy, [resource(readOutputs)], {
      countedStatuses: ["pending"],
    });
    expect(pendingOnly.violations.map((v) => v.message)).toEqual([expect.stringContaining('"Globex"')]);
    const exempt = await validate(twoFactorPolicy, [resource(readOutputs)], {
      exemptOrganizationIds: [fakeId("org:Globex"), fakeId("org:Umbrella Labs")],
    });
    expect(exempt.violations).toEqual([]);
    const withRejected = await validate(twoFactorPolicy, [resource(readOutputs)], {
      countedStatuses: ["rejected"],
    });
    expect(withRejected.violations.map((v) => v.message)).toEqual([
      expect.stringContaining(
        '"Vandelay Industries" (' + fakeId("org:Vandelay Industries") + ") does not report whether",
      ),
    ]);
  });

  test("other resources are ignored, and a stack without UserInvites passes", async () => {
    const other = resource(
      { invites: readOutputs["invites"] },
      "aws:s3/bucket:Bucket",
      "urn:pulumi:dev::p::aws:s3/bucket:Bucket::b",
    );
    expect(await validate(twoFactorPolicy, [other])).toEqual({ violations: [], notApplicable: undefined });
  });

  test("during a preview with unknown outputs it says it could not run, naming the resource", async () => {
    const unknown = resource(
      unknownCheckingProxy({ invites: pulumi.runtime.unknownValue }) as Record<string, unknown>,
    );
    const { violations, notApplicable } = await validate(twoFactorPolicy, [
      unknown,
      resource(readOutputs, USER_INVITES_TYPE, `${URN}-2`),
    ]);
    expect(violations).toHaveLength(2);
    expect(notApplicable).toMatch(
      new RegExp(
        `^could not run: the invitations of ${URN.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: string value at \\.invites can't be known during preview\\.`,
      ),
    );
    expect(notApplicable).toContain("the check runs on pulumi up");
  });

  test("absent outputs also mean it could not run", async () => {
    const { notApplicable } = await validate(twoFactorPolicy, [resource({ countedStatuses: ["pending"] })]);
    expect(notApplicable).toContain("its invites output is not known yet");
  });
});

describe("expiring-invites policy", () => {
  test("is advisory, and reports pending invites expiring within expiringWithinDays (default 7)", async () => {
    expect(expiringInvitesPolicy.enforcementLevel).toBe("advisory");
    const week = await validate(expiringInvitesPolicy, [resource(readOutputs)]);
    expect(week.violations.map((v) => v.message)).toEqual([
      expect.stringMatching(/^Pending invite \w+ into "Globex" \(\w+\) expires in 2 days \(/),
      expect.stringMatching(/^Pending invite \w+ into "Acme Corp" \(\w+\) expires in 5 days \(/),
    ]);
    const threeDays = await validate(expiringInvitesPolicy, [resource(readOutputs)], {
      expiringWithinDays: 3,
    });
    expect(threeDays.violations).toHaveLength(1);
  });
});
