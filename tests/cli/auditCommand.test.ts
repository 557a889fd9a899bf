import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { EXIT, runCommand, USAGE } from "../../provider/cli/auditCommand";
import {
  FAKE_CREDENTIALS,
  FAKE_TOKEN_WITHOUT_USER_DETAILS,
  fakeId,
  sampleInvites,
  sampleUser,
} from "../../provider/testing";
import { emulator, withEnv } from "../helpers/emulator";
import { REPO_ROOT } from "../helpers/providerHost";

const NOW = new Date("2026-11-28T12:00:00Z");

/** Runs the command in-process with the fake token in the environment, capturing its output. */
async function audit(argv: string[], env: Record<string, string | undefined> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await withEnv({ CLOUDFLARE_API_TOKEN: FAKE_CREDENTIALS.apiToken, ...env }, () =>
    runCommand(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), now: NOW }),
  );
  return { code, stdout, stderr };
}

/** Every account of the sample that does not enforce two-factor authentication: the exemptions that silence them. */
const SAMPLE_EXEMPTIONS = ["Globex", "Umbrella Labs", "Wayne Enterprises"].map((name) =>
  fakeId(`org:${name}`),
);

test("a table of every invitation and membership, the user's flag, the violations, the notices; exit 1", async () => {
  const emu = await emulator({ invites: sampleInvites(NOW) });
  const { code, stdout, stderr } = await audit(["audit", "--base-url", emu.url]);
  expect(code).toBe(EXIT.violations);
  expect(stderr).toBe("");
  const lines = stdout.split("\n");
  expect(lines[0]).toBe("7 invitations");
  expect(lines[2]).toMatch(/^ORGANIZATION\s+ORGANIZATION ID\s+STATUS\s+TWO-FACTOR\s+EXPIRES\s+ROLES$/);
  expect(stdout).toMatch(
    new RegExp(
      `Globex\\s+${fakeId("org:Globex")}\\s+pending\\s+NOT enforced\\s+2026-11-30\\s+DNS, Analytics`,
    ),
  );
  expect(stdout).toMatch(/Vandelay Industries\s+\w{32}\s+rejected\s+unknown\s+/);
  expect(stdout).toContain('4 violations:\n  x Organization "Umbrella Labs"');
  expect(stdout).toContain('  x Organization "Globex"');
  expect(stdout).toContain("Advisory:\n  ! Pending invite");
  // The memberships: a table after the invitations, and the accepted ones that break the rule.
  const memberships = lines.indexOf("5 memberships");
  expect(memberships).toBeGreaterThan(9);
  expect(lines[memberships + 2]).toMatch(/^ACCOUNT\s+ACCOUNT ID\s+STATUS\s+TWO-FACTOR\s+ROLES$/);
  expect(stdout).toMatch(
    new RegExp(
      `Wayne Enterprises\\s+${fakeId("org:Wayne Enterprises")}\\s+accepted\\s+unknown\\s+Administrator`,
    ),
  );
  expect(stdout).toContain("This user's two-factor authentication: enabled.");
  expect(stdout).toContain(
    `  x Account "Umbrella Labs" (${fakeId("org:Umbrella Labs")}) does not enforce two-factor authentication, and this user holds access to it: accepted membership ${fakeId("membership:Umbrella Labs")} (roles: Billing).`,
  );
  expect(stdout).toContain(
    `  x Account "Wayne Enterprises" (${fakeId("org:Wayne Enterprises")}) does not report whether it enforces two-factor authentication`,
  );
  expect(stdout).not.toContain('Account "Globex"'); // a pending membership gives no access: not counted
  expect(stdout).not.toContain(FAKE_CREDENTIALS.apiToken);
  expect(emu.requests.map((r) => r.path).sort()).toEqual([
    "/client/v4/memberships",
    "/client/v4/user",
    "/client/v4/user/invites",
  ]);
});

