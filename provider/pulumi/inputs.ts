import { filterProblems } from "../cloudflare/filters";
import {
  INPUTS,
  MEMBERSHIP_INPUTS,
  meaningsIn,
  type InputDeclaration,
  type InputSpec,
  type InputValues,
  type MembershipInputValues,
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
 * The resources' inputs as the provider receives them, and what may be done with each, derived
 * from the declarations (`INPUTS` and `MEMBERSHIP_INPUTS` in cloudflare/inputs.ts): the filters and
 * the base URL are echoed into outputs and compared by `diff`; the limits only steer the read; the
 * credentials never leave it.
 */

/** The resource's inputs as the provider receives them: plain values, secrets unwrapped. */
export type UserInvitesInputs = InputValues;

/** The inputs of a declaration that say which data to read: echoed into outputs, compared by `diff`. */
function echoedKeys(declaration: InputDeclaration): string[] {
  return Object.entries(declaration)
    .filter(([, spec]) => spec.secret !== true && spec.type !== "integer")
    .map(([name]) => name);
}

/** The invitations' echoed inputs: the filters and the base URL. */
export const ECHOED_INPUT_KEYS = echoedKeys(INPUTS) as readonly Exclude<PublicInputName, NumericInputName>[];

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

/** The outputs a memberships read computes, beside the echoed inputs. */
export const MEMBERSHIP_OUTPUT_KEYS = [
  "memberships",
  "accountIdsByStatus",
  "accountsNotEnforcingTwoFactor",
  "membershipCountByStatus",
  "twoFactorAuthenticationEnabled",
  "twoFactorAuthenticationLocked",
] as const;

/** A `UserMemberships` resource's inputs as the provider receives them. */
export type UserMembershipsInputs = MembershipInputValues;

/** What tells the two reads apart, for the functions below: their inputs and their outputs. */
export interface ReadShape {
  /** The resource's name, for messages. */
  readonly resource: string;
  readonly declaration: InputDeclaration;
  /** The outputs it computes; on refresh the engine passes them back as inputs. */
  readonly computed: readonly string[];
  /** The echoed inputs, derived from the declaration. */
  readonly echoed: readonly string[];
}

/** The invitations' read. */
export const INVITES_SHAPE: ReadShape = {
  resource: "UserInvites",
  declaration: INPUTS,
  computed: COMPUTED_OUTPUT_KEYS,
  echoed: ECHOED_INPUT_KEYS,
};

/** The memberships' read. */
export const MEMBERSHIPS_SHAPE: ReadShape = {
  resource: "UserMemberships",
  declaration: MEMBERSHIP_INPUTS,
  computed: MEMBERSHIP_OUTPUT_KEYS,
  echoed: echoedKeys(MEMBERSHIP_INPUTS),
};

/** The key under which the SDK passes the serialized provider along with the inputs. */
const PROVIDER_KEY = "__provider";

/**
 * Problems with the inputs, by property: unknown keys, filters, and the type (and bounds) of every
 * other input. `asRead` also accepts the computed outputs: on refresh the engine passes the
 * previous outputs.
 */
export function inputProblems(
  inputs: object,
  { asRead = false, shape = INVITES_SHAPE }: { readonly asRead?: boolean; readonly shape?: ReadShape } = {},
): Problem[] {
  const values = inputs as Readonly<Record<string, unknown>>;
  const names = Object.keys(shape.declaration);
  const known: readonly string[] = asRead ? [...names, ...shape.computed] : names;
  const problems = [
    ...unknownKeyProblems(values, known, "argument", {
      ignored: [PROVIDER_KEY],
      meant: meaningsIn(shape.declaration),
    }),
    ...filterProblems(values, shape.declaration),
  ];
  for (const name of names) {
    const reason = typeProblem(shape.declaration[name] as InputSpec, values[name]);
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
export function echoedInputs(inputs: object, shape = INVITES_SHAPE): EchoedInputs {
  const values = inputs as Readonly<Record<string, unknown>>;
  const result: Record<string, unknown> = {};
  for (const key of shape.echoed) if (values[key] != null) result[key] = values[key];
  return result as EchoedInputs;
}

/**
 * Whether two sets of inputs ask for different data. Only the echoed inputs are compared: the
 * engine diffs against the previous outputs, which hold nothing else of the inputs.
 */
export function inputsDiffer(olds: object, news: object, shape = INVITES_SHAPE): boolean {
  const before = olds as Readonly<Record<string, unknown>>;
  const after = news as Readonly<Record<string, unknown>>;
  return shape.echoed.some(
    (key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null),
  );
}
