import type { Invite } from "../cloudflare/invite";
import {
  ACCESS_MEMBERSHIP_STATUSES,
  type Membership,
  type UserTwoFactorStatus,
} from "../cloudflare/membership";
import { CloudflareConfigError } from "../cloudflare/errors";
import { describeInvite, describeMembership, describeOrganization } from "./describe";

/**
 * The two-factor checks, the one definition behind the resources' `organizationsNotEnforcingTwoFactor`
 * and `accountsNotEnforcingTwoFactor` outputs, the CrossGuard policies and the `audit` command, with
 * one default each: so all three always agree. The same rule for invitations and memberships (an
 * account that does not say counts as not enforcing; one that says it enforces, anywhere, does),
 * and the user's own flag. Plain functions, no dependency on Pulumi or `@pulumi/policy`.
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
  const byOrganization = groupBy(counted, (invite) => invite.organizationId);
  return notEnforcing(counted).map((organization) => {
    const into = byOrganization.get(organization.organizationId) ?? [];
    return { ...organization, invites: into, message: violationMessage(organization, into) };
  });
}

/** The organizations that the given, already counted, invites say do not enforce two-factor authentication. */
function notEnforcing(counted: readonly Invite[]): OrganizationNotEnforcingTwoFactor[] {
  return accountsNotEnforcing(counted, (invite) => ({
    id: invite.organizationId,
    name: invite.organizationName,
    enforcing: invite.organizationIsEnforcingTwoFactor,
  })).map(({ id, name, enforcing }) => {
    const entry: OrganizationNotEnforcingTwoFactor = {
      organizationId: id,
      organizationIsEnforcingTwoFactor: enforcing,
    };
    return name === undefined ? entry : { ...entry, organizationName: name };
  });
}

/** What the rule needs to know of an invite or a membership: its account, and what it says. */
interface AccountFacts {
  readonly id: string;
  readonly name?: string | undefined;
  readonly enforcing?: boolean | undefined;
}

/**
 * The accounts the items say do not enforce two-factor authentication, or do not say: one entry
 * per account, ordered by id. An account reported as enforcing by any item counts as enforcing;
 * a name given by any item is kept.
 */
function accountsNotEnforcing<Item>(
  items: readonly Item[],
  factsOf: (item: Item) => AccountFacts,
): { id: string; name?: string; enforcing: false | null }[] {
  const byAccount = new Map<string, { id: string; name?: string; enforcing: false | null } | "enforcing">();
  for (const item of items) {
    const facts = factsOf(item);
    const known = byAccount.get(facts.id);
    if (facts.enforcing === true) {
      byAccount.set(facts.id, "enforcing");
      continue;
    }
    if (known === "enforcing" || known?.enforcing === false) continue;
    const name = facts.name ?? known?.name;
    byAccount.set(facts.id, {
      id: facts.id,
      enforcing: facts.enforcing === false ? false : null,
      ...(name === undefined ? {} : { name }),
    });
  }
  return [...byAccount.values()]
    .filter((entry) => entry !== "enforcing")
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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

// --- Memberships and the user ---

/** Which memberships the two-factor check counts: the accepted ones, of accounts not exempt. */
export interface MembershipTwoFactorCheck {
  /** Accounts (organizations) that are allowed not to enforce two-factor authentication. */
  readonly exemptOrganizationIds?: readonly string[] | undefined;
}

/** An account the user belongs to (an accepted membership) that does not enforce two-factor authentication. */
export interface AccountNotEnforcingTwoFactor {
  readonly accountId: string;
  /** The account's name, when Cloudflare gave one. */
  readonly accountName?: string;
  /** `false`: the account does not enforce two-factor authentication; `null`: Cloudflare did not say. */
  readonly accountIsEnforcingTwoFactor: false | null;
}

/** One account that breaks the rule, with the membership that gives the user access to it. */
export interface MembershipTwoFactorViolation extends AccountNotEnforcingTwoFactor {
  /** The accepted memberships of this account. */
  readonly memberships: readonly Membership[];
  /** A sentence that names the account, its id and the membership, and says what to do. */
  readonly message: string;
}

/**
 * The accounts of accepted memberships that do not enforce two-factor authentication, or do not
 * say: the user holds access to them now. Exempt accounts are left out; ordered by account id.
 */
export function accountsNotEnforcingTwoFactor(
  memberships: readonly Membership[],
  check: MembershipTwoFactorCheck = {},
): AccountNotEnforcingTwoFactor[] {
  return accountsNotEnforcing(accessMemberships(memberships, check), membershipFacts).map(toAccount);
}

/** {@link accountsNotEnforcingTwoFactor}, each with its memberships and a message: what the policy reports and `audit` prints. */
export function findMembershipTwoFactorViolations(
  memberships: readonly Membership[],
  check: MembershipTwoFactorCheck = {},
): MembershipTwoFactorViolation[] {
  const counted = accessMemberships(memberships, check);
  const byAccount = groupBy(counted, (m) => m.accountId);
  return accountsNotEnforcing(counted, membershipFacts).map((entry) => {
    const of = byAccount.get(entry.id) ?? [];
    const state =
      entry.enforcing === false
        ? "does not enforce two-factor authentication"
        : "does not report whether it enforces two-factor authentication";
    const message =
      `Account ${describeOrganization({ organizationId: entry.id, organizationName: entry.name })} ${state}, ` +
      `and this user holds access to it: ${of.map(describeMembership).join("; ")}. Ask its administrators ` +
      `to enforce two-factor authentication, leave the account, or exempt it with exemptOrganizationIds.`;
    return { ...toAccount(entry), memberships: of, message };
  });
}

/** The memberships the check counts: those that give access, of accounts not exempt. */
function accessMemberships(
  memberships: readonly Membership[],
  check: MembershipTwoFactorCheck,
): Membership[] {
  const exempt = new Set(check.exemptOrganizationIds ?? []);
  return memberships.filter(
    (m) =>
      m.status !== undefined && ACCESS_MEMBERSHIP_STATUSES.includes(m.status) && !exempt.has(m.accountId),
  );
}

function membershipFacts(membership: Membership): AccountFacts {
  return {
    id: membership.accountId,
    name: membership.accountName,
    enforcing: membership.accountIsEnforcingTwoFactor,
  };
}

function toAccount(entry: {
  id: string;
  name?: string;
  enforcing: false | null;
}): AccountNotEnforcingTwoFactor {
  const account: AccountNotEnforcingTwoFactor = {
    accountId: entry.id,
    accountIsEnforcingTwoFactor: entry.enforcing,
  };
  return entry.name === undefined ? account : { ...account, accountName: entry.name };
}

/** The items by a key, each group in the items' order: one pass, not a filter per key. */
function groupBy<Item>(items: readonly Item[], keyOf: (item: Item) => string): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group === undefined) groups.set(keyOf(item), [item]);
    else group.push(item);
  }
  return groups;
}

/** The user's own two-factor status as a violation: a message when it is off, else `undefined`. */
export function findUserTwoFactorViolation(
  user: UserTwoFactorStatus,
): { readonly message: string } | undefined {
  if (user.twoFactorAuthenticationEnabled) return undefined;
  return {
    message:
      "This Cloudflare user does not have two-factor authentication enabled: anyone with its password " +
      "can sign in to every account it belongs to. Turn it on under My Profile > Authentication.",
  };
}
