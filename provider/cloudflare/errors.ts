import { redact } from "../core/redact";
import { ENDPOINTS, type Endpoint } from "./endpoints";

/**
 * The errors this package throws, and how a failed request becomes one of them. Each message stands on its own and says what to do: the Pulumi
 * provider host forwards only `message` to the CLI. No error holds a credential, in its message or
 * in any property; request headers are never kept.
 *
 * Callers tell failures apart by class, as with cloudflare-typescript (`catch (e) { if (e instanceof
 * CloudflareRateLimitError) ... }`), or by the `kind` every error carries. The class chain holds in
 * every copy of these classes, the one Pulumi serializes with a provider used from source
 * included; `kind` and {@link isCloudflareInvitesError} also recognize an error made by another
 * copy than the caller's (where `instanceof` cannot: see the note on `PACKAGE_ERROR_NAMES`).
 */

/** What went wrong, one word per class; the same word for an error made by any copy of the classes. */
export type CloudflareInvitesErrorKind =
  | "unexpected"
  | "config"
  | "api"
  | "authentication"
  | "permission"
  | "rate-limit"
  | "not-found"
  | "server"
  | "response"
  | "network"
  | "timeout";

/** One entry of Cloudflare's `errors` list (its `error_chain` entries are flattened in). */
export interface ApiErrorDetail {
  /** Cloudflare's numeric error code, e.g. 9109; `null` when the API sent none. */
  readonly code: number | null;
  /** Cloudflare's message for that code. */
  readonly message: string;
}

/** Where an error happened: the request that failed. */
export interface RequestContext {
  /** HTTP method, always `GET` for this package. */
  readonly method: string;
  /** Path and query, relative to the host, e.g. `/client/v4/user/invites?page=2`. */
  readonly path: string;
}

/**
 * The classes' names. A provider used from source is serialized by value,
 * classes included, so the errors it throws are instances of copies, never of the classes a program
 * imports; their names say what they are. (A static `Symbol.hasInstance` would make `instanceof`
 * itself see through copies, but Pulumi's closure serializer emits a well-known symbol key as a
 * plain object, and the provider host then fails to load the provider at all.)
 */
const PACKAGE_ERROR_NAMES: readonly string[] = [
  "CloudflareInvitesError",
  "CloudflareConfigError",
  "CloudflareApiError",
  "CloudflareAuthenticationError",
  "CloudflarePermissionError",
  "CloudflareRateLimitError",
  "CloudflareNotFoundError",
  "CloudflareServerError",
  "CloudflareResponseError",
  "CloudflareNetworkError",
  "CloudflareTimeoutError",
];

/**
 * Base class: catch this to handle every error of this package.
 *
 * Every class here has an explicit constructor and sets its fields in it, never as class fields:
 * when a provider is used from source, Pulumi serializes these classes by value as plain
 * functions, which drops class fields, calls a default constructor's `super` with no arguments,
 * and runs `Error`'s constructor in a way that initializes nothing. So the base constructor sets
 * what the provider host and the CLI read (`message`, `stack`, `cause`) whenever `super` did not.
 */
export class CloudflareInvitesError extends Error {
  /** What went wrong; see {@link CloudflareInvitesErrorKind}. */
  readonly kind: CloudflareInvitesErrorKind;

  constructor(message: string, options?: { readonly cause?: unknown }) {
    super(message, options);
    linkPrototypeChain(this.constructor, CloudflareInvitesError);
    this.name = "CloudflareInvitesError";
    this.kind = "unexpected";
    if (this.message !== message) {
      this.message = message;
      if (options !== undefined && "cause" in options) this.cause = options.cause;
    }
    if (typeof this.stack !== "string") this.stack = new Error(message).stack ?? message;
  }

  /** `Name: message`, also when serialized by value (where `Error.prototype` may be out of reach). */
  override toString(): string {
    return `${this.name}: ${this.message}`;
  }
}

/**
 * Bad options or environment, found before any request was sent: missing or half-given
 * credentials, an `http://` base URL to a remote host, an unknown status filter.
 */
export class CloudflareConfigError extends CloudflareInvitesError {
  constructor(message: string) {
    super(message);
    named(this, "CloudflareConfigError", "config");
  }
}

/** Fields of a {@link CloudflareApiError}. */
export interface CloudflareApiErrorFields extends RequestContext {
  readonly status: number;
  readonly errors: readonly ApiErrorDetail[];
  readonly rayId: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly attempts: number;
}

