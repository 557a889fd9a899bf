import { MAX_TIMER_MS } from "../core/limits";
import { describeType, isWholeNumberWithin, wholeNumberRange } from "../core/problems";
import { CloudflareConfigError } from "./errors";
import { FILTERABLE_STATUSES, ORGANIZATION_ID_PATTERN } from "./invite";
import { KNOWN_MEMBERSHIP_STATUSES } from "./membership";

/**
 * Every input of a read, declared once: the client's options, the resources' and the invokes'
 * args, the providers' inputs, the stack config and environment variables they fall back to, and
 * the plugin's schema are all derived from {@link INPUTS} (invitations) and {@link MEMBERSHIP_INPUTS}
 * (memberships), which share every input but their filters. Plain data only: the provider is
 * serialized by value when used from source.
 */

/** What one input is. */
export interface InputSpec {
  /** `string[]` for the filters, `integer` for the limits. */
  readonly type: "string" | "string[]" | "integer";
  /** One sentence for docs, the schema and `--help`. */
  readonly description: string;
  /** A credential: sent as a secret, scrubbed from every message, never echoed into outputs. */
  readonly secret?: true;
  /** The stack config key read when the input is not given (the one `@pulumi/cloudflare` reads). */
  readonly config?: string;
  /** The environment variable read after the stack config (the one every Cloudflare SDK reads). */
  readonly env?: string;
  /**
   * The value used when no source gives one. (Not named `default`: Pulumi's closure serializer
   * fails on any captured object with a `default` property holding a plain value.)
   */
  readonly defaultValue?: string | number;
  /** The values a list may hold. */
  readonly values?: readonly string[];
  /** A filter: the field of a listed item its values are matched against. */
  readonly matches?: string;
  /** A filter: what one value is, and what several are, for messages ("invite status", "statuses"). */
  readonly item?: { readonly one: string; readonly many: string };
  /**
   * Names a caller reaches for that mean this input: the other read's word for the same thing
   * (Cloudflare calls an invitation's organization an account). An unknown key with one of these
   * names is answered "did you mean" this input.
   */
  readonly alsoCalled?: readonly string[];
  /** The pattern each value of a list must match, said in words for messages. */
  readonly pattern?: { readonly regex: RegExp; readonly expected: string };
  /** Bounds of a whole number. */
  readonly min?: number;
  readonly max?: number;
}

/** The largest `maxResponseBytes`: a body is held as one string, and V8 strings stop near 512 MiB. */
const MAX_RESPONSE_BYTES = 256 * 1024 * 1024;

/** What an account (organization) id filter expects of each value. */
const ACCOUNT_ID = {
  regex: ORGANIZATION_ID_PATTERN,
  expected: "32 lowercase hex characters, as shown in the Cloudflare dashboard URL",
} as const;

