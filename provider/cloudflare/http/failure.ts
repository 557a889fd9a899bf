import {
  CloudflareApiError,
  CloudflareAuthenticationError,
  CloudflareNetworkError,
  CloudflareNotFoundError,
  CloudflarePermissionError,
  CloudflareRateLimitError,
  CloudflareResponseError,
  CloudflareServerError,
  CloudflareTimeoutError,
  type ApiErrorDetail,
  type CloudflareApiErrorFields,
} from "../../core/errors";
import { redact } from "../../core/redact";
import { errorCode, isTimeout } from "./networkErrors";
import { AUTHENTICATION_CODES, hintFor, PERMISSION_CODES, RATE_LIMIT_CODES } from "./hints";
import type { FailedAttempt, RequestSettings } from "./types";

/**
 * Turns a failed attempt into the package's error: the class that says what kind of failure it
 * was, and a message that stands on its own (where, what Cloudflare said, the cf-ray id, when to
 * come back, what to do), scrubbed of credentials.
 */

export interface ErrorContext {
  readonly method: string;
  readonly path: string;
  readonly attempts: number;
  readonly waitTooLong: boolean;
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
            `maxRetryAfterMs (${settings.retryPolicy.maxRetryAfterMs} ms), so this did not wait: retry after ` +
            `${new Date(Date.now() + attempt.retryAfterMs).toISOString()}.`
          : "";
      const hint = hintFor(attempt.status, errors, settings.scheme);
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

function describeCause(cause: unknown): string {
  const code = errorCode(cause);
  const message = cause instanceof Error ? cause.message : String(cause);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
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
