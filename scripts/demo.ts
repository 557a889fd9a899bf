/**
 * `npm run demo`: an offline dry run of the example stack. Starts the Cloudflare API emulator with
 * sample invites, runs examples/stack through the real Pulumi dynamic-provider host (the process
 * `pulumi up` starts), and prints the stack outputs the way `pulumi stack output` does.
 */
import { join } from "node:path";
import {
  FAKE_CREDENTIALS,
  formatStackOutputs,
  runStackOffline,
  sampleInvites,
  startCloudflareEmulator,
} from "../provider/testing";

async function main(): Promise<void> {
  const emulator = await startCloudflareEmulator({ invites: sampleInvites() });
  try {
    const root = join(__dirname, "..");
    const result = await runStackOffline({
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded as the Pulumi language host loads a program
      program: () => require(join(root, "examples", "stack")) as unknown,
      cwd: root,
      project: "user-invites-example",
      stack: "demo",
      config: {
        "cloudflare:apiToken": FAKE_CREDENTIALS.apiToken,
        "cloudflare:baseUrl": emulator.url,
        "user-invites-example:expiringWithinDays": "7",
      },
    });
    console.log("Offline dry run: the example stack read the Cloudflare API emulator on 127.0.0.1");
    console.log(
      `(${emulator.requests.length} request to GET /user/invites, fake credentials, sample invites).\n`,
    );
    console.log(formatStackOutputs(result));
  } finally {
    await emulator.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