/**
 * Cloudflare answered with an error: a non-2xx status, or `success: false`. Carries the HTTP
 * status, Cloudflare's error codes and messages, the `cf-ray` id that Cloudflare support asks for,
 * and, for rate limits, how long Cloudflare asked to wait. The subclasses below say which kind of
 * error it was; this class itself is any other (a 400, say).
 */
export class CloudflareApiError extends CloudflareInvitesError implements CloudflareApiErrorFields {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly errors: readonly ApiErrorDetail[];
  readonly rayId: string | undefined;
  /** The wait Cloudflare asked for (`Retry-After` or `Ratelimit`), in milliseconds. */
  readonly retryAfterMs: number | undefined;
  /** Attempts made, the first one included. */
  readonly attempts: number;

  constructor(message: string, fields: CloudflareApiErrorFields) {
    super(message);
    named(this, "CloudflareApiError", "api");
    this.method = fields.method;
    this.path = fields.path;
    this.status = fields.status;
    this.errors = fields.errors;
    this.rayId = fields.rayId;
    this.retryAfterMs = fields.retryAfterMs;
    this.attempts = fields.attempts;
  }
}

/** Cloudflare did not accept the credentials: HTTP 401, or a malformed, expired or revoked token or key. */
export class CloudflareAuthenticationError extends CloudflareApiError {
  constructor(message: string, fields: CloudflareApiErrorFields) {
    super(message, fields);
    named(this, "CloudflareAuthenticationError", "authentication");
  }
}

/**
 * The credentials are valid but lack the endpoint's permission: HTTP 403, or code 9109 (no
 * "Memberships Read", or no "User Details Read" for `GET /user`).
 */
export class CloudflarePermissionError extends CloudflareApiError {
  constructor(message: string, fields: CloudflareApiErrorFields) {
    super(message, fields);
    named(this, "CloudflarePermissionError", "permission");
  }
}

/** Cloudflare rate-limited the user (HTTP 429) past the retries; `retryAfterMs` says when to come back. */
export class CloudflareRateLimitError extends CloudflareApiError {
  constructor(message: string, fields: CloudflareApiErrorFields) {
    super(message, fields);
    named(this, "CloudflareRateLimitError", "rate-limit");
  }
}

/** HTTP 404: the base URL does not lead to Cloudflare's API v4. */
export class CloudflareNotFoundError extends CloudflareApiError {
  constructor(message: string, fields: CloudflareApiErrorFields) {
    super(message, fields);
    named(this, "CloudflareNotFoundError", "not-found");
  }
}

/** Cloudflare failed (HTTP 5xx) on every attempt. */
export class CloudflareServerError extends CloudflareApiError {
  constructor(message: string, fields: CloudflareApiErrorFields) {
    super(message, fields);
    named(this, "CloudflareServerError", "server");
  }
}

/** Fields of a {@link CloudflareResponseError}. */
export interface CloudflareResponseErrorFields extends RequestContext {
  readonly status: number;
  readonly rayId: string | undefined;
}

/**
 * Cloudflare answered 2xx with something this package cannot use: not JSON, no list of invites,
 * an invite without `organization_id`, more bytes than `maxResponseBytes`, or more pages than the
 * page cap. The message names the field and its place, e.g. `result[3].organization_id`.
 */
export class CloudflareResponseError extends CloudflareInvitesError implements CloudflareResponseErrorFields {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly rayId: string | undefined;

  constructor(message: string, fields: CloudflareResponseErrorFields) {
    super(message);
    named(this, "CloudflareResponseError", "response");
    this.method = fields.method;
    this.path = fields.path;
    this.status = fields.status;
    this.rayId = fields.rayId;
  }
}

/** Fields of a {@link CloudflareNetworkError}. */
export interface CloudflareNetworkErrorFields extends RequestContext {
  readonly attempts: number;
  readonly cause: unknown;
}

/**
 * No usable answer reached us: the connection was refused or reset, or DNS failed. The underlying
 * error is kept, scrubbed, as `cause`.
 */
export class CloudflareNetworkError extends CloudflareInvitesError {
  readonly method: string;
  readonly path: string;
  readonly attempts: number;

  constructor(message: string, fields: CloudflareNetworkErrorFields) {
    super(message, { cause: fields.cause });
    named(this, "CloudflareNetworkError", "network");
    this.method = fields.method;
    this.path = fields.path;
    this.attempts = fields.attempts;
  }
}

