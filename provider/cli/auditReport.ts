import type { Invite } from "../cloudflare/invite";
import type { Membership, UserTwoFactorStatus } from "../cloudflare/membership";
import type { ExpiringInviteNotice } from "../checks/expiry";
import type { MembershipTwoFactorViolation, TwoFactorViolation } from "../checks/twoFactor";

/** What the audit found, in the shape `audit --json` prints. */
export interface AuditReport {
  readonly invites: readonly Invite[];
  /** Organizations reached by counted invites that do not enforce two-factor authentication. */
  readonly violations: readonly TwoFactorViolation[];
  readonly expiringSoon: readonly ExpiringInviteNotice[];
  readonly memberships: readonly Membership[];
  /** Accounts of accepted memberships that do not enforce two-factor authentication. */
  readonly membershipViolations: readonly MembershipTwoFactorViolation[];
  readonly user: UserTwoFactorStatus;
  /** The user's own two-factor authentication, when it is off. */
  readonly userViolation: { readonly message: string } | null;
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
      memberships: report.memberships,
      membershipViolations: report.membershipViolations.map((v) => ({
        accountId: v.accountId,
        accountName: v.accountName ?? null,
        accountIsEnforcingTwoFactor: v.accountIsEnforcingTwoFactor,
        membershipIds: v.memberships.map((m) => m.id ?? null),
        message: v.message,
      })),
      user: report.user,
      userViolation: report.userViolation,
    },
    null,
    2,
  );
}

/**
 * The report as tables of invitations and memberships, the user's own two-factor status, then the
 * violations and the advisory notices.
 */
export function formatAuditTable(report: AuditReport): string {
  const lines = [
    ...table(
      plural(report.invites.length, "invitation"),
      ["ORGANIZATION", "ORGANIZATION ID", "STATUS", "TWO-FACTOR", "EXPIRES", "ROLES"],
      report.invites.map((invite) => [
        invite.organizationName ?? "",
        invite.organizationId,
        invite.status ?? "",
        twoFactorCell(invite.organizationIsEnforcingTwoFactor),
        invite.expiresOn?.slice(0, 10) ?? "",
        invite.roles.join(", "),
      ]),
    ),
    "",
    ...table(
      plural(report.memberships.length, "membership"),
      ["ACCOUNT", "ACCOUNT ID", "STATUS", "TWO-FACTOR", "ROLES"],
      report.memberships.map((membership) => [
        membership.accountName ?? "",
        membership.accountId,
        membership.status ?? "",
        twoFactorCell(membership.accountIsEnforcingTwoFactor),
        membership.roles.join(", "),
      ]),
    ),
    "",
    `This user's two-factor authentication: ${
      report.user.twoFactorAuthenticationEnabled ? "enabled" : "NOT enabled"
    }${report.user.twoFactorAuthenticationLocked ? " (required by one of its accounts)" : ""}.`,
    "",
  ];
  const messages = [
    ...report.violations.map((v) => v.message),
    ...report.membershipViolations.map((v) => v.message),
    ...(report.userViolation ? [report.userViolation.message] : []),
  ];
  if (messages.length === 0) {
    lines.push(
      "No violation: every counted organization and account enforces two-factor authentication, and so does this user.",
    );
  } else {
    lines.push(`${plural(messages.length, "violation")}:`);
    for (const message of messages) lines.push(`  x ${message}`);
  }
  if (report.expiringSoon.length > 0) {
    lines.push("", "Advisory:");
    for (const notice of report.expiringSoon) lines.push(`  ! ${notice.message}`);
  }
  return lines.join("\n");
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function twoFactorCell(enforcing: boolean | undefined): string {
  return enforcing === undefined ? "unknown" : enforcing ? "enforced" : "NOT enforced";
}

/** A title, then a header and rows in columns as wide as their widest cell. */
function table(title: string, header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((name, column) =>
    Math.max(name.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join("  ")
      .trimEnd();
  return [title, "", line(header), ...rows.map(line)];
}
