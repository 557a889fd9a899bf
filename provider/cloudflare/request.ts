import type * as Undici from "undici";
import { redact } from "../core/redact";
import { PACKAGE_NAME, VERSION } from "../core/version";
import {
  apiErrorClass,
  CloudflareNetworkError,
  CloudflareResponseError,
  CloudflareTimeoutError,
  formatApiErrors,
  hintFor,
  rayText,
  scrubbedCause,
  scrubbedText,
  type ApiErrorDetail,
  type CloudflareApiErrorFields,
} from "./errors";
import { errorsFromJson, errorsFromText } from "./wire";
import { endpointOf } from "./endpoints";

/**
 * One GET, as undici sends it, classified: JSON from a 2xx, a 2xx body that is not JSON, an HTTP
 * error (or a 2xx envelope reporting failure) with Cloudflare's error list and requested wait, a
 * body over the size limit, or a network failure; and the error a failure becomes, with a message
 * that stands on its own. Whether to try again is retry.ts's decision.
 */

/**
 * What a caller may pass as `dispatcher`: an undici `Dispatcher` (an `Agent`, a `ProxyAgent`, a
 * `MockAgent`...). Declared by shape, so that the package's public types name no undici type.
 */
export interface HttpDispatcher {
  dispatch(options: unknown, handler: unknown): boolean;
}

/** Everything one GET needs; built once per `listUserInvites` call. */
export interface RequestSettings {
  readonly dispatcher: HttpDispatcher;
  /** Auth, `accept` and `user-agent` headers. Never copied into an error. */
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** The most bytes one response may have; past it reading stops and the call fails, unretried. */
  readonly maxResponseBytes: number;
  /** Credential values to scrub from any text that ends up in an error. */
  readonly secrets: readonly string[];
  /** Which credentials are sent, so error advice names the right ones. */
  readonly scheme: "token" | "key";
}

/** One attempt's outcome, before the retry decision. */
export type Attempt =
  | {
      readonly kind: "json";
      readonly status: number;
      readonly rayId: string | undefined;
      readonly body: unknown;
    }
  | {
      readonly kind: "unreadable";
      readonly status: number;
      readonly rayId: string | undefined;
      readonly reason: string;
    }
  | {
      /** A non-2xx answer, or a 2xx whose envelope says `success: false` (`reportedFailure`). */
      readonly kind: "http-error";
      readonly status: number;
      readonly rayId: string | undefined;
      readonly errors: ApiErrorDetail[];
      readonly retryAfterMs: number | undefined;
      readonly reportedFailure: boolean;
    }
  | {
      readonly kind: "too-large";
      readonly status: number;
      readonly rayId: string | undefined;
      /** What the response said or showed of its size: `content-length`, or bytes read when stopped. */
      readonly bytes: number;
    }
  | { readonly kind: "network"; readonly cause: unknown; readonly retryable: boolean };

/** A failed attempt. */
export type FailedAttempt = Exclude<Attempt, { kind: "json" }>;

/**
 * undici, from its package entry point, loaded on the first request rather than at import: a
 * program that only declares a `UserInvites` never sends one (its provider host does).
 */
function undici(): typeof Undici {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  return require("undici") as typeof Undici;
}

export async function attemptOnce(settings: RequestSettings, url: URL): Promise<Attempt> {
  let status: number;
  let headers: Record<string, string | string[] | undefined>;
  let body: Body;
  try {
    const response = await undici().request(url, {
      dispatcher: settings.dispatcher as Undici.Dispatcher,
      method: "GET",
      headers: settings.headers,
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    status = response.statusCode;
    headers = response.headers;
    body = await readBody(response.body, firstHeader(headers["content-length"]), settings.maxResponseBytes);
  } catch (cause) {
    return { kind: "network", cause, retryable: isTransientNetworkError(cause) };
  }
  // Whatever the server sent is scrubbed before it is kept, cut or quoted anywhere.
  const rayId = boundedHeader(firstHeader(headers["cf-ray"]), settings.secrets);
  if (body.tooLarge) return { kind: "too-large", status, rayId, bytes: body.bytes };
  const text = body.text;
  if (status >= 200 && status < 300) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { kind: "unreadable", status, rayId, reason: describeBody(headers, text, settings.secrets) };
    }
    // A 2xx that says `success: false` is Cloudflare refusing, not an answer: never retried.
    if (reportsFailure(json)) {
      const errors = errorsFromJson(json);
      return { kind: "http-error", status, rayId, errors, retryAfterMs: undefined, reportedFailure: true };
    }
    return { kind: "json", status, rayId, body: json };
  }
  const retryAfterMs =
    parseRetryAfter(firstHeader(headers["retry-after"]), Date.now()) ??
    (status === 429 ? parseRateLimitReset(firstHeader(headers["ratelimit"])) : undefined);
  return {
    kind: "http-error",
    status,
    rayId,
    errors: errorsFromText(text),
    retryAfterMs,
    reportedFailure: false,
  };
}

