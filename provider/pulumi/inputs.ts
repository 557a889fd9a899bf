import { filterProblems } from "../cloudflare/filters";
import {
  INPUT_NAMES,
  INPUTS,
  type InputSpec,
  type InputValues,
  type NumericInputName,
  type PublicInputName,
} from "../cloudflare/inputs";
import {
  describeType,
  isWholeNumberWithin,
  unknownKeyProblems,
  wholeNumberRange,
  type Problem,
} from "../core/problems";

/**
 * The resource's inputs as the provider receives them, and what may be done with each, derived
 * from the one declaration (`INPUTS` in cloudflare/inputs.ts): the filters and the base URL are
 * echoed into outputs and compared by `diff`; the limits only steer the read; the credentials
 * never leave it.
 */

/** The resource's inputs as the provider receives them: plain values, secrets unwrapped. */
export type UserInvitesInputs = InputValues;

/** The inputs that say which data to read: echoed into outputs, compared by `diff`. */
export const ECHOED_INPUT_KEYS = INPUT_NAMES.filter((name) => {
  const spec: InputSpec = INPUTS[name];
  return spec.secret !== true && spec.type !== "integer";
}) as readonly Exclude<PublicInputName, NumericInputName>[];

/** The echoed inputs: what outputs and state may hold of the inputs. */
export type EchoedInputs = Pick<InputValues, (typeof ECHOED_INPUT_KEYS)[number]>;

/** The outputs a read computes, beside the echoed inputs. */
export const COMPUTED_OUTPUT_KEYS = [
  "invites",
  "pendingOrganizationIds",
  "organizationsNotEnforcingTwoFactor",
  "inviteCountByStatus",
  "pendingInvitesPastExpiry",
] as const;

/** The key under which the SDK passes the serialized provider along with the inputs. */
const PROVIDER_KEY = "__provider";

/**
 * Problems with the inputs, by property: unknown keys, filters, and the type (and bounds) of every
 * other input. `asRead` also accepts the computed outputs: on refresh the engine passes the
 * previous outputs.
 */
export function inputProblems(inputs: UserInvitesInputs, { asRead = false } = {}): Problem[] {
  const known: readonly string[] = asRead ? [...INPUT_NAMES, ...COMPUTED_OUTPUT_KEYS] : INPUT_NAMES;
  const problems = [
    ...unknownKeyProblems(inputs, known, "argument", [PROVIDER_KEY]),
    ...filterProblems(inputs),
  ];
  for (const name of INPUT_NAMES) {
    const reason = typeProblem(INPUTS[name], inputs[name]);
    if (reason !== undefined) problems.push({ property: name, reason });
  }
  return problems;
}

/** What is wrong with a string or whole-number input's value (lists are the filters' business). */
function typeProblem(spec: InputSpec, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (spec.type === "string" && typeof value !== "string")
    return `expected a string, got ${describeType(value)}`;
  if (spec.type === "integer" && spec.min !== undefined && spec.max !== undefined) {
    if (!isWholeNumberWithin(value, spec.min, spec.max)) {
      const shown = typeof value === "number" ? String(value) : describeType(value);
      return `expected ${wholeNumberRange(spec.min, spec.max)}, got ${shown}`;
    }
  }
  return undefined;
}

/** The echoed inputs, leaving out absent keys (outputs must be plain JSON). */
export function echoedInputs(inputs: UserInvitesInputs): EchoedInputs {
  const result: Record<string, unknown> = {};
  for (const key of ECHOED_INPUT_KEYS) if (inputs[key] != null) result[key] = inputs[key];
  return result as EchoedInputs;
}

/**
 * Whether two sets of inputs ask for different data. Only the echoed inputs are compared: the
 * engine diffs against the previous outputs, which hold nothing else of the inputs.
 */
export function inputsDiffer(olds: UserInvitesInputs, news: UserInvitesInputs): boolean {
  return ECHOED_INPUT_KEYS.some(
    (key) => JSON.stringify(olds[key] ?? null) !== JSON.stringify(news[key] ?? null),
  );
}
