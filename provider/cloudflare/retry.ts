import { setTimeout as sleep } from "node:timers/promises";
import { DEFAULTS, numericInput, type InputValues, type NumericInputName } from "./inputs";
import { attemptOnce, toError, type RequestSettings } from "./request";

/**
 * Retries: the policy as pure functions (which failures are retried, how long to wait), and the
 * loop that applies it to one GET. Tests call the policy directly with fixed clocks and random
 * numbers.
 */

/** A 2xx response whose body parsed as JSON and did not report failure. */
export interface JsonResponse {
  readonly status: number;
  readonly rayId: string | undefined;
  readonly path: string;
  readonly body: unknown;
}

/**
 * GETs `url` and returns its JSON body, retrying per the policy on 408, 429, 5xx, connection
 * failures, timeouts and unreadable 2xx bodies. Anything else, or the last failure, becomes one of
 * the package's errors with a message that says what to do.
 */
export async function getJson(
  settings: RequestSettings,
  policy: RetryPolicy,
  url: URL,
): Promise<JsonResponse> {
  const path = url.pathname + url.search;
  for (let retries = 0; ; retries++) {
    const attempt = await attemptOnce(settings, url);
    if (attempt.kind === "json")
      return { status: attempt.status, rayId: attempt.rayId, body: attempt.body, path };
    const retryAfterMs = attempt.kind === "http-error" ? attempt.retryAfterMs : undefined;
    // A response over the size limit would be as large next time: it is never retried.
    const retryable =
      attempt.kind === "network"
        ? attempt.retryable
        : attempt.kind === "unreadable" ||
          (attempt.kind === "http-error" && isRetryableStatus(attempt.status));
    const decision = decideRetry({ retriesSoFar: retries, retryable, retryAfterMs }, policy, Math.random());
    if (decision.retry) {
      await sleep(decision.delayMs);
      continue;
    }
    throw toError(settings, attempt, {
      method: "GET",
      path,
      attempts: retries + 1,
      waitTooLong: decision.reason === "wait-too-long",
      maxRetryAfterMs: policy.maxRetryAfterMs,
    });
  }
}

/** The knobs of the policy; the client's defaults are `DEFAULT_RETRY_POLICY`. */
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

/** The retry policy when the caller sets nothing: {@link DEFAULTS}'. What the client runs with. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: DEFAULTS.maxRetries,
  maxRetryAfterMs: DEFAULTS.maxRetryAfterMs,
  backoffBaseMs: DEFAULTS.backoffBaseMs,
  backoffMaxMs: DEFAULTS.backoffMaxMs,
};

/** The retry policy the inputs ask for: {@link DEFAULT_RETRY_POLICY}, field by field overridden. */
export function retryPolicyOf(values: Pick<InputValues, NumericInputName>): RetryPolicy {
  return {
    maxRetries: numericInput(values, "maxRetries"),
    maxRetryAfterMs: numericInput(values, "maxRetryAfterMs"),
    backoffBaseMs: numericInput(values, "backoffBaseMs"),
    backoffMaxMs: DEFAULT_RETRY_POLICY.backoffMaxMs,
  };
}
