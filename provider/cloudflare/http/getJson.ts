import { setTimeout as sleep } from "node:timers/promises";
import { attemptOnce } from "./attempt";
import { toError } from "./failure";
import { decideRetry, isRetryableStatus } from "./retry";
import type { JsonResponse, RequestSettings } from "./types";

/**
 * GETs `url` and returns its JSON body, retrying per the policy on 408, 429, 5xx, connection
 * failures, timeouts and unreadable 2xx bodies. Anything else, or the last failure, becomes one of
 * the package's errors with a message that says what to do.
 */
export async function getJson(settings: RequestSettings, url: URL): Promise<JsonResponse> {
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
    const decision = decideRetry(
      { retriesSoFar: retries, retryable, retryAfterMs },
      settings.retryPolicy,
      Math.random(),
    );
    if (decision.retry) {
      await sleep(decision.delayMs);
      continue;
    }
    throw toError(settings, attempt, {
      method: "GET",
      path,
      attempts: retries + 1,
      waitTooLong: decision.reason === "wait-too-long",
    });
  }
}
