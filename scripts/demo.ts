/**
 * `npm run demo`: an offline dry run of the example stack and its policy pack. Starts the
 * Cloudflare API emulator with sample invites, runs examples/stack through the real Pulumi
 * dynamic-provider host (the process `pulumi up` starts), prints the stack outputs the way
 * `pulumi stack output` does, then runs the policy pack's rules over the resulting resources.
 */
import { join } from "node:path";
import { expiringInvitesPolicy, twoFactorPolicy } from "../provider/policy/rules";
import { formatPolicyRun, runPoliciesOffline } from "../provider/testing";
import { USER_INVITES_TYPE } from "../provider";
import {
  FAKE_CREDENTIALS,
  formatStackOutputs,
  runStackOffline,
  sampleInvites,
  startCloudflareEmulator,
} from "../provider/testing";

const PROJECT = "user-invites-example";
const STACK = "demo";

async function main(): Promise<void> {
  const emulator = await startCloudflareEmulator({ invites: sampleInvites() });
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
    console.log(
      `(${emulator.requests.length} request to GET /user/invites, fake credentials, sample invites).\n`,
    );
    console.log(formatStackOutputs(result));

    // What the engine hands a policy: the stack's resources, and no "get"-style read (the rules
    // find the invitations on each read's UserInvitesPolicyView instead).
    const resources = result.resources
      .filter((r) => r.type !== USER_INVITES_TYPE)
      .map((r) => ({
        type: r.type,
        name: r.name,
        urn: `urn:pulumi:${STACK}::${PROJECT}::${r.type}::${r.name}`,
        props: r.outputs,
      }));
    const policies = await runPoliciesOffline([twoFactorPolicy, expiringInvitesPolicy], resources);
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
