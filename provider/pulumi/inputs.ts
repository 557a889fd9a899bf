import { CREDENTIAL_KEYS } from "../cloudflare/credentials";
import { filterProblems } from "../cloudflare/filters";
import { describeType, unknownKeyProblems, type Problem } from "../core/problems";

/**
 * The resource's inputs as the provider receives them, and what may be done with each: the public
 * ones are echoed into outputs and compared by `diff`; the credentials never leave the read.
 */

/** The inputs that say which data to read: echoed into outputs, compared by `diff`. */
export const PUBLIC_INPUT_KEYS = ["statuses", "organizationIds", "baseUrl"] as const;

/** Every input of the resource: the public ones, then the credentials. */
export const INPUT_KEYS = [...PUBLIC_INPUT_KEYS, ...CREDENTIAL_KEYS] as const;

/** The outputs a read computes, beside the public inputs it echoes. */
export const COMPUTED_OUTPUT_KEYS = [
  "invites",
  "pendingOrganizationIds",
  "organizationsNotEnforcingTwoFactor",
  "inviteCountByStatus",
  "pendingInvitesPastExpiry",
] as const;

/** The key under which the SDK passes the serialized provider along with the inputs. */
const PROVIDER_KEY = "__provider";

/** The resource's inputs as the provider receives them: plain values, secrets unwrapped. */
export interface UserInvitesInputs {
  readonly statuses?: readonly string[] | undefined;
  readonly organizationIds?: readonly string[] | undefined;
  readonly baseUrl?: string | undefined;
  readonly apiToken?: string | undefined;
  readonly apiKey?: string | undefined;
  readonly apiEmail?: string | undefined;
}

/** The resource's inputs without credentials: what may be echoed into outputs and state. */
export type UserInvitesPublicInputs = Pick<UserInvitesInputs, (typeof PUBLIC_INPUT_KEYS)[number]>;

/**
 * Problems with the inputs, by property: unknown keys, filters, and the types of the other args.
 * `asRead` also accepts the computed outputs: on refresh the engine passes the previous outputs.
 */
export function inputProblems(inputs: UserInvitesInputs, { asRead = false } = {}): Problem[] {
  const known: readonly string[] = asRead ? [...INPUT_KEYS, ...COMPUTED_OUTPUT_KEYS] : INPUT_KEYS;
  const problems = [
    ...unknownKeyProblems(inputs, known, "argument", [PROVIDER_KEY]),
    ...filterProblems(inputs),
  ];
  for (const name of ["baseUrl", ...CREDENTIAL_KEYS] as const) {
    const value: unknown = inputs[name];
    if (value !== undefined && value !== null && typeof value !== "string") {
      problems.push({ property: name, reason: `expected a string, got ${describeType(value)}` });
    }
  }
  return problems;
}

/** The inputs minus credentials, leaving out absent keys (outputs must be plain JSON). */
export function publicInputs(inputs: UserInvitesInputs): UserInvitesPublicInputs {
  const result: Record<string, unknown> = {};
  for (const key of PUBLIC_INPUT_KEYS) if (inputs[key] != null) result[key] = inputs[key];
  return result as UserInvitesPublicInputs;
}

/**
 * Whether two sets of inputs ask for different data. Only the public inputs are compared: the
 * engine diffs against the previous outputs, which never hold credentials.
 */
export function inputsDiffer(olds: UserInvitesInputs, news: UserInvitesInputs): boolean {
  return PUBLIC_INPUT_KEYS.some(
    (key) => JSON.stringify(olds[key] ?? null) !== JSON.stringify(news[key] ?? null),
  );
}