function reportsFailure(body: unknown): boolean {
  return typeof body === "object" && body !== null && (body as { success?: unknown }).success === false;
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The longest `cf-ray` kept: real ones are about 20 characters. */
const MAX_HEADER_LENGTH = 100;

function boundedHeader(value: string | undefined, secrets: readonly string[]): string | undefined {
  return value === undefined ? undefined : redact(value, secrets).slice(0, MAX_HEADER_LENGTH);
}

/** What a body that is not JSON looked like: type, size and its first characters, scrubbed first. */
function describeBody(
  headers: Record<string, string | string[] | undefined>,
  text: string,
  secrets: readonly string[],
): string {
  const type = boundedHeader(firstHeader(headers["content-type"]), secrets) ?? "no content-type";
  if (text.length === 0) return `empty body, ${type}`;
  // Scrubbed whole, then cut: a credential that straddles the cut is never half shown.
  return `${type}, ${text.length} bytes, starting ${JSON.stringify(redact(text, secrets).slice(0, 60))}`;
}

// --- From a failed attempt to the error that says what it was and what to do ---

/**
 * Turns a failed attempt into the package's error: the class that says what kind of failure it
 * was, and a message that stands on its own (where, what Cloudflare said, the cf-ray id, when to
 * come back, what to do), scrubbed of credentials.
 */

/** Where a failed attempt happened, and how the retries ended. */
export interface ErrorContext {
  readonly method: string;
  readonly path: string;
  readonly attempts: number;
  readonly waitTooLong: boolean;
  /** The policy's longest wait, named when Cloudflare asked for longer. */
  readonly maxRetryAfterMs: number;
}

export function toError(settings: RequestSettings, attempt: FailedAttempt, ctx: ErrorContext): Error {
  const where = `Cloudflare API ${ctx.method} ${ctx.path}`;
  const tries = ctx.attempts > 1 ? ` after ${ctx.attempts} attempts` : "";
  const scrub = (text: string) => redact(text, settings.secrets);
  switch (attempt.kind) {
    case "network": {
      const timedOut = isTimeout(attempt.cause);
      const what = timedOut
        ? `timed out after ${settings.timeoutMs} ms (timeoutMs)`
        : `failed to connect or lost the connection (${describeCause(attempt.cause)})`;
      const ErrorClass = timedOut ? CloudflareTimeoutError : CloudflareNetworkError;
      return new ErrorClass(
        scrub(
          `${where} ${what}${tries}. Check network access to the API, proxy settings ` +
            `(HTTPS_PROXY, NO_PROXY) and baseUrl; then retry, or raise timeoutMs / maxRetries.`,
        ),
        {
          method: ctx.method,
          path: ctx.path,
          attempts: ctx.attempts,
          cause: scrubbedCause(attempt.cause, settings.secrets),
        },
      );
    }
    case "too-large":
      return new CloudflareResponseError(
        `${where} answered HTTP ${attempt.status} with more than ${settings.maxResponseBytes} bytes ` +
          `(${attempt.bytes} announced or read)` +
          `${rayText(attempt.rayId)}, more than maxResponseBytes allows; reading stopped and this was ` +
          `not retried. Ten thousand invitations are about 4 MB: if this user really has more, raise ` +
          `maxResponseBytes; otherwise something between you and Cloudflare is sending this.`,
        { method: ctx.method, path: ctx.path, status: attempt.status, rayId: attempt.rayId },
      );
    case "unreadable":
      return new CloudflareResponseError(
        scrub(
          `${where} answered HTTP ${attempt.status} with a body that is not JSON (${attempt.reason})` +
            `${tries}${rayText(attempt.rayId)}. This is usually a proxy or a transient Cloudflare ` +
            `fault; retry later.`,
        ),
        { method: ctx.method, path: ctx.path, status: attempt.status, rayId: attempt.rayId },
      );
    case "http-error": {
      const errors = attempt.errors.map((e) => ({
        code: e.code,
        message: scrubbedText(e.message, settings.secrets),
      }));
      const what = attempt.reportedFailure
        ? `answered HTTP ${attempt.status} but reported failure` +
          (errors.length > 0 ? `: ${formatApiErrors(errors)}` : " with no error details")
        : `failed with HTTP ${attempt.status}` + (errors.length > 0 ? `: ${formatApiErrors(errors)}` : "");
      const wait =
        ctx.waitTooLong && attempt.retryAfterMs !== undefined
          ? ` Cloudflare asked to wait ${Math.ceil(attempt.retryAfterMs / 1000)} s, longer than ` +
            `maxRetryAfterMs (${ctx.maxRetryAfterMs} ms), so this did not wait: retry after ` +
            `${new Date(Date.now() + attempt.retryAfterMs).toISOString()}.`
          : "";
      const hint = hintFor(attempt.status, errors, settings.scheme, endpointOf(ctx.path));
      const fields: CloudflareApiErrorFields = {
        method: ctx.method,
        path: ctx.path,
        status: attempt.status,
        errors,
        rayId: attempt.rayId,
        retryAfterMs: attempt.retryAfterMs,
        attempts: ctx.attempts,
      };
      const ErrorClass = apiErrorClass(attempt.status, errors);
      return new ErrorClass(
        scrub(`${where} ${what}${tries}${rayText(attempt.rayId)}.${wait}${hint ? ` ${hint}` : ""}`),
        fields,
      );
    }
  }
}

function describeCause(cause: unknown): string {
  const code = errorCode(cause);
  const message = cause instanceof Error ? cause.message : String(cause);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

// --- Waits the server asks for ---

/**
 * The longest wait a header is read as: a year. Anything longer is as good as "not soon", and
 * stays a number that dates and timers can hold (`99999999999999` seconds would not).
 */
export const MAX_PARSED_WAIT_MS = 366 * 24 * 60 * 60 * 1000;

/**
 * Reads `Retry-After` as delay-seconds or an HTTP date, in milliseconds from `nowMs`.
 * Returns `undefined` when the header is absent or unreadable; a date in the past gives 0.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.min(MAX_PARSED_WAIT_MS, Math.round(Number(trimmed) * 1000));
  // HTTP dates (IMF-fixdate and the obsolete forms) all start with a day name.
  const date = /^[A-Za-z]{3}/.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.min(MAX_PARSED_WAIT_MS, Math.max(0, date - nowMs));
}

/**
 * Reads the reset time from Cloudflare's `Ratelimit` header (`"default";r=0;t=30`): `r` is the
 * requests left in the window and `t` the seconds until it resets. Only an exhausted window
 * (`r=0`) says how long to wait. Used on a 429 that carries no `Retry-After`.
 */
export function parseRateLimitReset(value: string | undefined): number | undefined {
  if (value === undefined || !/(?:^|;)\s*r=0(?:;|$)/.test(value)) return undefined;
  const match = /(?:^|;)\s*t=(\d+)/.exec(value);
  return match?.[1] === undefined ? undefined : Math.min(MAX_PARSED_WAIT_MS, Number(match[1]) * 1000);
}

// --- The body, within the size limit ---

export type Body =
  { readonly tooLarge: false; readonly text: string } | { readonly tooLarge: true; readonly bytes: number };

/**
 * The body as text, counted while it streams: past `limit` bytes (or when `content-length`
 * announces more) reading stops and the connection is dropped, so an endless or huge answer
 * costs at most `limit` bytes of memory, once.
 */
export async function readBody(
  stream: NodeJS.ReadableStream & { destroy(): unknown; text(): Promise<string> },
  contentLength: string | undefined,
  limit: number,
): Promise<Body> {
  const announced = Number(contentLength);
  if (Number.isFinite(announced) && announced > limit) {
    discard(stream);
    return { tooLarge: true, bytes: announced };
  }
  // A length within the limit is enforced by HTTP framing itself: read it the usual way, which
  // costs nothing extra. Only a body of unknown length (chunked) is counted as it streams, with
  // `data` events (an async iterator over the stream costs about 15% more on a 4 MB body).
  if (Number.isFinite(announced)) return { tooLarge: false, text: await stream.text() };
  return new Promise<Body>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= limit) return void chunks.push(chunk);
      stream.removeListener("data", onData);
      discard(stream);
      resolve({ tooLarge: true, bytes });
    };
    stream.on("data", onData);
    stream.once("end", () =>
      resolve({ tooLarge: false, text: Buffer.concat(chunks, bytes).toString("utf8") }),
    );
    stream.once("error", reject);
  });
}

