import { parseArgs } from "node:util";
import { getUser, listUserInvites, listUserMemberships } from "../cloudflare/client";
import { filterProblems, type InviteFilters } from "../cloudflare/filters";
import { DEFAULTS, INPUTS } from "../cloudflare/inputs";
import { CloudflareInvitesError } from "../cloudflare/errors";
import { allOrFirstFailure } from "../core/settled";
import { formatProblems, isWholeNumberWithin, wholeNumberRange, type Problem } from "../core/problems";
import { VERSION } from "../core/version";
import { formatAuditJson, formatAuditTable, type AuditReport } from "./auditReport";
import { DEFAULT_EXPIRY_WINDOW_DAYS, findExpiringInvites } from "../checks/expiry";
import {
  DEFAULT_COUNTED_STATUSES,
  findMembershipTwoFactorViolations,
  findTwoFactorViolations,
  findUserTwoFactorViolation,
} from "../checks/twoFactor";

/** Where the command writes and what it reads, so tests can run it in-process. */
export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The clock for "expires soon"; default now. */
  readonly now?: Date;
}

/** Exit codes: nothing wrong, violations found, or the audit could not run. */
export const EXIT = { ok: 0, violations: 1, error: 2 } as const;

/** The longest expiry window `--expiring-within-days` accepts: a hundred years. */
const MAX_EXPIRY_WINDOW_DAYS = 36_500;

export const USAGE = `Usage: pulumi-cloudflare-user-invites audit [options]

Lists the Cloudflare invitations and memberships of the user behind the credentials, and checks
(with the same rules as the policy pack) that every organization an invitation leads into and
every account the user belongs to enforces two-factor authentication, and that the user has it on.

Credentials, as in every Cloudflare SDK: CLOUDFLARE_API_TOKEN, or CLOUDFLARE_EMAIL + CLOUDFLARE_API_KEY
(a user API token needs User > Memberships > Read and User > User Details > Read). There is
deliberately no flag for a credential: command lines end up in shell history and process lists.

Options:
  --json                      print JSON instead of a table
  --counted-statuses <list>         statuses the two-factor check counts (default: ${DEFAULT_COUNTED_STATUSES.join(",")})
  --exempt-organization-ids <list>  organization (account) ids allowed not to enforce two-factor authentication
  --expiring-within-days <n>        report pending invites expiring within n days (default ${DEFAULT_EXPIRY_WINDOW_DAYS}; 0: off)
  --base-url <url>                  API root (default: CLOUDFLARE_BASE_URL, else Cloudflare's)
  --timeout-ms <n>                  time allowed per attempt (default ${DEFAULTS.timeoutMs})
  -h, --help                        show this help
  --version                         show the version

Exit codes: 0 no violation, 1 violations found, 2 bad usage or the API could not be read.`;

/** Runs `pulumi-cloudflare-user-invites <argv>` and returns the exit code. */
export async function runCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        json: { type: "boolean", default: false },
        "counted-statuses": { type: "string" },
        "exempt-organization-ids": { type: "string" },
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

  const countedStatuses = splitList(values["counted-statuses"]);
  const exempt = splitList(values["exempt-organization-ids"]);
  // The flags' problems, named as flags: `--counted-statuses[1]: unknown invite status "x"; ...`.
  const problems: Problem[] = filterProblems({
    statuses: countedStatuses as InviteFilters["statuses"],
    organizationIds: exempt,
  }).map((p) => ({
    property: p.property
      .replace(/^statuses/, "--counted-statuses")
      .replace(/^organizationIds/, "--exempt-organization-ids"),
    reason: p.reason,
  }));
  const days = wholeNumberFlag(
    values["expiring-within-days"],
    "--expiring-within-days",
    DEFAULT_EXPIRY_WINDOW_DAYS,
    { min: 0, max: MAX_EXPIRY_WINDOW_DAYS },
    problems,
  );
  const timeoutMs = wholeNumberFlag(
    values["timeout-ms"],
    "--timeout-ms",
    DEFAULTS.timeoutMs,
    INPUTS.timeoutMs,
    problems,
  );
  if (problems.length > 0) {
    io.stderr(`${formatProblems(problems, "\n")}\n\nSee --help.`);
    return EXIT.error;
  }

  let report: AuditReport;
  try {
    const connection = { baseUrl: values["base-url"], timeoutMs };
    // All three at once; the whole report or none of it (the first failure, in this order).
    const [invites, memberships, user] = await allOrFirstFailure(
      listUserInvites(connection),
      listUserMemberships(connection),
      getUser(connection),
    );
    const now = io.now ?? new Date();
    report = {
      invites,
      violations: findTwoFactorViolations(invites, { countedStatuses, exemptOrganizationIds: exempt }),
      expiringSoon: days > 0 ? findExpiringInvites(invites, days, now) : [],
      memberships,
      membershipViolations: findMembershipTwoFactorViolations(memberships, { exemptOrganizationIds: exempt }),
      user,
      userViolation: findUserTwoFactorViolation(user) ?? null,
    };
  } catch (error) {
    if (!(error instanceof CloudflareInvitesError)) throw error;
    io.stderr(error.message);
    return EXIT.error;
  }
  io.stdout(values.json ? formatAuditJson(report) : formatAuditTable(report));
  const found =
    report.violations.length + report.membershipViolations.length + (report.userViolation ? 1 : 0);
  return found > 0 ? EXIT.violations : EXIT.ok;
}

/** `a,b, c` → `["a", "b", "c"]`; absent → undefined (the default applies). */
function splitList(value: string | undefined): string[] | undefined {
  return value === undefined
    ? undefined
    : value
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== "");
}

/** A flag's whole number, or its default; a bad value is added to `problems` by the flag's name. */
function wholeNumberFlag(
  value: string | undefined,
  flag: string,
  fallback: number,
  bounds: { readonly min: number; readonly max: number },
  problems: Problem[],
): number {
  if (value === undefined) return fallback;
  const parsed = value.trim() === "" ? Number.NaN : Number(value);
  if (!isWholeNumberWithin(parsed, bounds.min, bounds.max)) {
    const shown = value.length > 40 ? `${JSON.stringify(value.slice(0, 40))}…` : JSON.stringify(value);
    problems.push({
      property: flag,
      reason: `expected ${wholeNumberRange(bounds.min, bounds.max)}, got ${shown}`,
    });
  }
  return parsed;
}