test("a user without two-factor authentication is a violation of its own, in the table and in --json", async () => {
  const emu = await emulator({ invites: [], memberships: [], user: sampleUser({ twoFactor: false }) });
  const table = await audit(["audit", "--base-url", emu.url]);
  expect(table.code).toBe(EXIT.violations);
  expect(table.stdout).toContain("0 invitations");
  expect(table.stdout).toContain("0 memberships");
  expect(table.stdout).toContain(
    "This user's two-factor authentication: NOT enabled.\n\n1 violation:\n  x This Cloudflare user does not have two-factor authentication enabled",
  );
  const json = await audit(["audit", "--json", "--base-url", emu.url]);
  expect(json.code).toBe(EXIT.violations);
  expect(JSON.parse(json.stdout)).toMatchObject({
    memberships: [],
    membershipViolations: [],
    user: { twoFactorAuthenticationEnabled: false, twoFactorAuthenticationLocked: false },
    userViolation: { message: expect.stringContaining("My Profile > Authentication") },
  });
});

test("--json lists membership violations by account and membership id", async () => {
  const emu = await emulator({ invites: [] });
  const { stdout } = await audit(["audit", "--json", "--base-url", emu.url]);
  const report = JSON.parse(stdout) as {
    membershipViolations: unknown[];
    memberships: unknown[];
    userViolation: unknown;
  };
  expect(report.memberships).toHaveLength(5);
  expect(report.userViolation).toBeNull();
  expect(report.membershipViolations).toEqual(
    [
      {
        accountId: fakeId("org:Umbrella Labs"),
        accountName: "Umbrella Labs",
        accountIsEnforcingTwoFactor: false,
        membershipIds: [fakeId("membership:Umbrella Labs")],
        message: expect.stringContaining("does not enforce two-factor authentication"),
      },
      {
        accountId: fakeId("org:Wayne Enterprises"),
        accountName: "Wayne Enterprises",
        accountIsEnforcingTwoFactor: null,
        membershipIds: [fakeId("membership:Wayne Enterprises")],
        message: expect.stringContaining("does not report whether it enforces"),
      },
    ].sort((a, b) => (a.accountId < b.accountId ? -1 : 1)),
  );
});

test("--json, --counted-statuses and --exempt-organization-ids; exit 0 when nothing is left to report", async () => {
  const emu = await emulator({ invites: sampleInvites(NOW) });
  const { code, stdout } = await audit([
    "audit",
    "--json",
    "--base-url",
    emu.url,
    "--counted-statuses",
    "pending",
    "--exempt-organization-ids",
    SAMPLE_EXEMPTIONS.join(","),
    "--expiring-within-days",
    "0",
  ]);
  expect(code).toBe(EXIT.ok);
  const report = JSON.parse(stdout) as {
    invites: unknown[];
    violations: unknown[];
    expiringSoon: unknown[];
    membershipViolations: unknown[];
  };
  expect(report.invites).toHaveLength(7);
  expect(report.violations).toEqual([]);
  expect(report.membershipViolations).toEqual([]);
  expect(report.expiringSoon).toEqual([]);
});

test("--json lists violations by organization and invite id", async () => {
  const emu = await emulator({ invites: sampleInvites(NOW) });
  const { stdout } = await audit(["audit", "--json", "--base-url", emu.url, "--counted-statuses", "pending"]);
  const report = JSON.parse(stdout) as {
    violations: unknown[];
    expiringSoon: { inviteId: string; daysLeft: number }[];
  };
  expect(report.violations).toEqual([
    {
      organizationId: fakeId("org:Globex"),
      organizationName: "Globex",
      organizationIsEnforcingTwoFactor: false,
      inviteIds: [fakeId("invite:globex-dns")],
      message: expect.stringContaining("does not enforce two-factor authentication"),
    },
  ]);
  expect(report.expiringSoon.map((n) => [n.inviteId, n.daysLeft])).toEqual([
    [fakeId("invite:globex-dns"), 2],
    [fakeId("invite:acme-admin"), 5],
  ]);
});

