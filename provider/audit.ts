import { CloudflareConfigError } from "./errors";
import type { Invite } from "./schema";
import { organizationsWithoutTwoFactor, pendingInvitesExpiringWithin } from "./summary";

/**
 * The two-factor audit as plain functions: the decision logic of the CrossGuard policy pack and of
 * the `audit` command, with no dependency on `@pulumi/policy`.
 */

/** What the two-factor rule checks. */
export interface TwoFactorRuleConfig {
  /** Invites with these statuses count; default pending and accepted (they lead into the organization). */
  readonly statuses?: readonly string[] | undefined;
  /** Organizations that are allowed not to enforce two-factor auth. */
  readonly exemptOrganizationIds?: readonly string[] | undefined;
}

/** The statuses that count when none are configured: an invite that was or can be accepted. */
export const DEFAULT_AUDITED_STATUSES: readonly string[] = ["pending", "accepted"];

/** One organization that breaks the rule, with the invites that lead into it. */
export interface TwoFactorViolation {
  readonly organizationId: string;
  readonly organizationName?: string;
  /** `false`: it does not enforce 2FA; `null`: Cloudflare does not say. */
  readonly enforcesTwoFactor: false | null;
  /** The counted invites into this organization. */
  readonly invites: readonly Invite[];
  /** A sentence that names the organization, its id and the invite, and says what to do. */
  readonly message: string;
}

/**
 * One violation per organization reached by a counted invite that does not enforce two-factor
 * auth, or whose enforcement Cloudflare does not report; exempt organizations are skipped.
 * Ordered by organization id.
 */
export function findTwoFactorViolations(
  invites: readonly Invite[],
  config: TwoFactorRuleConfig = {},
): TwoFactorViolation[] {
  if (config.statuses !== undefined && config.statuses.length === 0) {
    // An empty list would count no invite and pass every stack: a switched-off check, never meant.
    throw new CloudflareConfigError(
      "statuses is empty, so the two-factor check would count no invite and pass everything; " +
        `list the statuses that count (default: ${DEFAULT_AUDITED_STATUSES.join(", ")}), or leave it out.`,
    );
  }
  const statuses = new Set(config.statuses ?? DEFAULT_AUDITED_STATUSES);
  const exempt = new Set(config.exemptOrganizationIds ?? []);
  const counted = invites.filter(
    (invite) =>
      invite.status !== undefined && statuses.has(invite.status) && !exempt.has(invite.organizationId),
  );
  return organizationsWithoutTwoFactor(counted).map((organization) => {
    const into = counted.filter((invite) => invite.organizationId === organization.organizationId);
    return { ...organization, invites: into, message: violationMessage(organization, into) };
  });
}

function violationMessage(
  organization: Pick<TwoFactorViolation, "organizationId" | "organizationName" | "enforcesTwoFactor">,
  invites: readonly Invite[],
): string {
  const name = organization.organizationName
    ? `"${organization.organizationName}" (${organization.organizationId})`
    : organization.organizationId;
  const state =
    organization.enforcesTwoFactor === false
      ? "does not enforce two-factor authentication"
      : "does not report whether it enforces two-factor authentication";
  const described = invites.map(describeInvite).join("; ");
  return (
    `Organization ${name} ${state}: ${described}. Ask its administrators to enforce two-factor ` +
    `authentication, reject the invite, or exempt the organization with exemptOrganizationIds.`
  );
}

/** `pending invite 4f5f… from admin@x (roles: DNS)`. */
export function describeInvite(invite: Invite): string {
  const parts = [`${invite.status ?? "unknown-status"} invite ${invite.id ?? "(no id)"}`];
  if (invite.invitedBy) parts.push(`from ${invite.invitedBy}`);
  if (invite.roles.length > 0) parts.push(`(roles: ${invite.roles.join(", ")})`);
  return parts.join(" ");
}

/** A pending invite about to lapse: advisory, not a violation. */
export interface ExpiringInviteNotice {
  readonly invite: Invite;
  /** Days left, rounded to the nearest whole day (0: less than half a day). */
  readonly daysLeft: number;
  readonly message: string;
}

/** Pending invites that expire within `days` of `now`, soonest first, each with a message. */
export function findExpiringInvites(
  invites: readonly Invite[],
  days: number,
  now: Date,
): ExpiringInviteNotice[] {
  return pendingInvitesExpiringWithin(invites, days, now)
    .sort((a, b) => Date.parse(a.expiresOn ?? "") - Date.parse(b.expiresOn ?? ""))
    .map((invite) => {
      const daysLeft = Math.round((Date.parse(invite.expiresOn ?? "") - now.getTime()) / 86_400_000);
      const into = invite.organizationName
        ? `"${invite.organizationName}" (${invite.organizationId})`
        : invite.organizationId;
      return {
        invite,
        daysLeft,
        message:
          `Pending invite ${invite.id ?? "(no id)"} into ${into} expires ${daysLeft === 0 ? "within a day" : `in ${daysLeft} day${daysLeft === 1 ? "" : "s"}`} ` +
          `(${invite.expiresOn}): accept or reject it before then, or ask for a new one.`,
      };
    });
}

/** A resource's `invites` output as a policy sees it: known, or not yet (during a preview). */
export type InvitesOutput =
  | { readonly known: true; readonly invites: readonly Invite[] }
  | { readonly known: false; readonly reason: string };

/**
 * Reads the `invites` output from a resource's properties as CrossGuard hands them over. During a
 * preview an output may be unknown: CrossGuard's proxy throws `UnknownValueError` on access, or the
 * output is simply absent. Either way the answer says so instead of passing or crashing.
 */
export function readInvitesOutput(props: Readonly<Record<string, unknown>>): InvitesOutput {
  let value: unknown;
  try {
    value = props["invites"];
    if (Array.isArray(value)) {
      // Touch each organization id, so an unknown nested value is found here and not later.
      const invites = value.map((invite: Invite) => ({ ...invite, organizationId: invite.organizationId }));
      if (invites.every((invite) => typeof invite.organizationId === "string"))
        return { known: true, invites };
      return { known: false, reason: "its invites output is not a list of invites" };
    }
  } catch (error) {
    // CrossGuard's class; matched by name so this package needs no @pulumi/policy.
    if (error instanceof Error && error.constructor.name === "UnknownValueError") {
      return { known: false, reason: error.message };
    }
    throw error;
  }
  if (value === undefined) return { known: false, reason: "its invites output is not known yet" };
  return { known: false, reason: "its invites output is not a list of invites" };
}
