import { listUserInvitesFrom } from "./client";
import { CONFIG_NAMES, environmentSource, OPTION_NAMES } from "./credentials";
import { CloudflareConfigError } from "./errors";
import { filterProblems, formatProblems, type FilterProblem } from "./filters";
import type { Invite } from "./schema";
import { summarizeInvites, type InviteSummary } from "./summary";

/**
 * What the dynamic provider runs, in the provider host. This module is the one thing the
 * serialized provider requires (`pulumi-cloudflare-user-invites/runtime` once installed), so its
 * exports are kept stable: state written by older versions loads it by that name.
 */

/** The id every `UserInvites` read reports: the resource is a view of one user's invitations. */
export const USER_INVITES_ID = "cloudflare-user-invites";

/** The resource's inputs as the provider receives them: plain values, secrets unwrapped. */
export interface UserInvitesInputs {
  readonly status?: readonly string[] | undefined;
  readonly organizationIds?: readonly string[] | undefined;
  readonly baseUrl?: string | undefined;
  readonly apiToken?: string | undefined;
  readonly apiKey?: string | undefined;
  readonly apiEmail?: string | undefined;
}

/** The resource's inputs without credentials: what may be echoed into outputs and state. */
export type UserInvitesPublicInputs = Pick<UserInvitesInputs, "status" | "organizationIds" | "baseUrl">;

/** The resource's outputs. Plain JSON: no `undefined`, no `Date`. */
export interface UserInvitesOutputs extends InviteSummary, UserInvitesPublicInputs {
  /** Every invitation that matches the filters, in a stable order. */
  readonly invites: readonly Invite[];
}

/** Settings from the stack config, read by the provider's `configure`. */
export interface StackSettings {
  readonly apiToken?: string | undefined;
  readonly apiKey?: string | undefined;
  readonly apiEmail?: string | undefined;
  readonly baseUrl?: string | undefined;
}

/** Reads the official `@pulumi/cloudflare` provider's config keys through `get`. */
export function stackSettingsFrom(get: (key: string) => string | undefined): StackSettings {
  return {
    apiToken: get(CONFIG_NAMES.apiToken),
    apiKey: get(CONFIG_NAMES.apiKey),
    apiEmail: get(CONFIG_NAMES.apiEmail),
    baseUrl: get("cloudflare:baseUrl"),
  };
}

/** Problems with the inputs, by property: filters, and the types of the other args. */
export function inputProblems(inputs: UserInvitesInputs): FilterProblem[] {
  const problems = filterProblems(inputs);
  for (const name of ["baseUrl", "apiToken", "apiKey", "apiEmail"] as const) {
    const value: unknown = inputs[name];
    if (value !== undefined && value !== null && typeof value !== "string") {
      problems.push({ property: name, reason: `expected a string, got ${typeof value}` });
    }
  }
  return problems;
}

/**
 * Reads the invitations for a resource and computes its outputs. Credentials come from the
 * explicit inputs, then the stack config, then `CLOUDFLARE_*`; the base URL likewise. Inputs are
 * validated here too, because the engine does not call `check` before a read.
 */
export async function readUserInvites(
  inputs: UserInvitesInputs,
  stack: StackSettings,
  now: Date = new Date(),
): Promise<UserInvitesOutputs> {
  const problems = inputProblems(inputs);
  if (problems.length > 0) {
    throw new CloudflareConfigError(`Invalid UserInvites arguments: ${formatProblems(problems)}.`);
  }
  const invites = await listUserInvitesFrom(inputs, {
    credentials: [
      { values: inputs, names: OPTION_NAMES },
      { values: stack, names: CONFIG_NAMES },
      environmentSource(process.env),
    ],
    baseUrl: [
      { value: inputs.baseUrl, name: "baseUrl" },
      { value: stack.baseUrl, name: "cloudflare:baseUrl" },
      { value: process.env["CLOUDFLARE_BASE_URL"], name: "CLOUDFLARE_BASE_URL" },
    ],
    // On `pulumi refresh` the engine passes the previous outputs, which never hold credentials.
    missingCredentialsNote:
      "invites" in inputs
        ? "This is a refresh (pulumi refresh, or up --refresh): the resource's own apiToken / apiKey / " +
          "apiEmail args are never stored in its outputs, so a refresh reads with the stack config or " +
          "the environment. Set cloudflare:apiToken, or CLOUDFLARE_API_TOKEN, for the refresh."
        : "",
  });
  return { ...publicInputs(inputs), invites, ...summarizeInvites(invites, now) };
}

/** The inputs minus credentials, leaving out absent keys (outputs must be plain JSON). */
export function publicInputs(inputs: UserInvitesInputs): UserInvitesPublicInputs {
  const result: { -readonly [K in keyof UserInvitesPublicInputs]: UserInvitesPublicInputs[K] } = {};
  if (inputs.status != null) result.status = inputs.status;
  if (inputs.organizationIds != null) result.organizationIds = inputs.organizationIds;
  if (inputs.baseUrl != null) result.baseUrl = inputs.baseUrl;
  return result;
}

/**
 * Whether two sets of inputs ask for different data. Only the public inputs are compared: the
 * engine diffs against the previous outputs, which never hold credentials.
 */
export function inputsDiffer(olds: UserInvitesInputs, news: UserInvitesInputs): boolean {
  const keys = ["status", "organizationIds", "baseUrl"] as const;
  return keys.some((key) => JSON.stringify(olds[key] ?? null) !== JSON.stringify(news[key] ?? null));
}
