import {
  CloudflareApiError,
  CloudflareNetworkError,
  CloudflareResponseError,
  type ApiErrorDetail,
} from "./errors";
import { errorCode, errorsFromJson, isTimeout, type Attempt } from "./attempt";
import { hintFor } from "./hints";
import { redact } from "./redact";
import type { JsonResponse, Transport } from "./transport";

/**
 * Turns a failed attempt into the package's error: a message that stands on its own (where,
 * what Cloudflare said, the cf-ray id, when to come back, what to do), scrubbed of credentials.
 */

export interface ErrorContext {
  readonly method: string;
  readonly path: string;
  readonly attempts: number;
  readonly waitTooLong: boolean;
}

export function toError(
  transport: Transport,
  attempt: Exclude<Attempt, { kind: "json" }>,
  ctx: ErrorContext,
): Error {
  const where = `Cloudflare API ${ctx.method} ${ctx.path}`;
  const tries = ctx.attempts > 1 ? ` after ${ctx.attempts} attempts` : "";
  const scrub = (text: string) => redact(text, transport.secrets);
  switch (attempt.kind) {
    case "network": {
      const timeoutMs = transport.timeoutMs;
      const what = isTimeout(attempt.cause)
        ? `timed out after ${timeoutMs} ms (timeoutMs)`
        : `failed to connect or lost the connection (${describeCause(attempt.cause)})`;
      return new CloudflareNetworkError(
        scrub(
          `${where} ${what}${tries}. Check network access to the API, proxy settings ` +
            `(HTTPS_PROXY, NO_PROXY) and baseUrl; then retry, or raise timeoutMs / maxRetries.`,
        ),
        {
          method: ctx.method,
          path: ctx.path,
          attempts: ctx.attempts,
          cause: scrubbedCause(attempt.cause, transport.secrets),
        },
      );
    }
    case "too-large":
      return new CloudflareResponseError(
        `${where} answered HTTP ${attempt.status} with more than ${transport.maxResponseBytes} bytes ` +
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
      const errors = attempt.errors.map((e) => ({ code: e.code, message: boundedMessage(scrub(e.message)) }));
      const listed = errors.length > 0 ? `: ${formatApiErrors(errors)}` : "";
      const wait =
        ctx.waitTooLong && attempt.retryAfterMs !== undefined
          ? ` Cloudflare asked to wait ${Math.ceil(attempt.retryAfterMs / 1000)} s, longer than ` +
            `maxRetryAfterMs (${transport.policy.maxRetryAfterMs} ms), so this did not wait: retry after ` +
            `${new Date(Date.now() + attempt.retryAfterMs).toISOString()}.`
          : "";
      const hint = hintFor(attempt.status, errors, transport.scheme);
      return new CloudflareApiError(
        scrub(
          `${where} failed with HTTP ${attempt.status}${listed}${tries}${rayText(attempt.rayId)}.` +
            `${wait}${hint ? ` ${hint}` : ""}`,
        ),
        {
          method: ctx.method,
          path: ctx.path,
          status: attempt.status,
          errors,
          rayId: attempt.rayId,
          retryAfterMs: attempt.retryAfterMs,
          attempts: ctx.attempts,
        },
      );
    }
  }
}

/** Builds the error for a 2xx envelope with `success: false`, which is never retried. */
export function unsuccessfulEnvelopeError(transport: Transport, response: JsonResponse): CloudflareApiError {
  const errors = errorsFromJson(response.body).map((e) => ({
    code: e.code,
    message: boundedMessage(redact(e.message, transport.secrets)),
  }));
  const listed = errors.length > 0 ? `: ${formatApiErrors(errors)}` : " with no error details";
  const hint = hintFor(response.status, errors, transport.scheme);
  return new CloudflareApiError(
    redact(
      `Cloudflare API GET ${response.path} answered HTTP ${response.status} but reported failure` +
        `${listed}${rayText(response.rayId)}.${hint ? ` ${hint}` : ""}`,
      transport.secrets,
    ),
    {
      method: "GET",
      path: response.path,
      status: response.status,
      errors,
      rayId: response.rayId,
      retryAfterMs: undefined,
      attempts: 1,
    },
  );
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

/** The longest Cloudflare message kept: real ones are a sentence. */
const MAX_MESSAGE_LENGTH = 500;

function boundedMessage(message: string): string {
  return message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH)}…` : message;
}

/**
 * A copy of a network failure that keeps what helps (name, code, message, its own cause) and
 * drops everything else: undici's errors carry raw protocol data (`data`, the bytes of a malformed
 * status line, say), which a server could fill with whatever the request sent. Messages are scrubbed.
 */
export function scrubbedCause(cause: unknown, secrets: readonly string[], depth = 0): Error | undefined {
  if (cause === undefined || cause === null || depth > 3) return undefined;
  const original = cause as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };
  const copy = new Error(redact(String(original.message ?? cause), secrets).slice(0, MAX_MESSAGE_LENGTH), {
    cause: scrubbedCause(original.cause, secrets, depth + 1),
  });
  if (typeof original.name === "string") copy.name = original.name;
  if (typeof original.code === "string") (copy as Error & { code?: string }).code = original.code;
  if (copy.cause === undefined) delete copy.cause;
  return copy;
}