/** The last attempt exceeded `timeoutMs`. */
export class CloudflareTimeoutError extends CloudflareNetworkError {
  constructor(message: string, fields: CloudflareNetworkErrorFields) {
    super(message, fields);
    named(this, "CloudflareTimeoutError", "timeout");
  }
}

/**
 * Makes `instanceof` hold along the whole class chain in a copy of these classes that Pulumi
 * serialized by value (a provider used from source): its closure serializer links each copied
 * class to its parent class, but not each class's `prototype` to its parent's `prototype`, so an
 * error of a subclass would be an instance of no class above its own, not even `Error`. Each
 * constructor call walks from the instance's class up to the base and relinks what is unlinked;
 * on the classes as written, everything is linked already and this only compares.
 */
function linkPrototypeChain(from: unknown, base: unknown): void {
  for (let cls = from; typeof cls === "function" && cls !== base;) {
    const parent: unknown = Object.getPrototypeOf(cls);
    if (typeof parent !== "function") return;
    if (Object.getPrototypeOf(cls.prototype) !== parent.prototype)
      Object.setPrototypeOf(cls.prototype, parent.prototype);
    cls = parent;
  }
}

/**
 * Sets a subclass's name and kind, and puts the name at the head of `stack`: V8 writes `stack`'s
 * first line when the base constructor runs, before a subclass has set `name`.
 */
function named(error: CloudflareInvitesError, name: string, kind: CloudflareInvitesErrorKind): void {
  error.name = name;
  (error as { kind: CloudflareInvitesErrorKind }).kind = kind;
  const stack = error.stack;
  if (typeof stack !== "string") return;
  const colon = stack.indexOf(":");
  const head = colon === -1 ? stack : stack.slice(0, colon);
  if (!head.includes("\n") && head !== name) error.stack = name + stack.slice(head.length);
}

/**
 * Whether `value` is one of this package's errors (of `kind`, when given: the most specific one,
 * e.g. `"permission"` for a {@link CloudflarePermissionError}), made by these classes or by any copy
 * of them: a check that holds where `instanceof` cannot.
 */
export function isCloudflareInvitesError(
  value: unknown,
  kind?: CloudflareInvitesErrorKind,
): value is CloudflareInvitesError {
  if (!(value instanceof Error)) return false;
  if (!(value instanceof CloudflareInvitesError) && !PACKAGE_ERROR_NAMES.includes(value.name)) return false;
  return kind === undefined || (value as CloudflareInvitesError).kind === kind;
}

// --- Which class an API error is, and what a person should do about it ---

/** Cloudflare codes for a credential header it could not read (a token sent as a key, say). */
const MALFORMED_CREDENTIAL_CODES: readonly (number | null)[] = [6003, 6103, 6111];
/** Cloudflare's code for a request that carried no credentials. */
const MISSING_CREDENTIAL_CODES: readonly (number | null)[] = [9106];
/** Cloudflare codes for credentials it read but did not accept. */
const REJECTED_CREDENTIAL_CODES: readonly (number | null)[] = [9103, 10000, 10001];
/** Every code that means Cloudflare did not authenticate the request. */
const AUTHENTICATION_CODES: readonly (number | null)[] = [
  ...MALFORMED_CREDENTIAL_CODES,
  ...MISSING_CREDENTIAL_CODES,
  ...REJECTED_CREDENTIAL_CODES,
];
/** Cloudflare's code for credentials that lack the needed permission ("Memberships Read"). */
const PERMISSION_CODES: readonly (number | null)[] = [9109];
/** Cloudflare's codes for a rate limit. */
const RATE_LIMIT_CODES: readonly (number | null)[] = [971, 10100];

/**
 * What a person should do about a Cloudflare error, from its HTTP status and error codes.
 * `scheme` says which credentials were sent, and `endpoint` which permission the request needed,
 * so the advice names the right ones.
 */
