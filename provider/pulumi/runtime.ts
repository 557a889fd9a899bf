import { listUserInvitesFrom, readUserAccessFrom, type SettingSources } from "../cloudflare/client";
import { environmentSource, OPTION_NAMES, valuesNamed } from "../cloudflare/credentials";
import { CloudflareConfigError } from "../cloudflare/errors";
import { CONFIG_NAMES, ENV_NAMES } from "../cloudflare/inputs";
import type { Invite } from "../cloudflare/invite";
import type { Membership } from "../cloudflare/membership";
import { formatProblems } from "../core/problems";
import {
  summarizeInvites,
  summarizeMemberships,
  type InviteSummary,
  type MembershipSummary,
} from "../checks/summary";
import {
  echoedInputs,
  inputProblems,
  inputsDiffer,
  INVITES_SHAPE,
  MEMBERSHIPS_SHAPE,
  type EchoedInputs,
  type ReadShape,
  type UserInvitesInputs,
  type UserMembershipsInputs,
} from "./inputs";

/**
 * What the dynamic provider runs, in the provider host. This module is the one thing the
 * serialized provider requires (`pulumi-cloudflare-user-invites/runtime` once installed), so its
 * exports are kept stable: state written by older versions loads it by that name.
 */

export { inputProblems, inputsDiffer } from "./inputs";
export type { EchoedInputs, UserInvitesInputs, UserMembershipsInputs } from "./inputs";

/** The id every `UserInvites` read reports: the resource is a view of one user's invitations. */
export const USER_INVITES_ID = "cloudflare-user-invites";

/** The id every `UserMemberships` read reports. */
export const USER_MEMBERSHIPS_ID = "cloudflare-user-memberships";

/** The resource's outputs. Plain JSON: no `undefined`, no `Date`. */
export interface UserInvitesOutputs extends InviteSummary, EchoedInputs {
  /** Every invitation that matches the filters, in a stable order. */
  readonly invites: readonly Invite[];
}

/** Settings from the stack config, read by the provider's `configure` and by the invokes. */
export interface StackSettings {
  readonly apiToken?: string | undefined;
  readonly apiKey?: string | undefined;
  readonly apiEmail?: string | undefined;
  readonly baseUrl?: string | undefined;
}

/**
 * Reads the stack settings through `get`, by the official `@pulumi/cloudflare` provider's config
 * keys unless other `names` are given (the plugin's own).
 */
export function stackSettingsFrom(
  get: (key: string) => string | undefined,
  names: typeof CONFIG_NAMES = CONFIG_NAMES,
): StackSettings {
  return { ...valuesNamed(names, get), baseUrl: get(names.baseUrl) };
}

/** How a read is steered: see {@link readUserInvites}. */
export interface ReadOptions {
  readonly onlyInputs?: boolean;
  /** How the user knows the config keys, for messages: `cloudflare:apiToken` by default; the plugin's own. */
  readonly configNames?: typeof CONFIG_NAMES;
}

/**
 * Reads the invitations for a resource and computes its outputs. Credentials come from the
 * explicit inputs, then the stack config, then `CLOUDFLARE_*`; the base URL likewise. Inputs are
 * validated here too, because the engine does not call `check` before a read.
 */
export async function readUserInvites(
  inputs: UserInvitesInputs,
  stack: StackSettings,
  options: ReadOptions = {},
): Promise<UserInvitesOutputs> {
  const invites = await listUserInvitesFrom(inputs, checkedSources(INVITES_SHAPE, inputs, stack, options));
  return { ...echoedInputs(inputs), invites, ...summarizeInvites(invites, new Date()) };
}

/** A `UserMemberships` resource's outputs. Plain JSON. */
export interface UserMembershipsOutputs extends MembershipSummary, MembershipEchoedInputs {
  /** Every membership that matches the filters, ordered by account id, then membership id. */
  readonly memberships: readonly Membership[];
}

/** What the memberships' outputs hold of the inputs: the filters and the base URL. */
type MembershipEchoedInputs = Pick<UserMembershipsInputs, "statuses" | "accountIds" | "baseUrl">;

/**
 * Reads the memberships and the user's own two-factor status, side by side, and computes the
 * outputs; credentials and validation as for {@link readUserInvites}.
 */
export async function readUserMemberships(
  inputs: UserMembershipsInputs,
  stack: StackSettings,
  options: ReadOptions = {},
): Promise<UserMembershipsOutputs> {
  const sources = checkedSources(MEMBERSHIPS_SHAPE, inputs, stack, options);
  const { memberships, user } = await readUserAccessFrom(inputs, sources);
  return {
    ...(echoedInputs(inputs, MEMBERSHIPS_SHAPE) as MembershipEchoedInputs),
    memberships,
    ...summarizeMemberships(memberships, user),
  };
}

/**
 * Validates a read's inputs and says where its settings come from: the inputs, then the stack
 * config, then `CLOUDFLARE_*`.
 */
function checkedSources(
  shape: ReadShape,
  inputs: UserInvitesInputs | UserMembershipsInputs,
  stack: StackSettings,
  { onlyInputs = false, configNames = CONFIG_NAMES }: ReadOptions,
): SettingSources {
  // The provider's read also gets the previous outputs (on refresh); serialized providers in old
  // state call this without options, so accepting them is the default. Invokes pass `onlyInputs`.
  const problems = inputProblems(inputs, { asRead: !onlyInputs, shape });
  if (problems.length > 0) {
    throw new CloudflareConfigError(`Invalid ${shape.resource} arguments: ${formatProblems(problems)}.`);
  }
  const refresh = shape.computed.some((key) => key in inputs);
  return {
    credentials: [
      { values: inputs, names: OPTION_NAMES },
      { values: stack, names: configNames },
      environmentSource(process.env),
    ],
    baseUrl: [
      { value: inputs.baseUrl, name: "baseUrl" },
      { value: stack.baseUrl, name: configNames.baseUrl },
      { value: process.env[ENV_NAMES.baseUrl], name: ENV_NAMES.baseUrl },
    ],
    // On `pulumi refresh` the engine passes the previous outputs, which never hold credentials.
    missingCredentialsNote: refresh
      ? "This is a refresh (pulumi refresh, or up --refresh): the resource's own apiToken / apiKey / " +
        "apiEmail args are never stored in its outputs, so a refresh reads with the stack config or " +
        `the environment. Set ${configNames.apiToken}, or ${ENV_NAMES.apiToken}, for the refresh.`
      : "",
  };
}

/** The two reads, by kind, as the providers call them. */
export const READS = {
  invites: {
    id: USER_INVITES_ID,
    problems: (inputs: object) => inputProblems(inputs),
    differ: (olds: object, news: object) => inputsDiffer(olds, news),
    read: readUserInvites as (inputs: object, stack: StackSettings, options?: ReadOptions) => Promise<object>,
  },
  memberships: {
    id: USER_MEMBERSHIPS_ID,
    problems: (inputs: object) => inputProblems(inputs, { shape: MEMBERSHIPS_SHAPE }),
    differ: (olds: object, news: object) => inputsDiffer(olds, news, MEMBERSHIPS_SHAPE),
    read: readUserMemberships as (
      inputs: object,
      stack: StackSettings,
      options?: ReadOptions,
    ) => Promise<object>,
  },
} as const;

/** Which read: `invites` or `memberships`. */
export type ReadKind = keyof typeof READS;