test("the same credential conventions: key + email from the environment", async () => {
  const emu = await emulator({ invites: [], memberships: [] });
  const { code } = await audit(["audit", "--base-url", emu.url], {
    CLOUDFLARE_API_TOKEN: undefined,
    CLOUDFLARE_API_KEY: FAKE_CREDENTIALS.apiKey,
    CLOUDFLARE_EMAIL: FAKE_CREDENTIALS.apiEmail,
  });
  expect(code).toBe(EXIT.ok);
  expect(emu.requests.map((r) => r.headers["x-auth-key"])).toEqual(Array(3).fill(FAKE_CREDENTIALS.apiKey));
});

describe("exit 2, with a message, when the audit cannot run", () => {
  test("no credentials", async () => {
    const { code, stderr, stdout } = await audit(["audit"], { CLOUDFLARE_API_TOKEN: undefined });
    expect(code).toBe(EXIT.error);
    expect(stdout).toBe("");
    expect(stderr).toContain("No Cloudflare credentials were found");
  });

  test("Cloudflare refuses", async () => {
    const emu = await emulator();
    const { code, stderr } = await audit(["audit", "--base-url", emu.url], {
      CLOUDFLARE_API_TOKEN: "FAKE-test-token-without-memberships-read",
    });
    expect(code).toBe(EXIT.error);
    expect(stderr).toContain("[9109] Unauthorized to access requested resource");
    expect(stderr).not.toContain("FAKE-test-token-without-memberships-read");
  });

  test("a token that lists but may not read the user: nothing is half-reported, the permission is named", async () => {
    const emu = await emulator();
    const { code, stdout, stderr } = await audit(["audit", "--base-url", emu.url], {
      CLOUDFLARE_API_TOKEN: FAKE_TOKEN_WITHOUT_USER_DETAILS,
    });
    expect(code).toBe(EXIT.error);
    expect(stdout).toBe("");
    expect(stderr).toContain("Cloudflare API GET /client/v4/user failed with HTTP 403");
    expect(stderr).toContain('lack the user-level "User Details Read" permission');
    expect(stderr).toContain("User > User Details > Read");
    expect(stderr).not.toContain(FAKE_TOKEN_WITHOUT_USER_DETAILS);
  });

  test.each([
    [["audit", "--counted-statuses", "pendng"], '--counted-statuses[0]: unknown invite status "pendng"'],
    [
      ["audit", "--exempt-organization-ids", "ACME"],
      '--exempt-organization-ids[0]: malformed organization id "ACME"',
    ],
    [
      ["audit", "--expiring-within-days", "soon"],
      '--expiring-within-days: expected a whole number from 0 to 36500, got "soon"',
    ],
    [["audit", "--timeout-ms", "0"], '--timeout-ms: expected a whole number from 1 to 2147483647, got "0"'],
    [["audit", "--frobnicate"], "Unknown option '--frobnicate'"],
    [[], 'Expected the command "audit", got no command.'],
    [["list"], 'Expected the command "audit", got "list".'],
  ])("bad usage %j", async (argv, message) => {
    const { code, stderr } = await audit(argv);
    expect(code).toBe(EXIT.error);
    expect(stderr).toContain(message);
  });
});

test("--help and --version", async () => {
  expect(await audit(["--help"])).toEqual({ code: 0, stdout: USAGE, stderr: "" });
  expect((await audit(["--version"])).stdout).toMatch(/^\d+\.\d+\.\d+$/);
});

test("the bin runs as a process, and its exit code is the audit's", async () => {
  const emu = await emulator({ invites: sampleInvites(NOW) });
  const run = promisify(execFile);
  const error = await run(
    process.execPath,
    [
      join(REPO_ROOT, "node_modules", "ts-node", "dist", "bin.js"),
      "--transpile-only",
      join(REPO_ROOT, "provider", "cli", "main.ts"),
      "audit",
      "--base-url",
      emu.url,
    ],
    {
      env: { ...process.env, CLOUDFLARE_API_TOKEN: FAKE_CREDENTIALS.apiToken },
    },
  ).catch((e: { code: number; stdout: string }) => e);
  expect("code" in error ? error.code : 0).toBe(1);
  expect(error.stdout).toContain("4 violations:");
});
