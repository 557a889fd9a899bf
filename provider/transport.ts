import { setTimeout as sleep } from "node:timers/promises";
import type { Dispatcher } from "undici";
import {
  CloudflareApiError,
  CloudflareNetworkError,
  CloudflareResponseError,
  type ApiErrorDetail,
} from "./errors";
import { hintFor } from "./hints";
import { redact } from "./redact";
import {
  decideRetry,
  isRetryableStatus,
  parseRateLimitReset,
  parseRetryAfter,
  type RetryPolicy,
} from "./retry";
import { schemas, type WireMessage } from "./schema";
import { sendRequest } from "./undici";

/** Everything one GET needs; built once per `listUserInvites` call. */
export interface Transport {
  readonly dispatcher: Dispatcher;
  /** Auth, `accept` and `user-agent` headers. Never copied into an error. */
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly policy: RetryPolicy;
  /** Credential values to scrub from any text that ends up in an error. */
  readonly secrets: readonly string[];
  readonly scheme: "token" | "key";
}

/** A 2xx response whose body parsed as JSON. */
export interface JsonResponse {
  readonly status: number;
  readonly rayId: string | undefined;
  readonly path: string;
  readonly body: unknown;
}

/** One attempt's outcome, before the retry decision. */
type Attempt =
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
      readonly kind: "http-error";
      readonly status: number;
      readonly rayId: string | undefined;
      readonly errors: ApiErrorDetail[];
      readonly retryAfterMs: number | undefined;
    }
  | { readonly kind: "network"; readonly cause: unknown; readonly retryable: boolean };

/**
 * GETs `url` and returns its JSON body, retrying per the policy on 408, 429, 5xx, connection
 * failures, timeouts and unreadable 2xx bodies. Anything else, or the last failure, becomes one of
 * the package's errors with a message that says what to do.
 */
export async function getJson(transport: Transport, url: URL): Promise<JsonResponse> {
  const path = url.pathname + url.search;
  for (let retries = 0; ; retries++) {
    const attempt = await attemptOnce(transport, url);
    if (attempt.kind === "json") return { ...attempt, path };
    const retryAfterMs = attempt.kind === "http-error" ? attempt.retryAfterMs : undefined;
    const retryable =
      attempt.kind === "network"
        ? attempt.retryable
        : attempt.kind === "unreadable" || isRetryableStatus(attempt.status);
    const decision = decideRetry(
      { retriesSoFar: retries, retryable, retryAfterMs },
      transport.policy,
      Math.random(),
    );
    if (decision.retry) {
      await sleep(decision.delayMs);
      continue;
    }
    throw toError(transport, attempt, {
      method: "GET",
      path,
      attempts: retries + 1,
      waitTooLong: decision.reason === "wait-too-long",
    });
  }
}

async function attemptOnce(transport: Transport, url: URL): Promise<Attempt> {
  let status: number;
  let headers: Record<string, string | string[] | undefined>;
  let text: string;
  try {
    const response = await sendRequest(transport.dispatcher, url, {
      method: "GET",
      headers: transport.headers,
      signal: AbortSignal.timeout(transport.timeoutMs),
    });
    status = response.statusCode;
    headers = response.headers;
    text = await response.body.text();
  } catch (cause) {
    return { kind: "network", cause, retryable: isTransientNetworkError(cause) };
  }
  const rayId = firstHeader(headers["cf-ray"]);
  if (status >= 200 && status < 300) {
    try {
      return { kind: "json", status, rayId, body: JSON.parse(text) as unknown };
    } catch {
      return { kind: "unreadable", status, rayId, reason: describeBody(headers, text) };
    }
  }
  const retryAfterMs =
    parseRetryAfter(firstHeader(headers["retry-after"]), Date.now()) ??
    (status === 429 ? parseRateLimitReset(firstHeader(headers["ratelimit"])) : undefined);
  return { kind: "http-error", status, rayId, errors: errorsFromBody(text), retryAfterMs };
}

interface ErrorContext {
  readonly method: string;
  readonly path: string;
  readonly attempts: number;
  readonly waitTooLong: boolean;
}

function toError(
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
        { method: ctx.method, path: ctx.path, attempts: ctx.attempts, cause: attempt.cause },
      );
    }
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
      const errors = attempt.errors.map((e) => ({ code: e.code, message: scrub(e.message) }));
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
    message: redact(e.message, transport.secrets),
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

function errorsFromBody(text: string): ApiErrorDetail[] {
  try {
    return errorsFromJson(JSON.parse(text));
  } catch {
    return [];
  }
}

/** Flattens `errors` and their `error_chain`s into a list; anything unreadable gives an empty list. */
function errorsFromJson(body: unknown): ApiErrorDetail[] {
  const parsed = schemas().errorEnvelope.safeParse(body);
  if (!parsed.success) return [];
  const flat: ApiErrorDetail[] = [];
  const visit = (messages: readonly WireMessage[] | null | undefined) => {
    for (const m of messages ?? []) {
      const code = typeof m.code === "number" ? m.code : Number.parseInt(m.code ?? "", 10);
      flat.push({ code: Number.isNaN(code) ? null : code, message: m.message ?? "" });
      visit(m.error_chain);
    }
  };
  visit(parsed.data.errors);
  return flat;
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function describeBody(headers: Record<string, string | string[] | undefined>, text: string): string {
  const type = firstHeader(headers["content-type"]) ?? "no content-type";
  if (text.length === 0) return `empty body, ${type}`;
  return `${type}, ${text.length} bytes, starting ${JSON.stringify(text.slice(0, 60))}`;
}

function isTimeout(cause: unknown): boolean {
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

function errorCode(cause: unknown): string | undefined {
  for (let e: unknown = cause, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function describeCause(cause: unknown): string {
  const code = errorCode(cause);
  const message = cause instanceof Error ? cause.message : String(cause);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}
