import type { Dispatcher } from "undici";
import type { ApiErrorDetail } from "../../core/errors";
import type { RetryPolicy } from "./retry";

/**
 * The types the HTTP layer's steps share: the settings of every GET, one attempt's outcome, and a
 * good answer. Kept apart so that attempt, failure and the retry loop depend on them, not on each other.
 */

/** Everything one GET needs; built once per `listUserInvites` call. */
export interface RequestSettings {
  readonly dispatcher: Dispatcher;
  /** Auth, `accept` and `user-agent` headers. Never copied into an error. */
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** The most bytes one response may have; past it reading stops and the call fails, unretried. */
  readonly maxResponseBytes: number;
  readonly retryPolicy: RetryPolicy;
  /** Credential values to scrub from any text that ends up in an error. */
  readonly secrets: readonly string[];
  /** Which credentials are sent, so error advice names the right ones. */
  readonly scheme: "token" | "key";
}

/** A 2xx response whose body parsed as JSON and did not report failure. */
export interface JsonResponse {
  readonly status: number;
  readonly rayId: string | undefined;
  readonly path: string;
  readonly body: unknown;
}

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
      /** A non-2xx answer, or a 2xx whose envelope says `success: false` (`reportedFailure`). */
      readonly kind: "http-error";
      readonly status: number;
      readonly rayId: string | undefined;
      readonly errors: ApiErrorDetail[];
      readonly retryAfterMs: number | undefined;
      readonly reportedFailure: boolean;
    }
  | {
      readonly kind: "too-large";
      readonly status: number;
      readonly rayId: string | undefined;
      /** What the response said or showed of its size: `content-length`, or bytes read when stopped. */
      readonly bytes: number;
    }
  | { readonly kind: "network"; readonly cause: unknown; readonly retryable: boolean };

/** A failed attempt. */
export type FailedAttempt = Exclude<Attempt, { kind: "json" }>;
