import type {
  PolicyResource,
  ReportViolation,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import { FILTERABLE_STATUSES, ORGANIZATION_ID_PATTERN, type Invite } from "../cloudflare/invite";
import type { Membership } from "../cloudflare/membership";
import {
  USER_INVITES_POLICY_VIEW_TYPE,
  USER_INVITES_READ_TYPES,
  USER_MEMBERSHIPS_POLICY_VIEW_TYPE,
  USER_MEMBERSHIPS_READ_TYPES,
} from "../core/typeTokens";
import { DEFAULT_EXPIRY_WINDOW_DAYS, findExpiringInvites } from "../checks/expiry";
import {
  DEFAULT_COUNTED_STATUSES,
  findMembershipTwoFactorViolations,
  findTwoFactorViolations,
  findUserTwoFactorViolation,
  type MembershipTwoFactorCheck,
  type TwoFactorCheck,
} from "../checks/twoFactor";
import {
  readInvitesOutput,
  readMembershipsOutput,
  readTwoFactorEnabledOutput,
  type KnownOutput,
} from "./outputs";

/**
 * The CrossGuard rules, for a user's own `PolicyPack` (`pulumi-cloudflare-user-invites/policy`).
 * `@pulumi/policy` is only a type here: this module loads neither it nor `@pulumi/pulumi`, and the
 * decisions are the views' own functions, the same ones `audit` and the resource's outputs use.
 */

/** Policy config of {@link twoFactorPolicy}: which invites count, which organizations are exempt. */
export type TwoFactorPolicyConfig = TwoFactorCheck;

/** Policy config of {@link expiringInvitesPolicy}. */
export interface ExpiringInvitesPolicyConfig {
  /** How many days ahead to look; default {@link DEFAULT_EXPIRY_WINDOW_DAYS}. */
  readonly expiringWithinDays?: number;
}

/**
 * What one kind of read hands a policy: each read's output, known or not. Under the Pulumi engine
 * a policy is never handed the TypeScript read itself ("get"-style reads are not among the stack's
 * resources), only the policy-view child each one registers; a stack assembled another way (an
 * offline run) may hold the resource. Either counts once. The plugin's resources (YAML and other
 * languages) are plain resources, handed over with their outputs. `isType()` does not match
 * dynamic resources, so type tokens are compared. Reads whose outputs are not known (a preview
 * whose reads depend on values computed by the update) are returned apart.
 */
function readsOf<Value>(
  resources: readonly PolicyResource[],
  readTypes: readonly string[],
  viewType: string,
  readOutput: (props: Readonly<Record<string, unknown>>) => KnownOutput<Value>,
) {
  const reads = resources.filter((r) => readTypes.includes(r.type));
  const readUrns = new Set(reads.map((r) => r.urn));
  const views = resources.filter((r) => r.type === viewType && !(r.parent && readUrns.has(r.parent.urn)));
  const known: { resource: PolicyResource; value: Value }[] = [];
  const unknown: string[] = [];
  for (const resource of [...reads, ...views]) {
    const output = readOutput(resource.props);
    if (output.known) known.push({ resource, value: output.value });
    else unknown.push(`${resource.urn}: ${output.reason}`);
  }
  return { known, unknown };
}

/** The `invites` of every `UserInvites` read in the stack. */
function userInvites(resources: readonly PolicyResource[]) {
  return readsOf<readonly Invite[]>(
    resources,
    USER_INVITES_READ_TYPES,
    USER_INVITES_POLICY_VIEW_TYPE,
    (props) => {
      const output = readInvitesOutput(props);
      return output.known ? { known: true, value: output.invites } : output;
    },
  );
}

/** Says the rule could not run, rather than passing silently; CrossGuard shows it as not applicable. */
function couldNotRun(
  args: StackValidationArgs,
  unknown: readonly string[],
  what = "the invitations",
  resource = "UserInvites",
): void {
  if (unknown.length > 0) {
    args.notApplicable(
      `could not run: ${what} of ${unknown.join("; ")}. This happens during a preview when a ` +
        `${resource} resource's arguments depend on values the update computes; the check runs on pulumi up.`,
    );
  }
}

/** The exemptions, the same for invitations and memberships: an account is an organization. */
const EXEMPT_ORGANIZATION_IDS = {
  type: "array",
  items: { type: "string", pattern: ORGANIZATION_ID_PATTERN.source },
  default: [],
  description: "Organizations (accounts) allowed not to enforce two-factor authentication.",
} as const;

/**
 * Mandatory by default: one violation per organization reached by a counted invite that does not
 * enforce two-factor authentication (or does not say), against the resource's URN.
 */
export const twoFactorPolicy: StackValidationPolicy = {
  name: "cloudflare-invites-require-two-factor",
  description:
    "Every Cloudflare organization this user is invited to, or has accepted an invite into, must enforce two-factor authentication.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      countedStatuses: {
        type: "array",
        items: { type: "string", enum: [...FILTERABLE_STATUSES] },
        // An empty list would count nothing and pass every stack: CrossGuard refuses it.
        minItems: 1,
        default: [...DEFAULT_COUNTED_STATUSES],
        description: "Invite statuses the check counts (at least one); not a filter of the list.",
      },
      exemptOrganizationIds: EXEMPT_ORGANIZATION_IDS,
    },
  },
  validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
    const config = args.getConfig<TwoFactorPolicyConfig>();
    const { known, unknown } = userInvites(args.resources);
    for (const { resource, value: invites } of known) {
      for (const violation of findTwoFactorViolations(invites, config)) {
        reportViolation(violation.message, resource.urn);
      }
    }
    couldNotRun(args, unknown);
  },
};

