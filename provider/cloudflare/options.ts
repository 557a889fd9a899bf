import type { Dispatcher } from "undici";
import { CloudflareConfigError } from "../core/errors";
import { MAX_TIMER_MS } from "../core/limits";
import { describeType, isWholeNumberWithin, wholeNumberRange } from "../core/problems";
import { DEFAULTS } from "./defaults";
import type { InviteFilters } from "./filters";
import type { RetryPolicy } from "./http/retry";

/** Options of `listUserInvites`. Every field is optional. */
export interface ListUserInvitesOptions extends InviteFilters {
  /** API token (`Authorization: Bearer`). Default: `CLOUDFLARE_API_TOKEN`. */
  readonly apiToken?: string | undefined;
  /** Global API key, used with `apiEmail`. Default: `CLOUDFLARE_API_KEY`. */
  readonly apiKey?: string | undefined;
  /** Email of the Global API key's user. Default: `CLOUDFLARE_EMAIL`. */
  readonly apiEmail?: string | undefined;
  /** API root, as a string or a `URL`. Default: `CLOUDFLARE_BASE_URL`, else `https://api.cloudflare.com/client/v4`. */
  readonly baseUrl?: string | URL | undefined;
  /** Time allowed for one attempt, in ms. Default 30 000. */
  readonly timeoutMs?: number | undefined;
  /** Retries after the first attempt. Default 3. */
  readonly maxRetries?: number | undefined;
  /** Longest `Retry-After` waited out, in ms. Default 60 000. */
  readonly maxRetryAfterMs?: number | undefined;
  /** First backoff step, in ms, doubled per retry up to 8 s. Default 500. */
  readonly backoffBaseMs?: number | undefined;
  /** Most pages fetched before failing. Default 500. */
  readonly maxPages?: number | undefined;
  /** Most bytes one response may have; a larger one fails, unretried. Default 32 MiB. */
  readonly maxResponseBytes?: number | undefined;
  /** An undici Dispatcher to send requests through (tests, custom proxies, pools). Default: one keep-alive agent per process. */
  readonly dispatcher?: Dispatcher | undefined;
}

/** Every key of {@link ListUserInvitesOptions}; anything else is refused before a request. */
export const LIST_OPTION_KEYS = [
  "statuses",
  "organizationIds",
  "apiToken",
  "apiKey",
  "apiEmail",
  "baseUrl",
  "timeoutMs",
  "maxRetries",
  "maxRetryAfterMs",
  "backoffBaseMs",
  "maxPages",
  "maxResponseBytes",
  "dispatcher",
] as const satisfies readonly (keyof ListUserInvitesOptions)[];

// Fails to compile when an option is added to the interface but not to the list above.
const _everyOptionListed: Record<keyof ListUserInvitesOptions, true> = Object.fromEntries(
  LIST_OPTION_KEYS.map((key) => [key, true]),
) as Record<(typeof LIST_OPTION_KEYS)[number], true>;
void _everyOptionListed;

/** The largest `maxResponseBytes`: a body is held as one string, and V8 strings stop near 512 MiB. */
const MAX_RESPONSE_BYTES = 256 * 1024 * 1024;

/** The numeric options and the whole numbers each accepts; the command line's flags use the same bounds. */
export const NUMERIC_OPTION_BOUNDS = {
  timeoutMs: { min: 1, max: MAX_TIMER_MS },
  maxRetries: { min: 0, max: 100 },
  maxRetryAfterMs: { min: 0, max: MAX_TIMER_MS },
  backoffBaseMs: { min: 0, max: MAX_TIMER_MS },
  maxPages: { min: 1, max: 100_000 },
  maxResponseBytes: { min: 1, max: MAX_RESPONSE_BYTES },
} as const;

export type NumericOption = keyof typeof NUMERIC_OPTION_BOUNDS;

/** A numeric option's value, or `fallback`: a whole number within its bounds, or an error naming it. */
export function numericOption(
  options: ListUserInvitesOptions,
  name: NumericOption,
  fallback: number,
): number {
  const value: unknown = options[name];
  if (value === undefined) return fallback;
  const { min, max } = NUMERIC_OPTION_BOUNDS[name];
  if (!isWholeNumberWithin(value, min, max)) {
    const shown = typeof value === "number" ? String(value) : describeType(value);
    throw new CloudflareConfigError(`${name} must be ${wholeNumberRange(min, max)}, got ${shown}.`);
  }
  return value;
}

/** The retry policy when the caller sets nothing: {@link DEFAULTS}'. What the client runs with. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: DEFAULTS.maxRetries,
  maxRetryAfterMs: DEFAULTS.maxRetryAfterMs,
  backoffBaseMs: DEFAULTS.backoffBaseMs,
  backoffMaxMs: DEFAULTS.backoffMaxMs,
};

/** The retry policy the options ask for: {@link DEFAULT_RETRY_POLICY}, field by field overridden. */
export function retryPolicyOf(options: ListUserInvitesOptions): RetryPolicy {
  return {
    maxRetries: numericOption(options, "maxRetries", DEFAULT_RETRY_POLICY.maxRetries),
    maxRetryAfterMs: numericOption(options, "maxRetryAfterMs", DEFAULT_RETRY_POLICY.maxRetryAfterMs),
    backoffBaseMs: numericOption(options, "backoffBaseMs", DEFAULT_RETRY_POLICY.backoffBaseMs),
    backoffMaxMs: DEFAULT_RETRY_POLICY.backoffMaxMs,
  };
}

/** The limits of one call: time per attempt, pages, bytes per response. */
export function limitsOf(options: ListUserInvitesOptions) {
  return {
    timeoutMs: numericOption(options, "timeoutMs", DEFAULTS.timeoutMs),
    maxPages: numericOption(options, "maxPages", DEFAULTS.maxPages),
    maxResponseBytes: numericOption(options, "maxResponseBytes", DEFAULTS.maxResponseBytes),
  };
}
