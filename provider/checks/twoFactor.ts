import type { Invite } from "../cloudflare/invite";
import { CloudflareConfigError } from "../cloudflare/errors";
import { describeInvite, describeOrganization } from "./describe";

/**
 * The two-factor check, the one definition behind the resource's `organizationsNotEnforcingTwoFactor`
 * output, the CrossGuard policy and the `audit` command, with one default: so all three always agree.
 * Plain functions, no dependency on Pulumi or `@pulumi/policy`.
 */

/** The statuses counted when none are given: an invite that can still be accepted, or was. */
export const DEFAULT_COUNTED_STATUSES: readonly string[] = ["pending", "accepted"];

/** Which invites the two-factor check counts. */
export interface TwoFactorCheck {
  /**
   * Invites with these statuses count; default {@link DEFAULT_COUNTED_STATUSES}. Not a filter of
   * the list: which invites give (or may give) access.
   */
  readonly countedStatuses?: readonly string[] | undefined;
  /** Organizations that are allowed not to enforce two-factor authentication. */
  readonly exemptOrganizationIds?: readonly string[] | undefined;
}

/** An organization reached by a counted invite that does not enforce two-factor authentication. */
export interface OrganizationNotEnforcingTwoFactor {
  readonly organizationId: string;
  /** The organization's name, when Cloudflare gave one. */
  readonly organizationName?: string;
  /** `false`: the organization does not enforce two-factor authentication; `null`: Cloudflare did not say. */
  readonly organizationIsEnforcingTwoFactor: false | null;
}

/** One organization that breaks the rule, with the invites that lead into it. */
export interface TwoFactorViolation extends OrganizationNotEnforcingTwoFactor {
  /** The counted invites into this organization. */
  readonly invites: readonly Invite[];
  /** A sentence that names the organization, its id and the invite, and says what to do. */
  readonly message: string;
}

/**
 * One entry per organization reached by a counted invite (default: pending or accepted) whose
 * invites say it does not enforce two-factor authentication, or do not say at all (the field is
 * missing from pre-2024 invites): unknown is reported, never assumed safe. An organization reported
 * as enforcing by any counted invite counts as enforcing. Exempt organizations are left out.
 * Ordered by organization id.
 */
export function organizationsNotEnforcingTwoFactor(
  invites: readonly Invite[],
  check: TwoFactorCheck = {},
): OrganizationNotEnforcingTwoFactor[] {
  return notEnforcing(countedInvites(invites, check));
}

/**
 * {@link organizationsNotEnforcingTwoFactor}, each with the counted invites into it and a message
 * that says what to do: what the policy reports and `audit` prints.
 */
export function findTwoFactorViolations(
  invites: readonly Invite[],
  check: TwoFactorCheck = {},
): TwoFactorViolation[] {
  const counted = countedInvites(invites, check);
  const byOrganization = new Map<string, Invite[]>();
  for (const invite of counted) {
    const into = byOrganization.get(invite.organizationId);
    if (into === undefined) byOrganization.set(invite.organizationId, [invite]);
    else into.push(invite);
  }
  return notEnforcing(counted).map((organization) => {
    const into = byOrganization.get(organization.organizationId) ?? [];
    return { ...organization, invites: into, message: violationMessage(organization, into) };
  });
}

/** The organizations that the given, already counted, invites say do not enforce two-factor authentication. */
function notEnforcing(counted: readonly Invite[]): OrganizationNotEnforcingTwoFactor[] {
  const byOrganization = new Map<string, OrganizationNotEnforcingTwoFactor | "enforcing">();
  for (const invite of counted) {
    const known = byOrganization.get(invite.organizationId);
    if (invite.organizationIsEnforcingTwoFactor === true) {
      byOrganization.set(invite.organizationId, "enforcing");
      continue;
    }
    if (known === "enforcing" || known?.organizationIsEnforcingTwoFactor === false) continue;
    const entry: {
      -readonly [K in keyof OrganizationNotEnforcingTwoFactor]: OrganizationNotEnforcingTwoFactor[K];
    } = {
      organizationId: invite.organizationId,
      organizationIsEnforcingTwoFactor: invite.organizationIsEnforcingTwoFactor === false ? false : null,
    };
    const name = invite.organizationName ?? (known === undefined ? undefined : known.organizationName);
    if (name !== undefined) entry.organizationName = name;
    byOrganization.set(invite.organizationId, entry);
  }
  return [...byOrganization.values()]
    .filter((entry): entry is OrganizationNotEnforcingTwoFactor => entry !== "enforcing")
    .sort((a, b) => (a.organizationId < b.organizationId ? -1 : a.organizationId > b.organizationId ? 1 : 0));
}

/** The invites the check counts: of a counted status, into an organization that is not exempt. */
function countedInvites(invites: readonly Invite[], check: TwoFactorCheck): Invite[] {
  if (check.countedStatuses !== undefined && check.countedStatuses.length === 0) {
    // An empty list would count no invite and pass every stack: a switched-off check, never meant.
    throw new CloudflareConfigError(
      "countedStatuses is empty, so the two-factor check would count no invite and pass everything; " +
        `list the statuses that count (default: ${DEFAULT_COUNTED_STATUSES.join(", ")}), or leave it out.`,
    );
  }
  const statuses = new Set(check.countedStatuses ?? DEFAULT_COUNTED_STATUSES);
  const exempt = new Set(check.exemptOrganizationIds ?? []);
  return invites.filter(
    (invite) =>
      invite.status !== undefined && statuses.has(invite.status) && !exempt.has(invite.organizationId),
  );
}

function violationMessage(
  organization: OrganizationNotEnforcingTwoFactor,
  invites: readonly Invite[],
): string {
  const state =
    organization.organizationIsEnforcingTwoFactor === false
      ? "does not enforce two-factor authentication"
      : "does not report whether it enforces two-factor authentication";
  return (
    `Organization ${describeOrganization(organization)} ${state}: ${invites.map(describeInvite).join("; ")}. ` +
    `Ask its administrators to enforce two-factor authentication, reject the invite, or exempt the ` +
    `organization with exemptOrganizationIds.`
  );
}
