import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { REPO_ROOT } from "./helpers/providerHost";

test("npm run demo prints the stack outputs and the policy results, offline", async () => {
  const { stdout } = await promisify(execFile)("npm", ["run", "--silent", "demo"], { cwd: REPO_ROOT });
  expect(stdout).toContain(
    "Offline dry run: the example stack read the Cloudflare API emulator on 127.0.0.1",
  );
  expect(stdout).toMatch(
    /Current stack outputs \(8\):\n\s+OUTPUT\s+VALUE\n\s+acceptedAccountIds\s+\["\w{32}","\w{32}","\w{32}"\]\n/,
  );
  expect(stdout).toMatch(
    /\n\s+inviteCountByStatus\s+\{"accepted":2,"expired":1,"pending":3,"rejected":1\}\n/,
  );
  expect(stdout).toMatch(/\n\s+twoFactorAuthenticationEnabled\s+false\n/);
  expect(stdout).toContain("pendingOrganizationIds");
  expect(stdout).toContain(
    "(3 requests: GET /memberships, GET /user, GET /user/invites; fake credentials, sample data)",
  );
  // The memberships' rules, on the memberships' view: an account without two-factor, and the user.
  expect(stdout).toMatch(
    /- \[mandatory\] {2}cloudflare-memberships-require-two-factor {2}\(cloudflare-user-invites:policy:UserMembershipsPolicyView: my-access\)\n\s+Account "Umbrella Labs"/,
  );
  expect(stdout).toMatch(
    /- \[mandatory\] {2}cloudflare-user-requires-two-factor .*\n\s+This Cloudflare user does not have two-factor authentication enabled/,
  );
  // As under the engine: the rules see the read through its policy view, and every one of them ran.
  expect(stdout).toMatch(
    /- \[mandatory\] {2}cloudflare-invites-require-two-factor {2}\(cloudflare-user-invites:policy:UserInvitesPolicyView: my-invites\)\n\s+Organization "Umbrella Labs"/,
  );
  expect(stdout).not.toContain("not applicable");
  expect(stdout).toMatch(
    /- \[advisory\] {2}cloudflare-invites-expiring-soon .*\n\s+Pending invite \w+ into "Globex"/,
  );
});
