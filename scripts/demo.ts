/**
 * `npm run demo`: an offline dry run of the example stack and its policy pack. Starts the
 * Cloudflare API emulator with sample invites and memberships, and a user without two-factor
 * authentication, runs examples/stack through the real Pulumi
 * dynamic-provider host (the process `pulumi up` starts), prints the stack outputs the way
 * `pulumi stack output` does, then runs the policy pack's rules over the resulting resources.
 */
import { join } from "node:path";
import { userAccessPolicies } from "../provider/policy/rules";
import { USER_INVITES_TYPE, USER_MEMBERSHIPS_TYPE } from "../provider";
import {
  FAKE_CREDENTIALS,
  formatPolicyRun,
  formatStackOutputs,
  runPoliciesOffline,
  runStackOffline,
  sampleInvites,
  sampleMemberships,
  sampleUser,
  startCloudflareEmulator,
} from "../provider/testing";

const PROJECT = "user-invites-example";
const STACK = "demo";

async function main(): Promise<void> {
  const emulator = await startCloudflareEmulator({
    invites: sampleInvites(),
    memberships: sampleMemberships(),
    user: sampleUser({ twoFactor: false }),
  });
  try {
    const root = join(__dirname, "..");
    const result = await runStackOffline({
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded as the Pulumi language host loads a program
      program: () => require(join(root, "examples", "stack")) as unknown,
      cwd: root,
      project: PROJECT,
      stack: STACK,
      config: {
        "cloudflare:apiToken": FAKE_CREDENTIALS.apiToken,
        "cloudflare:baseUrl": emulator.url,
        [`${PROJECT}:expiringWithinDays`]: "7",
      },
    });
    console.log("Offline dry run: the example stack read the Cloudflare API emulator on 127.0.0.1");
    // The reads run side by side, so their requests arrive in any order: listed sorted.
    const paths = [
      ...new Set(emulator.requests.map((r) => `GET ${r.path.replace(/^\/client\/v4/, "")}`)),
    ].sort();
    console.log(
      `(${emulator.requests.length} requests: ${paths.join(", ")}; fake credentials, sample data).\n`,
    );
    console.log(formatStackOutputs(result));

    // What the engine hands a policy: the stack's resources, and no "get"-style read (the rules
    // find the invitations and memberships on each read's policy view instead).
    const resources = result.resources
      .filter((r) => r.type !== USER_INVITES_TYPE && r.type !== USER_MEMBERSHIPS_TYPE)
      .map((r) => ({
        type: r.type,
        name: r.name,
        urn: `urn:pulumi:${STACK}::${PROJECT}::${r.type}::${r.name}`,
        props: r.outputs,
      }));
    const policies = await runPoliciesOffline([...userAccessPolicies], resources);
    console.log(
      "\nThe policy pack (examples/policy) over the same resources, as `pulumi preview --policy-pack` would run it:\n",
    );
    console.log(formatPolicyRun(policies, "cloudflare-user-invites"));
  } finally {
    await emulator.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
