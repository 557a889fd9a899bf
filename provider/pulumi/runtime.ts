import { listUserInvitesFrom } from "../cloudflare/client";
import { environmentSource, OPTION_NAMES, valuesNamed } from "../cloudflare/credentials";
import { CloudflareConfigError } from "../cloudflare/errors";
import { CONFIG_NAMES, ENV_NAMES } from "../cloudflare/inputs";
import type { Invite } from "../cloudflare/invite";
import { formatProblems } from "../core/problems";
import { summarizeInvites, type InviteSummary } from "../checks/summary";
import { echoedInputs, inputProblems, type EchoedInputs, type UserInvitesInputs } from "./inputs";

/**
 * What the dynamic provider runs, in the provider host. This module is the one thing the
 * serialized provider requires (`pulumi-cloudflare-user-invites/runtime` once installed), so its
 * exports are kept stable: state written by older versions loads it by that name.
 */

export { inputProblems, inputsDiffer } from "./inputs";
export type { EchoedInputs, UserInvitesInputs } from "./inputs";

/** The id every `UserInvites` read reports: the resource is a view of one user's invitations. */
export const USER_INVITES_ID = "cloudflare-user-invites";

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

/**
 * Reads the invitations for a resource and computes its outputs. Credentials come from the
 * explicit inputs, then the stack config, then `CLOUDFLARE_*`; the base URL likewise. Inputs are
 * validated here too, because the engine does not call `check` before a read.
 */
export async function readUserInvites(
  inputs: UserInvitesInputs,
  stack: StackSettings,
  {
    onlyInputs = false,
    configNames = CONFIG_NAMES,
  }: {
    readonly onlyInputs?: boolean;
    /** How the user knows the config keys, for messages: `cloudflare:apiToken` by default; the plugin's own. */
    readonly configNames?: typeof CONFIG_NAMES;
  } = {},
): Promise<UserInvitesOutputs> {
  // The provider's read also gets the previous outputs (on refresh); serialized providers in old
  // state call this without options, so accepting them is the default. Invokes pass `onlyInputs`.
  const problems = inputProblems(inputs, { asRead: !onlyInputs });
  if (problems.length > 0) {
    throw new CloudflareConfigError(`Invalid UserInvites arguments: ${formatProblems(problems)}.`);
  }
  const invites = await listUserInvitesFrom(inputs, {
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
    missingCredentialsNote:
      "invites" in inputs
        ? "This is a refresh (pulumi refresh, or up --refresh): the resource's own apiToken / apiKey / " +
          "apiEmail args are never stored in its outputs, so a refresh reads with the stack config or " +
          `the environment. Set ${configNames.apiToken}, or ${ENV_NAMES.apiToken}, for the refresh.`
        : "",
  });
  return { ...echoedInputs(inputs), invites, ...summarizeInvites(invites, new Date()) };
}
