import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { REPO_ROOT } from "./helpers/providerHost";

test("npm run demo prints the stack outputs and the policy results, offline", async () => {
  const { stdout } = await promisify(execFile)("npm", ["run", "--silent", "demo"], { cwd: REPO_ROOT });
  expect(stdout).toContain(
    "Offline dry run: the example stack read the Cloudflare API emulator on 127.0.0.1",
  );
  expect(stdout).toMatch(
    /Current stack outputs \(5\):\n\s+OUTPUT\s+VALUE\n\s+inviteCountByStatus\s+\{"accepted":2,"expired":1,"pending":3,"rejected":1\}/,
  );
  expect(stdout).toContain("pendingOrganizationIds");
  // As under the engine: the rules see the read through its policy view, and every one of them ran.
  expect(stdout).toMatch(
    /- \[mandatory\] {2}cloudflare-invites-require-two-factor {2}\(cloudflare-user-invites:policy:UserInvitesPolicyView: my-invites\)\n\s+Organization "Umbrella Labs"/,
  );
  expect(stdout).not.toContain("not applicable");
  expect(stdout).toMatch(
    /- \[advisory\] {2}cloudflare-invites-expiring-soon .*\n\s+Pending invite \w+ into "Globex"/,
  );
});