export function hintFor(
  status: number,
  errors: readonly ApiErrorDetail[],
  scheme: "token" | "key",
  endpoint: Endpoint = ENDPOINTS.invites,
): string {
  const { permission, tokenPermission, docs } = endpoint;
  if (status >= 500) {
    return "Cloudflare's API is failing; try again later (see https://www.cloudflarestatus.com).";
  }
  const codes = new Set(errors.map((e) => e.code));
  const has = (list: readonly (number | null)[]) => list.some((code) => codes.has(code));
  if (has(MALFORMED_CREDENTIAL_CODES)) {
    return scheme === "key"
      ? "Cloudflare rejected the X-Auth-Key header: the value looks like an API token, not a " +
          "Global API key. Pass it as apiToken (cloudflare:apiToken, CLOUDFLARE_API_TOKEN) instead."
      : "Cloudflare rejected the Authorization header: check that the API token was copied whole, " +
          "without quotes or spaces.";
  }
  if (has(PERMISSION_CODES) || (status === 403 && codes.size === 0)) {
    return (
      `The credentials lack the user-level "${permission}" permission. Create a user API token ` +
      `(My Profile > API Tokens) with ${tokenPermission}; account-owned tokens cannot read ` +
      `${endpoint.reads}. See ${docs}`
    );
  }
  if (has(MISSING_CREDENTIAL_CODES)) {
    return "Cloudflare received no credentials. Set apiToken or apiKey + apiEmail.";
  }
  if (has(REJECTED_CREDENTIAL_CODES) || status === 401) {
    return scheme === "token"
      ? "Cloudflare did not accept the API token: it may be mistyped, expired, revoked or limited " +
          `to other IP addresses. Create a new one with ${tokenPermission}. See ${docs}`
      : "Cloudflare did not accept the Global API key and email: check both, or switch to an API " +
          `token with ${tokenPermission}. See ${docs}`;
  }
  if (status === 429 || has(RATE_LIMIT_CODES)) {
    return (
      "Cloudflare rate-limited this user (1200 requests per 5 minutes, shared by the dashboard " +
      "and every token and key); once over, calls are blocked for about five minutes. Retry later."
    );
  }
  if (status === 404) {
    return "The endpoint was not found: check baseUrl (it should end in /client/v4).";
  }
  return "";
}

/**
 * The class of an API error: Cloudflare's error codes first (a bad token comes back as a 400 with
 * code 6003, a missing permission as code 9109), then the HTTP status.
 */
export function apiErrorClass(status: number, errors: readonly ApiErrorDetail[]): typeof CloudflareApiError {
  const codes = errors.map((e) => e.code);
  if (status >= 500) return CloudflareServerError;
  if (status === 429 || codes.some((c) => RATE_LIMIT_CODES.includes(c))) return CloudflareRateLimitError;
  if (codes.some((c) => PERMISSION_CODES.includes(c))) return CloudflarePermissionError;
  if (status === 401 || codes.some((c) => AUTHENTICATION_CODES.includes(c)))
    return CloudflareAuthenticationError;
  if (status === 403) return CloudflarePermissionError;
  if (status === 404) return CloudflareNotFoundError;
  return CloudflareApiError;
}

/** Formats Cloudflare errors as `[9109] Unauthorized ...; [6003] ...`. */
export function formatApiErrors(errors: readonly ApiErrorDetail[]): string {
  return errors.map((e) => (e.code === null ? e.message : `[${e.code}] ${e.message}`)).join("; ");
}

export function rayText(rayId: string | undefined): string {
  return rayId ? ` (cf-ray ${rayId})` : "";
}

/** The longest text kept from a server or a library: real Cloudflare messages are a sentence. */
const MAX_MESSAGE_LENGTH = 500;

/**
 * Text from outside (a Cloudflare message, a library's error) as it may be kept: scrubbed whole,
 * then cut, so a credential that straddles the cut is never half shown.
 */
export function scrubbedText(text: string, secrets: readonly string[]): string {
  const scrubbed = redact(text, secrets);
  return scrubbed.length > MAX_MESSAGE_LENGTH ? `${scrubbed.slice(0, MAX_MESSAGE_LENGTH)}…` : scrubbed;
}

/**
 * A copy of a network failure that keeps what helps (name, code, message, its own cause) and
 * drops everything else: undici's errors carry raw protocol data (`data`, the bytes of a malformed
 * status line, say), which a server could fill with whatever the request sent. Messages are scrubbed.
 */
export function scrubbedCause(cause: unknown, secrets: readonly string[], depth = 0): Error | undefined {
  if (cause === undefined || cause === null || depth > 3) return undefined;
  const original = cause as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };
  const copy = new Error(scrubbedText(String(original.message ?? cause), secrets), {
    cause: scrubbedCause(original.cause, secrets, depth + 1),
  });
  if (typeof original.name === "string") copy.name = original.name;
  if (typeof original.code === "string") (copy as Error & { code?: string }).code = original.code;
  if (copy.cause === undefined) delete copy.cause;
  return copy;
}