/** The inputs every read shares: where to connect, with which credentials, within which limits. */
export const CONNECTION_INPUTS = {
  /** API root. Default: `cloudflare:baseUrl`, then `CLOUDFLARE_BASE_URL`, else Cloudflare's. */
  baseUrl: {
    type: "string",
    description: "The API root; https://, or http:// to a loopback address only.",
    config: "cloudflare:baseUrl",
    env: "CLOUDFLARE_BASE_URL",
    defaultValue: "https://api.cloudflare.com/client/v4",
  },
  /** API token (`Authorization: Bearer`). Default: `cloudflare:apiToken`, then `CLOUDFLARE_API_TOKEN`. */
  apiToken: {
    type: "string",
    description:
      "A user API token with User > Memberships > Read (and User > User Details > Read for the memberships).",
    secret: true,
    config: "cloudflare:apiToken",
    env: "CLOUDFLARE_API_TOKEN",
  },
  /** Global API key, with `apiEmail`. Default: `cloudflare:apiKey`, then `CLOUDFLARE_API_KEY`. */
  apiKey: {
    type: "string",
    description: "A Global API key, used with apiEmail when no API token is given.",
    secret: true,
    config: "cloudflare:apiKey",
    env: "CLOUDFLARE_API_KEY",
  },
  /** Email of the Global API key's user. Default: `cloudflare:email`, then `CLOUDFLARE_EMAIL`. */
  apiEmail: {
    type: "string",
    description: "The email address of the Global API key's user.",
    secret: true,
    config: "cloudflare:email",
    env: "CLOUDFLARE_EMAIL",
  },
  /** Time allowed for one attempt (connect, headers and body), in ms. Default 30 000. */
  timeoutMs: {
    type: "integer",
    description: "Time allowed for one attempt (connect, headers and body), in milliseconds.",
    defaultValue: 30_000,
    min: 1,
    max: MAX_TIMER_MS,
  },
  /** Retries after the first attempt, on 408, 429, 5xx and connection errors. Default 3. */
  maxRetries: {
    type: "integer",
    description: "Retries after the first attempt, on 408, 429, 5xx and connection errors.",
    defaultValue: 3,
    min: 0,
    max: 100,
  },
  /** The longest `Retry-After` waited out, in ms; a longer one fails at once. Default 60 000. */
  maxRetryAfterMs: {
    type: "integer",
    description: "The longest Retry-After waited out, in milliseconds; a longer one fails at once.",
    defaultValue: 60_000,
    min: 0,
    max: MAX_TIMER_MS,
  },
  /** First backoff step, in ms, doubled per retry up to 8 s. Default 500. */
  backoffBaseMs: {
    type: "integer",
    description: "First backoff step in milliseconds, doubled per retry up to 8 s.",
    defaultValue: 500,
    min: 0,
    max: MAX_TIMER_MS,
  },
  /** Most pages fetched by one read: more is an error, never a silently partial list. Default 500. */
  maxPages: {
    type: "integer",
    description: "Most pages fetched by one read: more is an error, never a partial list.",
    defaultValue: 500,
    min: 1,
    max: 100_000,
  },
  /** Most bytes one response may have (32 MiB, about 80,000 invites); counted as it streams. */
  maxResponseBytes: {
    type: "integer",
    description: "Most bytes one response may have; a larger one fails, unretried.",
    defaultValue: 32 * 1024 * 1024,
    min: 1,
    max: MAX_RESPONSE_BYTES,
  },
} as const satisfies Record<string, InputSpec>;

/** The inputs of an invitations read, by name, in the order they are documented. */
export const INPUTS = {
  /** Keep only invites with these statuses, e.g. `["pending"]`. */
  statuses: {
    type: "string[]",
    description: 'Keep only invites with these statuses, e.g. ["pending"].',
    values: FILTERABLE_STATUSES,
    matches: "status",
    item: { one: "invite status", many: "statuses" },
  },
  /** Keep only invites into these organizations (32-character hex ids, as in the dashboard's URL). */
  organizationIds: {
    type: "string[]",
    description:
      "Keep only invites into these organizations (32-character hex ids, as in the dashboard's URL).",
    pattern: ACCOUNT_ID,
    matches: "organizationId",
    item: { one: "organization id", many: "organization ids" },
    alsoCalled: ["accountIds"],
  },
  ...CONNECTION_INPUTS,
} as const satisfies Record<string, InputSpec>;

/** The inputs of a memberships read: the same as {@link INPUTS} but for the filters. */
export const MEMBERSHIP_INPUTS = {
  /** Keep only memberships with these statuses, e.g. `["accepted"]`; one status is also sent to Cloudflare. */
  statuses: {
    type: "string[]",
    description: 'Keep only memberships with these statuses, e.g. ["accepted"].',
    values: KNOWN_MEMBERSHIP_STATUSES,
    matches: "status",
    item: { one: "membership status", many: "statuses" },
  },
  /** Keep only memberships of these accounts (32-character hex ids, as in the dashboard's URL). */
  accountIds: {
    type: "string[]",
    description: "Keep only memberships of these accounts (32-character hex ids, as in the dashboard's URL).",
    pattern: ACCOUNT_ID,
    matches: "accountId",
    item: { one: "account id", many: "account ids" },
    alsoCalled: ["organizationIds"],
  },
  ...CONNECTION_INPUTS,
} as const satisfies Record<string, InputSpec>;

/** The inputs every read shares (all but the filters), by name. */
export const CONNECTION_INPUT_NAMES = Object.keys(CONNECTION_INPUTS) as (keyof typeof CONNECTION_INPUTS)[];

/** A declaration of inputs: {@link INPUTS} or {@link MEMBERSHIP_INPUTS}. */
export type InputDeclaration = Readonly<Record<string, InputSpec>>;

