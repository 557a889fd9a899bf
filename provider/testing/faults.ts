/**
 * Scripted misbehaviour for the emulator: one {@link Fault} answers one request in place of the
 * normal response. Builders below cover what Cloudflare and the networks in between really do.
 */

/** How to answer one request instead of normally. */
export interface Fault {
  /** HTTP status; default 200. */
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** A JSON value sent as the body. */
  readonly body?: unknown;
  /** A body sent byte for byte (HTML pages, broken JSON). Wins over `body`. */
  readonly rawBody?: string;
  /** Wait this long before answering (timeouts, slow servers). */
  readonly delayMs?: number;
  /** Drop the connection: before any response, or after half the body. */
  readonly drop?: "before-response" | "mid-body";
}

/** A Cloudflare message as it appears in `errors`. */
export interface EnvelopeError {
  readonly code: number;
  readonly message: string;
  readonly error_chain?: readonly EnvelopeError[];
}

/** Cloudflare's failure envelope. */
export function errorEnvelope(errors: readonly EnvelopeError[]) {
  return { success: false, errors, messages: [], result: null };
}

/** A page of invites in Cloudflare's success envelope. */
export function successEnvelope(result: unknown, resultInfo?: Record<string, number>) {
  return {
    success: true,
    errors: [],
    messages: [],
    result,
    ...(resultInfo ? { result_info: resultInfo } : {}),
  };
}

const EDGE_HTML = (status: number) =>
  `<!DOCTYPE html>\n<html><head><title>${status} | Cloudflare</title></head>` +
  `<body><h1>Error ${status}</h1><p>Bad gateway</p></body></html>\n`;

/** Ready-made faults, named after what they imitate. */
export const faults = {
  /** 429 with code 971; `retryAfter` (seconds or an HTTP date) sets `Retry-After`. */
  rateLimited(retryAfter?: number | string): Fault {
    return {
      status: 429,
      headers: retryAfter === undefined ? {} : { "retry-after": String(retryAfter) },
      body: errorEnvelope([{ code: 971, message: "Please wait and consider throttling your request speed" }]),
    };
  },
  /** 429 with no `Retry-After`, only Cloudflare's `Ratelimit` header saying when the window resets. */
  rateLimitedWithResetHeader(resetSeconds: number): Fault {
    return {
      status: 429,
      headers: { ratelimit: `"default";r=0;t=${resetSeconds}` },
      body: errorEnvelope([{ code: 971, message: "Please wait and consider throttling your request speed" }]),
    };
  },
  /** A 5xx with Cloudflare's JSON error envelope. */
  serverError(status = 500): Fault {
    return { status, body: errorEnvelope([{ code: 1000, message: "An unknown error has occurred" }]) };
  },
  /** A 5xx HTML page from the edge, as a 502/503 often is. */
  htmlError(status = 502): Fault {
    return { status, headers: { "content-type": "text/html" }, rawBody: EDGE_HTML(status) };
  },
  /** The connection is reset before any response. */
  reset(): Fault {
    return { drop: "before-response" };
  },
  /** Headers and half the body arrive, then the connection drops. */
  resetMidBody(): Fault {
    return { drop: "mid-body" };
  },
  /** No answer for `ms` milliseconds (then the normal response, if anyone still waits). */
  hang(ms: number): Fault {
    return { delayMs: ms };
  },
  /** 200 whose JSON stops half way, cleanly framed (as a misbehaving proxy sends it). */
  truncatedJson(): Fault {
    return {
      status: 200,
      headers: { "content-type": "application/json" },
      rawBody: '{"success":true,"errors":[],"result":[{"id":"4f5f0c1',
    };
  },
  /** 200 with a body that is not JSON at all. */
  invalidJson(): Fault {
    return {
      status: 200,
      headers: { "content-type": "application/json" },
      rawBody: "<html>maintenance</html>",
    };
  },
  /** 200 with `success: false`: Cloudflare reports a failure inside a 200. */
  unsuccessful(errors: readonly EnvelopeError[] = [{ code: 1000, message: "Temporary failure" }]): Fault {
    return { status: 200, body: errorEnvelope(errors) };
  },
  /** Any envelope with any status. */
  envelope(body: unknown, status = 200): Fault {
    return { status, body };
  },
};
