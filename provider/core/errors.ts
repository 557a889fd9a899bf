/**
 * The errors this package throws. Each message stands on its own and says what to do: the Pulumi
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

/** The credentials are valid but may not list invitations: HTTP 403, or code 9109 (no "Memberships Read"). */
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