/**
 * The input each of a declaration's other names means (`accountIds` → `organizationIds` for the
 * invitations), for "did you mean". Built per call, not captured: Pulumi's closure serializer
 * carries the declaration, and plain objects travel best.
 */
export function meaningsIn(declaration: InputDeclaration): Map<string, string> {
  const meant = new Map<string, string>();
  for (const [name, spec] of Object.entries(declaration))
    for (const other of spec.alsoCalled ?? []) meant.set(other, name);
  return meant;
}

/** The value a program gives for an input of spec `S`. */
type ValueOf<S> = S extends { type: "integer" }
  ? number
  : S extends { values: readonly (infer V)[] }
    ? readonly V[]
    : S extends { type: "string[]" }
      ? readonly string[]
      : string;

/** Every input of a declaration, each optional. */
export type ValuesOf<D> = { readonly [K in keyof D]?: ValueOf<D[K]> | undefined };

/** Every input of a memberships read, each optional. */
export type MembershipInputValues = ValuesOf<typeof MEMBERSHIP_INPUTS>;

type Inputs = typeof INPUTS;
/** The name of an input. */
export type InputName = keyof Inputs;
type NameWhere<Condition> = { [K in InputName]: Inputs[K] extends Condition ? K : never }[InputName];

/** The credential inputs: secrets. */
export type CredentialKey = NameWhere<{ secret: true }>;
/** The inputs that say which data to read and how: everything but the credentials. */
export type PublicInputName = Exclude<InputName, CredentialKey>;
/** The whole-number inputs (the limits). */
export type NumericInputName = NameWhere<{ type: "integer" }>;

/** The value of an input as a program gives it. */
export type InputValue<K extends InputName> = ValueOf<Inputs[K]>;

/** Every input, each optional: the provider's inputs and the invokes' args. */
export type InputValues = ValuesOf<Inputs>;

/** Every input's name, in declaration order. */
export const INPUT_NAMES = Object.keys(INPUTS) as InputName[];

function namesWhere<K extends InputName>(test: (spec: InputSpec) => boolean): K[] {
  return INPUT_NAMES.filter((name) => test(INPUTS[name])) as K[];
}

/** The credential fields: what is read, marked secret, scrubbed and never stored. */
export const CREDENTIAL_KEYS = namesWhere<CredentialKey>((spec) => spec.secret === true);

/** The stack config key of each input that has one (`cloudflare:apiToken`, ...). */
export const CONFIG_NAMES = namesFrom("config");
/** The environment variable of each input that has one (`CLOUDFLARE_API_TOKEN`, ...). */
export const ENV_NAMES = namesFrom("env");

function namesFrom(field: "config" | "env"): { readonly [K in CredentialKey | "baseUrl"]: string } {
  const names: Record<string, string> = {};
  for (const name of INPUT_NAMES) {
    const value = (INPUTS[name] as InputSpec)[field];
    if (value !== undefined) names[name] = value;
  }
  return names as { readonly [K in CredentialKey | "baseUrl"]: string };
}

/**
 * Every default of the client in one place, so the README, the code and the tests agree: the
 * declared defaults, and the backoff ceiling, which is not an input.
 */
export const DEFAULTS = {
  baseUrl: INPUTS.baseUrl.defaultValue,
  timeoutMs: INPUTS.timeoutMs.defaultValue,
  maxRetries: INPUTS.maxRetries.defaultValue,
  maxRetryAfterMs: INPUTS.maxRetryAfterMs.defaultValue,
  backoffBaseMs: INPUTS.backoffBaseMs.defaultValue,
  /** Ceiling of one backoff step. */
  backoffMaxMs: 8_000,
  maxPages: INPUTS.maxPages.defaultValue,
  maxResponseBytes: INPUTS.maxResponseBytes.defaultValue,
} as const;

/** A whole-number input's value, or its default: within its bounds, or an error naming it. */
export function numericInput(values: Pick<InputValues, NumericInputName>, name: NumericInputName): number {
  const value: unknown = values[name];
  const spec = INPUTS[name];
  if (value === undefined) return spec.defaultValue;
  const min = spec.min;
  const max = spec.max;
  if (!isWholeNumberWithin(value, min, max)) {
    const shown = typeof value === "number" ? String(value) : describeType(value);
    throw new CloudflareConfigError(`${name} must be ${wholeNumberRange(min, max)}, got ${shown}.`);
  }
  return value;
}
