import type { ApiErrorDetail } from "./errors";
import { parseRateLimitReset, parseRetryAfter } from "./retry";
import { schemas, type WireMessage } from "./schema";
import type { Transport } from "./transport";
import { sendRequest } from "./undici";

/**
 * One GET, classified: JSON from a 2xx, a 2xx body that is not JSON, an HTTP error with
 * Cloudflare's error list and requested wait, or a network failure. No retry decision here.
 */

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
      readonly kind: "http-error";
      readonly status: number;
      readonly rayId: string | undefined;
      readonly errors: ApiErrorDetail[];
      readonly retryAfterMs: number | undefined;
    }
  | { readonly kind: "network"; readonly cause: unknown; readonly retryable: boolean };

export async function attemptOnce(transport: Transport, url: URL): Promise<Attempt> {
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

function errorsFromBody(text: string): ApiErrorDetail[] {
  try {
    return errorsFromJson(JSON.parse(text));
  } catch {
    return [];
  }
}

/** Flattens `errors` and their `error_chain`s into a list; anything unreadable gives an empty list. */
export function errorsFromJson(body: unknown): ApiErrorDetail[] {
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

export function errorCode(cause: unknown): string | undefined {
  for (let e: unknown = cause, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
