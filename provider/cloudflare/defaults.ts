/**
 * Every default of the client in one place, so the README, the code and the tests agree.
 * Plain numbers and strings only: the provider is serialized by value when used from source.
 */
export const DEFAULTS = {
  /** Cloudflare's API v4 root, used when neither `baseUrl` nor `CLOUDFLARE_BASE_URL` is set. */
  baseUrl: "https://api.cloudflare.com/client/v4",
  /** Time allowed for one attempt (connect, headers and body), in milliseconds. */
  timeoutMs: 30_000,
  /** Retries after the first attempt, on 408, 429, 5xx and connection errors. */
  maxRetries: 3,
  /** The longest `Retry-After` that is waited out; a longer one fails at once with the retry time. */
  maxRetryAfterMs: 60_000,
  /** First backoff step when the server gives no `Retry-After`; doubled on each retry. */
  backoffBaseMs: 500,
  /** Ceiling of one backoff step. */
  backoffMaxMs: 8_000,
  /** Hard cap on pages fetched by one call: more is an error, never a silently partial list. */
  maxPages: 500,
  /**
   * The most bytes one response may have: 32 MiB, about 80,000 invitations on one page (10,000 are
   * about 4 MB). Counted while the body streams; a larger answer fails at once and is not retried.
   */
  maxResponseBytes: 32 * 1024 * 1024,
} as const;
