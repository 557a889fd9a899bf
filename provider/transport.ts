import { setTimeout as sleep } from "node:timers/promises";
import type { Dispatcher } from "undici";
import { attemptOnce } from "./attempt";
import { toError } from "./failure";
import { decideRetry, isRetryableStatus, type RetryPolicy } from "./retry";

/** Everything one GET needs; built once per `listUserInvites` call. */
export interface Transport {
  readonly dispatcher: Dispatcher;
  /** Auth, `accept` and `user-agent` headers. Never copied into an error. */
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** The most bytes one response may have; past it reading stops and the call fails, unretried. */
  readonly maxResponseBytes: number;
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
    // A response over the size limit would be as large next time: it is never retried.
    const retryable =
      attempt.kind === "network"
        ? attempt.retryable
        : attempt.kind === "unreadable" ||
          (attempt.kind === "http-error" && isRetryableStatus(attempt.status));
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
