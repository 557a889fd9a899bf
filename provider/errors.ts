/**
 * The errors this package throws. Each message stands on its own and says what to do: the Pulumi
 * provider host forwards only `message` to the CLI. No error holds a credential, in its message or
 * in any property; request headers are never kept.
 */

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
 * Base class: catch this to handle every error of this package.
 *
 * Every class here has an explicit constructor and sets its fields in it, never as class fields:
 * when a provider is used from source, Pulumi serializes these classes by value as plain
 * functions, which drops class fields, calls a default constructor's `super` with no arguments,
 * and runs `Error`'s constructor in a way that initializes nothing. So the base constructor sets
 * what the provider host and the CLI read (`message`, `stack`, `cause`) whenever `super` did not.
 */
export class CloudflareInvitesError extends Error {
  constructor(message: string, options?: { readonly cause?: unknown }) {
    super(message, options);
    this.name = "CloudflareInvitesError";
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
    this.name = "CloudflareConfigError";
    retitleStack(this);
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
 * and, for rate limits, how long Cloudflare asked to wait.
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
    this.name = "CloudflareApiError";
    retitleStack(this);
    this.method = fields.method;
    this.path = fields.path;
    this.status = fields.status;
    this.errors = fields.errors;
    this.rayId = fields.rayId;
    this.retryAfterMs = fields.retryAfterMs;
    this.attempts = fields.attempts;
  }
}

/** Fields of a {@link CloudflareResponseError}. */
export interface CloudflareResponseErrorFields extends RequestContext {
  readonly status: number;
  readonly rayId: string | undefined;
}

/**
 * Cloudflare answered 2xx with something this package cannot use: not JSON, no list of invites,
 * an invite without `organization_id`, or more pages than the page cap. The message names the
 * field and its place, e.g. `result[3].organization_id`.
 */
export class CloudflareResponseError extends CloudflareInvitesError implements CloudflareResponseErrorFields {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly rayId: string | undefined;

  constructor(message: string, fields: CloudflareResponseErrorFields) {
    super(message);
    this.name = "CloudflareResponseError";
    retitleStack(this);
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
 * No usable answer reached us: the connection was refused or reset, DNS failed, or an attempt
 * exceeded `timeoutMs`. The underlying error is kept as `cause`.
 */
export class CloudflareNetworkError extends CloudflareInvitesError {
  readonly method: string;
  readonly path: string;
  readonly attempts: number;

  constructor(message: string, fields: CloudflareNetworkErrorFields) {
    super(message, { cause: fields.cause });
    this.name = "CloudflareNetworkError";
    retitleStack(this);
    this.method = fields.method;
    this.path = fields.path;
    this.attempts = fields.attempts;
  }
}

/**
 * Puts the subclass's name at the head of `stack`. V8 writes `stack`'s first line when the base
 * constructor runs, before a subclass has set `name`, so every subclass's stack would otherwise
 * start with the base class's name.
 */
function retitleStack(error: Error): void {
  const stack = error.stack;
  if (typeof stack !== "string") return;
  const colon = stack.indexOf(":");
  const head = colon === -1 ? stack : stack.slice(0, colon);
  if (!head.includes("\n") && head !== error.name) error.stack = error.name + stack.slice(head.length);
}

/** The names of this package's error classes. */
const PACKAGE_ERROR_NAMES = [
  "CloudflareInvitesError",
  "CloudflareConfigError",
  "CloudflareApiError",
  "CloudflareResponseError",
  "CloudflareNetworkError",
];

/**
 * Whether `value` is one of this package's errors. Also true for one made by a copy of these
 * classes that Pulumi serialized by value (a provider used from source), for which `instanceof`
 * does not hold: its name says what it is.
 */
export function isPackageError(value: unknown): value is CloudflareInvitesError {
  if (value instanceof CloudflareInvitesError) return true;
  const name = (value as { name?: unknown } | null)?.name;
  return typeof value === "object" && typeof name === "string" && PACKAGE_ERROR_NAMES.includes(name);
}
