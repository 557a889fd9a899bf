import type {
  PolicyResource,
  ReportViolation,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import { FILTERABLE_STATUSES, ORGANIZATION_ID_PATTERN, type Invite } from "../cloudflare/invite";
import { USER_INVITES_POLICY_VIEW_TYPE, USER_INVITES_READ_TYPES } from "../core/typeTokens";
import { DEFAULT_EXPIRY_WINDOW_DAYS, findExpiringInvites } from "../checks/expiry";
import { DEFAULT_COUNTED_STATUSES, findTwoFactorViolations, type TwoFactorCheck } from "../checks/twoFactor";
import { readInvitesOutput } from "./invitesOutput";

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
 * The `invites` output of every `UserInvites` read in the stack. Under the Pulumi engine a policy is
 * never handed the TypeScript read itself ("get"-style reads are not among the stack's resources),
 * only the `UserInvitesPolicyView` child each one registers; a stack assembled another way (an
 * offline run) may hold the resource. Either counts once. The plugin's resource (YAML and other
 * languages) is a plain resource, handed over with its outputs. `isType()` does not match dynamic resources, so type
 * tokens are compared. Reads whose outputs are not known (a preview whose reads depend on values
 * computed by the update) are returned apart.
 */
function userInvites(resources: readonly PolicyResource[]) {
  const reads = resources.filter((r) => USER_INVITES_READ_TYPES.includes(r.type));
  const readUrns = new Set(reads.map((r) => r.urn));
  const views = resources.filter(
    (r) => r.type === USER_INVITES_POLICY_VIEW_TYPE && !(r.parent && readUrns.has(r.parent.urn)),
  );
  const known: { resource: PolicyResource; invites: readonly Invite[] }[] = [];
  const unknown: string[] = [];
  for (const resource of [...reads, ...views]) {
    const output = readInvitesOutput(resource.props);
    if (output.known) known.push({ resource, invites: output.invites });
    else unknown.push(`${resource.urn}: ${output.reason}`);
  }
  return { known, unknown };
}

/** Says the rule could not run, rather than passing silently; CrossGuard shows it as not applicable. */
function couldNotRun(args: StackValidationArgs, unknown: readonly string[]): void {
  if (unknown.length > 0) {
    args.notApplicable(
      `could not run: the invitations of ${unknown.join("; ")}. This happens during a preview when a ` +
        `UserInvites resource's arguments depend on values the update computes; the check runs on pulumi up.`,
    );
  }
}

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
      exemptOrganizationIds: {
        type: "array",
        items: { type: "string", pattern: ORGANIZATION_ID_PATTERN.source },
        default: [],
        description: "Organizations allowed not to enforce two-factor authentication.",
      },
    },
  },
  validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
    const config = args.getConfig<TwoFactorPolicyConfig>();
    const { known, unknown } = userInvites(args.resources);
    for (const { resource, invites } of known) {
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
    for (const { resource, invites } of known) {
      for (const notice of findExpiringInvites(invites, expiringWithinDays, now)) {
        reportViolation(notice.message, resource.urn);
      }
    }
    couldNotRun(args, unknown);
  },
};

/** Both rules, as a `PolicyPack`'s `policies`: `new PolicyPack("invites", { policies: userInvitesPolicies })`. */
export const userInvitesPolicies: readonly StackValidationPolicy[] = [twoFactorPolicy, expiringInvitesPolicy];
