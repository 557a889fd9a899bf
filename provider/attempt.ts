import type { ApiErrorDetail } from "./errors";
import { parseRateLimitReset, parseRetryAfter } from "./retry";
import { redact } from "./redact";
import { schemas } from "./schema";
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
  | {
      readonly kind: "too-large";
      readonly status: number;
      readonly rayId: string | undefined;
      /** What the response said or showed of its size: `content-length`, or bytes read when stopped. */
      readonly bytes: number;
    }
  | { readonly kind: "network"; readonly cause: unknown; readonly retryable: boolean };

export async function attemptOnce(transport: Transport, url: URL): Promise<Attempt> {
  let status: number;
  let headers: Record<string, string | string[] | undefined>;
  let body: Body;
  try {
    const response = await sendRequest(transport.dispatcher, url, {
      method: "GET",
      headers: transport.headers,
      signal: AbortSignal.timeout(transport.timeoutMs),
    });
    status = response.statusCode;
    headers = response.headers;
    body = await readBody(response.body, headers, transport.maxResponseBytes);
  } catch (cause) {
    return { kind: "network", cause, retryable: isTransientNetworkError(cause) };
  }
  // Whatever the server sent is scrubbed before it is kept, cut or quoted anywhere.
  const rayId = boundedHeader(firstHeader(headers["cf-ray"]), transport.secrets);
  if (body.tooLarge) return { kind: "too-large", status, rayId, bytes: body.bytes };
  const text = body.text;
  if (status >= 200 && status < 300) {
    try {
      return { kind: "json", status, rayId, body: JSON.parse(text) as unknown };
    } catch {
      return { kind: "unreadable", status, rayId, reason: describeBody(headers, text, transport.secrets) };
    }
  }
  const retryAfterMs =
    parseRetryAfter(firstHeader(headers["retry-after"]), Date.now()) ??
    (status === 429 ? parseRateLimitReset(firstHeader(headers["ratelimit"])) : undefined);
  return { kind: "http-error", status, rayId, errors: errorsFromBody(text), retryAfterMs };
}

type Body =
  { readonly tooLarge: false; readonly text: string } | { readonly tooLarge: true; readonly bytes: number };

/**
 * The body as text, counted while it streams: past `limit` bytes (or when `content-length`
 * announces more) reading stops and the connection is dropped, so an endless or huge answer
 * costs at most `limit` bytes of memory, once.
 */
async function readBody(
  stream: AsyncIterable<Buffer> & {
    destroy(): unknown;
    on(event: "error", listener: () => void): unknown;
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
  // costs nothing extra. Only a body of unknown length (chunked) is counted as it streams.
  if (Number.isFinite(announced)) return { tooLarge: false, text: await stream.text() };
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream) {
    bytes += chunk.length;
    if (bytes > limit) {
      discard(stream);
      return { tooLarge: true, bytes };
    }
    chunks.push(chunk);
  }
  return { tooLarge: false, text: Buffer.concat(chunks, bytes).toString("utf8") };
}

/**
 * Drops a body unread and closes its connection. undici reports the abort as an `error` event,
 * which, with nobody listening, would crash the process (the provider host, under Pulumi).
 */
function discard(stream: { destroy(): unknown; on(event: "error", listener: () => void): unknown }): void {
  stream.on("error", () => undefined);
  stream.destroy();
}

function errorsFromBody(text: string): ApiErrorDetail[] {
  try {
    return errorsFromJson(JSON.parse(text));
  } catch {
    return [];
  }
}

/** How deep `error_chain`s are followed: real ones are one or two levels. */
const MAX_ERROR_CHAIN_DEPTH = 8;
/** How many messages are kept from one response, however many it sends. */
const MAX_ERROR_MESSAGES = 20;

/**
 * Flattens `errors` and their `error_chain`s into a list, depth first, without recursion and to a
 * bounded depth and length; anything unreadable gives an empty list.
 */
export function errorsFromJson(body: unknown): ApiErrorDetail[] {
  const { errorEnvelope, message: messageSchema } = schemas();
  const parsed = errorEnvelope.safeParse(body);
  if (!parsed.success) return [];
  const flat: ApiErrorDetail[] = [];
  const pending: { message: unknown; depth: number }[] = (parsed.data.errors ?? [])
    .map((message) => ({ message, depth: 0 }))
    .reverse();
  while (pending.length > 0 && flat.length < MAX_ERROR_MESSAGES) {
    const { message, depth } = pending.pop() as { message: unknown; depth: number };
    const m = messageSchema.safeParse(message);
    if (!m.success) continue;
    const code = typeof m.data.code === "number" ? m.data.code : Number.parseInt(m.data.code ?? "", 10);
    flat.push({ code: Number.isSafeInteger(code) ? code : null, message: m.data.message ?? "" });
    if (depth + 1 < MAX_ERROR_CHAIN_DEPTH) {
      for (const nested of [...(m.data.error_chain ?? [])].reverse())
        pending.push({ message: nested, depth: depth + 1 });
    }
  }
  return flat;
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
