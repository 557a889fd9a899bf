import type { Invite } from "../cloudflare/invite";
import type { ExpiringInviteNotice } from "../checks/expiry";
import type { TwoFactorViolation } from "../checks/twoFactor";

/** What the audit found, in the shape `audit --json` prints. */
export interface AuditReport {
  readonly invites: readonly Invite[];
  readonly violations: readonly TwoFactorViolation[];
  readonly expiringSoon: readonly ExpiringInviteNotice[];
}

/** The report as JSON: invites in full, violations and notices by invite id. */
export function formatAuditJson(report: AuditReport): string {
  return JSON.stringify(
    {
      invites: report.invites,
      violations: report.violations.map((v) => ({
        organizationId: v.organizationId,
        organizationName: v.organizationName ?? null,
        organizationIsEnforcingTwoFactor: v.organizationIsEnforcingTwoFactor,
        inviteIds: v.invites.map((i) => i.id ?? null),
        message: v.message,
      })),
      expiringSoon: report.expiringSoon.map((n) => ({
        inviteId: n.invite.id ?? null,
        organizationId: n.invite.organizationId,
        expiresOn: n.invite.expiresOn ?? null,
        daysLeft: n.daysLeft,
        message: n.message,
      })),
    },
    null,
    2,
  );
}

/** The report as a table of invitations, then the violations and the advisory notices. */
export function formatAuditTable(report: AuditReport): string {
  const header = ["ORGANIZATION", "ORGANIZATION ID", "STATUS", "TWO-FACTOR", "EXPIRES", "ROLES"];
  const rows = report.invites.map((invite) => [
    invite.organizationName ?? "",
    invite.organizationId,
    invite.status ?? "",
    invite.organizationIsEnforcingTwoFactor === undefined
      ? "unknown"
      : invite.organizationIsEnforcingTwoFactor
        ? "enforced"
        : "NOT enforced",
    invite.expiresOn?.slice(0, 10) ?? "",
    invite.roles.join(", "),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd();
  const lines = [
    `${report.invites.length} invitation${report.invites.length === 1 ? "" : "s"}`,
    "",
    line(header),
    ...rows.map(line),
    "",
  ];
  if (report.violations.length === 0) {
    lines.push("No violation: every counted organization enforces two-factor authentication.");
  } else {
    lines.push(`${report.violations.length} violation${report.violations.length === 1 ? "" : "s"}:`);
    for (const violation of report.violations) lines.push(`  x ${violation.message}`);
  }
  if (report.expiringSoon.length > 0) {
    lines.push("", "Advisory:");
    for (const notice of report.expiringSoon) lines.push(`  ! ${notice.message}`);
  }
  return lines.join("\n");
}
