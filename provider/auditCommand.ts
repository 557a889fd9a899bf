import { parseArgs } from "node:util";
import { findExpiringInvites, findTwoFactorViolations } from "./audit";
import { formatAuditJson, formatAuditTable, type AuditReport } from "./auditReport";
import { listUserInvites } from "./client";
import { DEFAULTS, MAX_TIMER_MS } from "./defaults";
import { CloudflareInvitesError } from "./errors";
import { filterProblems } from "./filters";
import { VERSION } from "./version";

/** Where the command writes and what it reads, so tests can run it in-process. */
export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The clock for "expires soon"; default now. */
  readonly now?: Date;
}

/** Exit codes: nothing wrong, violations found, or the audit could not run. */
export const EXIT = { ok: 0, violations: 1, error: 2 } as const;

export const USAGE = `Usage: pulumi-cloudflare-user-invites audit [options]

Lists the Cloudflare invitations of the user behind the credentials, and checks that every
organization they lead into enforces two-factor authentication (the same rule as the policy pack).

Credentials, as in every Cloudflare SDK: CLOUDFLARE_API_TOKEN, or CLOUDFLARE_EMAIL + CLOUDFLARE_API_KEY
(a user API token needs User > Memberships > Read). There is deliberately no flag for a credential:
command lines end up in shell history and process lists.

Options:
  --json                      print JSON instead of a table
  --status <list>             statuses the two-factor check counts (default: pending,accepted)
  --exempt <list>             organization ids allowed not to enforce two-factor auth
  --expiring-within-days <n>  report pending invites expiring within n days (default 7; 0: off)
  --base-url <url>            API root (default: CLOUDFLARE_BASE_URL, else Cloudflare's)
  --timeout-ms <n>            time allowed per attempt (default 30000)
  -h, --help                  show this help
  --version                   show the version

Exit codes: 0 no violation, 1 violations found, 2 bad usage or the invitations could not be read.`;

/** Runs `pulumi-cloudflare-user-invites <argv>` and returns the exit code. */
export async function runCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: "boolean", default: false },
        status: { type: "string" },
        exempt: { type: "string" },
        "expiring-within-days": { type: "string" },
        "base-url": { type: "string" },
        "timeout-ms": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return EXIT.error;
  }
  const { values, positionals } = parsed;
  if (values.help) return (io.stdout(USAGE), EXIT.ok);
  if (values.version) return (io.stdout(VERSION), EXIT.ok);
  if (positionals.length !== 1 || positionals[0] !== "audit") {
    const got = positionals.length === 0 ? "no command" : `"${positionals.join(" ")}"`;
    io.stderr(`Expected the command "audit", got ${got}.\n\n${USAGE}`);
    return EXIT.error;
  }

  const statuses = list(values.status);
  const exempt = list(values.exempt);
  const problems = filterProblems({ status: statuses, organizationIds: exempt }).map(
    (p) =>
      p.property.replace(/^status/, "--status").replace(/^organizationIds/, "--exempt") + `: ${p.reason}`,
  );
  const days = wholeNumber(values["expiring-within-days"], "--expiring-within-days", 7, 0, 36_500, problems);
  const timeoutMs = wholeNumber(
    values["timeout-ms"],
    "--timeout-ms",
    DEFAULTS.timeoutMs,
    1,
    MAX_TIMER_MS,
    problems,
  );
  if (problems.length > 0) {
    io.stderr(`${problems.join("\n")}\n\nSee --help.`);
    return EXIT.error;
  }

  let report: AuditReport;
  try {
    const invites = await listUserInvites({ baseUrl: values["base-url"], timeoutMs });
    const now = io.now ?? new Date();
    report = {
      invites,
      violations: findTwoFactorViolations(invites, { statuses, exemptOrganizationIds: exempt }),
      expiringSoon: days > 0 ? findExpiringInvites(invites, days, now) : [],
    };
  } catch (error) {
    if (!(error instanceof CloudflareInvitesError)) throw error;
    io.stderr(error.message);
    return EXIT.error;
  }
  io.stdout(values.json ? formatAuditJson(report) : formatAuditTable(report));
  return report.violations.length > 0 ? EXIT.violations : EXIT.ok;
}

/** `a,b, c` → `["a", "b", "c"]`; absent → undefined (the default applies). */
function list(value: string | undefined): string[] | undefined {
  return value === undefined
    ? undefined
    : value
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "");
}

function wholeNumber(
  value: string | undefined,
  flag: string,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (value.trim() === "" || !Number.isInteger(parsed) || parsed < min || parsed > max) {
    const shown = value.length > 40 ? `${JSON.stringify(value.slice(0, 40))}…` : JSON.stringify(value);
    problems.push(`${flag}: expected a whole number from ${min} to ${max}, got ${shown}`);
  }
  return parsed;
}