/**
 * Drops a body unread and closes its connection. undici reports the abort as an `error` event,
 * which, with nobody listening, would crash the process (the provider host, under Pulumi).
 */
function discard(stream: { destroy(): unknown; on(event: "error", listener: () => void): unknown }): void {
  stream.on("error", () => undefined);
  stream.destroy();
}

// --- What undici and Node tell about a failed connection, read without trusting its shape ---

/** Whether a failure is a timeout: ours (`AbortSignal.timeout`) or one of undici's. */
export function isTimeout(cause: unknown): boolean {
  const name = (cause as { name?: unknown } | null)?.name;
  const code = (cause as { code?: unknown } | null)?.code;
  return (
    name === "TimeoutError" ||
    code === "UND_ERR_HEADERS_TIMEOUT" ||
    code === "UND_ERR_BODY_TIMEOUT" ||
    code === "UND_ERR_CONNECT_TIMEOUT"
  );
}

/** Connection-level failures that another attempt may not meet. A DNS name that does not exist is final. */
function isTransientNetworkError(cause: unknown): boolean {
  if (isTimeout(cause)) return true;
  const code = errorCode(cause);
  return code !== "ENOTFOUND" && code !== "ERR_INVALID_URL" && code !== "UND_ERR_INVALID_ARG";
}

