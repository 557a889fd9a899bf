import { redact } from "../../core/redact";
import { parseRateLimitReset, parseRetryAfter } from "./retry";
import { isTransientNetworkError } from "./networkErrors";
import { readBody, type Body } from "./readBody";
import type { Attempt, RequestSettings } from "./types";
import { sendRequest } from "./undici";
import { errorsFromJson, errorsFromText } from "./wireErrors";

/**
 * One GET, classified: JSON from a 2xx, a 2xx body that is not JSON, an HTTP error (or a 2xx
 * envelope reporting failure) with Cloudflare's error list and requested wait, a body over the
 * size limit, or a network failure. No retry decision here.
 */

export async function attemptOnce(settings: RequestSettings, url: URL): Promise<Attempt> {
  let status: number;
  let headers: Record<string, string | string[] | undefined>;
  let body: Body;
  try {
    const response = await sendRequest(settings.dispatcher, url, {
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