/** Advisory: pending invites that expire within `expiringWithinDays` (default 7). */
export const expiringInvitesPolicy: StackValidationPolicy = {
  name: "cloudflare-invites-expiring-soon",
  description: "Pending Cloudflare invitations should be answered before they expire.",
  enforcementLevel: "advisory",
  configSchema: {
    properties: {
      expiringWithinDays: {
        type: "integer",
        minimum: 1,
        default: DEFAULT_EXPIRY_WINDOW_DAYS,
        description: "How many days ahead to look.",
      },
    },
  },
  validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
    const { expiringWithinDays = DEFAULT_EXPIRY_WINDOW_DAYS } = args.getConfig<ExpiringInvitesPolicyConfig>();
    const { known, unknown } = userInvites(args.resources);
    const now = new Date();
    for (const { resource, value: invites } of known) {
      for (const notice of findExpiringInvites(invites, expiringWithinDays, now)) {
        reportViolation(notice.message, resource.urn);
      }
    }
    couldNotRun(args, unknown);
  },
};

/** Both invitation rules, as a `PolicyPack`'s `policies`: `new PolicyPack("invites", { policies: userInvitesPolicies })`. */
export const userInvitesPolicies: readonly StackValidationPolicy[] = [twoFactorPolicy, expiringInvitesPolicy];

// --- Memberships and the user ---

/** Policy config of {@link membershipsTwoFactorPolicy}: which accounts are exempt. */
export type MembershipsTwoFactorPolicyConfig = MembershipTwoFactorCheck;

/** The `memberships` and the user's flag of every `UserMemberships` read in the stack. */
function userMemberships(resources: readonly PolicyResource[]) {
  const read = (props: Readonly<Record<string, unknown>>) =>
    bothKnown(readMembershipsOutput(props), readTwoFactorEnabledOutput(props));
  return readsOf<{ memberships: readonly Membership[]; twoFactorEnabled: boolean }>(
    resources,
    USER_MEMBERSHIPS_READ_TYPES,
    USER_MEMBERSHIPS_POLICY_VIEW_TYPE,
    read,
  );
}

function bothKnown(
  memberships: KnownOutput<readonly Membership[]>,
  twoFactorEnabled: KnownOutput<boolean>,
): KnownOutput<{ memberships: readonly Membership[]; twoFactorEnabled: boolean }> {
  if (!memberships.known) return memberships;
  if (!twoFactorEnabled.known) return twoFactorEnabled;
  return { known: true, value: { memberships: memberships.value, twoFactorEnabled: twoFactorEnabled.value } };
}

/**
 * Mandatory by default: one violation per account the user belongs to (an accepted membership)
 * that does not enforce two-factor authentication (or does not say), against the read's URN.
 */
export const membershipsTwoFactorPolicy: StackValidationPolicy = {
  name: "cloudflare-memberships-require-two-factor",
  description:
    "Every Cloudflare account this user belongs to (an accepted membership) must enforce two-factor authentication.",
  enforcementLevel: "mandatory",
  configSchema: { properties: { exemptOrganizationIds: EXEMPT_ORGANIZATION_IDS } },
  validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
    const config = args.getConfig<MembershipsTwoFactorPolicyConfig>();
    const { known, unknown } = userMemberships(args.resources);
    for (const { resource, value } of known) {
      for (const violation of findMembershipTwoFactorViolations(value.memberships, config)) {
        reportViolation(violation.message, resource.urn);
      }
    }
    couldNotRun(args, unknown, "the memberships", "UserMemberships");
  },
};

/** Mandatory by default: the user whose credentials the stack reads with must have two-factor authentication on. */
export const userTwoFactorPolicy: StackValidationPolicy = {
  name: "cloudflare-user-requires-two-factor",
  description:
    "The Cloudflare user behind the stack's credentials must have two-factor authentication enabled.",
  enforcementLevel: "mandatory",
  validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
    const { known, unknown } = userMemberships(args.resources);
    for (const { resource, value } of known) {
      const violation = findUserTwoFactorViolation({
        twoFactorAuthenticationEnabled: value.twoFactorEnabled,
        twoFactorAuthenticationLocked: false,
      });
      if (violation) reportViolation(violation.message, resource.urn);
    }
    couldNotRun(args, unknown, "the user's two-factor status", "UserMemberships");
  },
};

/** Both membership rules: `new PolicyPack("access", { policies: userMembershipsPolicies })`. */
export const userMembershipsPolicies: readonly StackValidationPolicy[] = [
  membershipsTwoFactorPolicy,
  userTwoFactorPolicy,
];

/** Every rule of this package: invitations, memberships and the user. */
export const userAccessPolicies: readonly StackValidationPolicy[] = [
  ...userInvitesPolicies,
  ...userMembershipsPolicies,
];