/** The first string `code` along an error's `cause` chain, e.g. `ECONNREFUSED`. */
export function errorCode(cause: unknown): string | undefined {
  for (let e: unknown = cause, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

// --- The dispatcher when the caller passes none ---

const PROXY_VARIABLES = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"];

/**
 * One keep-alive agent per process, so repeated reads (several resources in one `pulumi up`,
 * invokes, pages) reuse connections and TLS sessions instead of paying a handshake each. undici
 * unreferences idle sockets, so they never keep a process alive. Proxies from `HTTPS_PROXY` /
 * `HTTP_PROXY` / `NO_PROXY` are honoured (undici's `EnvHttpProxyAgent`), except for a loopback
 * base URL, which no proxy can reach on our behalf. The agents live on `globalThis`, never in a
 * module variable the provider's closure could capture, keyed by the proxy settings they were
 * made with, so a changed environment gets a new agent.
 */
export function defaultDispatcher(baseUrl: URL, env: NodeJS.ProcessEnv = process.env): HttpDispatcher {
  const loopback = isLoopbackHost(baseUrl.hostname);
  const settings = loopback ? "direct" : PROXY_VARIABLES.map((name) => env[name] ?? "").join("\u0000");
  const key = Symbol.for(`${PACKAGE_NAME}@${VERSION}/dispatcher/${settings}`);
  const holder = globalThis as { [key]?: HttpDispatcher };
  if (holder[key] === undefined) {
    const { Agent, EnvHttpProxyAgent } = undici();
    holder[key] = loopback ? new Agent() : new EnvHttpProxyAgent();
  }
  return holder[key];
}

/** Whether a host name is this machine's loopback: 127.0.0.0/8, ::1 or localhost. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host === "::1" ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}
