/**
 * Retry policy as pure functions: which failures are retried and how long to wait. The client
 * calls these; tests call them directly with fixed clocks and random numbers.
 */

/** The knobs of the policy; the client's defaults are `DEFAULT_RETRY_POLICY` (cloudflare/options.ts). */
export interface RetryPolicy {
  readonly maxRetries: number;
  readonly maxRetryAfterMs: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
}

/** HTTP statuses worth another attempt: timeouts, rate limits and server-side failures. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

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

/**
 * Jittered exponential backoff for retry number `retry` (0 for the first retry): half the step is
 * fixed, half random, so concurrent clients spread out without any of them retrying at once.
 * `random` is a number in [0, 1).
 */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: number): number {
  const step = Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** retry);
  return Math.round(step / 2 + (step / 2) * random);
}

/** What the client should do after a failed attempt. */
export type RetryDecision =
  | { readonly retry: true; readonly delayMs: number }
  | { readonly retry: false; readonly reason: "not-retryable" | "exhausted" | "wait-too-long" };

/** Facts about a failed attempt that the decision depends on. */
export interface RetryFacts {
  /** Retries already made (0 after the first attempt). */
  readonly retriesSoFar: number;
  /** Whether the failure is of a retryable kind (status, connection error, unreadable body). */
  readonly retryable: boolean;
  /** The wait the server asked for, if any. */
  readonly retryAfterMs: number | undefined;
}

/**
 * Decides whether to retry and after how long. A server-requested wait is honoured as it is,
 * up to `maxRetryAfterMs`; a longer one is not waited out (`wait-too-long`), so a pipeline fails
 * at once with the time to come back instead of hanging for minutes.
 */
export function decideRetry(attempt: RetryFacts, policy: RetryPolicy, random: number): RetryDecision {
  if (!attempt.retryable) return { retry: false, reason: "not-retryable" };
  if (attempt.retryAfterMs !== undefined && attempt.retryAfterMs > policy.maxRetryAfterMs) {
    return { retry: false, reason: "wait-too-long" };
  }
  if (attempt.retriesSoFar >= policy.maxRetries) return { retry: false, reason: "exhausted" };
  const delayMs = attempt.retryAfterMs ?? backoffDelayMs(attempt.retriesSoFar, policy, random);
  return { retry: true, delayMs };
}
