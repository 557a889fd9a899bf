import { redact } from "../../core/redact";
import { parseRateLimitReset, parseRetryAfter } from "./retry";
import { isTransientNetworkError } from "./networkErrors";
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
    body = await readBody(response.body, headers, settings.maxResponseBytes);
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

type Body =
  { readonly tooLarge: false; readonly text: string } | { readonly tooLarge: true; readonly bytes: number };

/**
 * The body as text, counted while it streams: past `limit` bytes (or when `content-length`
 * announces more) reading stops and the connection is dropped, so an endless or huge answer
 * costs at most `limit` bytes of memory, once.
 */
async function readBody(
  stream: NodeJS.ReadableStream & {
    destroy(): unknown;
    text(): Promise<string>;
  },
  headers: Record<string, string | string[] | undefined>,
  limit: number,
): Promise<Body> {
  const announced = Number(firstHeader(headers["content-length"]));
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
