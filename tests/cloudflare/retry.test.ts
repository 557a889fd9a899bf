import { DEFAULTS } from "../../provider";
import { parseRateLimitReset, parseRetryAfter } from "../../provider/cloudflare/request";
import {
  backoffDelayMs,
  decideRetry,
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  retryPolicyOf,
} from "../../provider/cloudflare/retry";

const NOW = Date.parse("2026-11-28T12:00:00Z");

test("the default policy is the documented DEFAULTS", () => {
  expect(DEFAULT_RETRY_POLICY).toEqual({
    maxRetries: 3,
    maxRetryAfterMs: 60_000,
    backoffBaseMs: 500,
    backoffMaxMs: 8_000,
  });
  expect(DEFAULTS.timeoutMs).toBe(30_000);
});

test("the client runs with the default policy, overridden field by field", () => {
  expect(retryPolicyOf({})).toEqual(DEFAULT_RETRY_POLICY);
  expect(retryPolicyOf({ maxRetries: 0, backoffBaseMs: 1 })).toEqual({
    ...DEFAULT_RETRY_POLICY,
    maxRetries: 0,
    backoffBaseMs: 1,
  });
});

test.each([
  [408, true],
  [429, true],
  [500, true],
  [502, true],
  [503, true],
  [599, true],
  [400, false],
  [401, false],
  [403, false],
  [404, false],
  [409, false],
])("status %i retryable: %s", (status, expected) => {
  expect(isRetryableStatus(status)).toBe(expected);
});

describe("parseRetryAfter", () => {
  test.each([
    ["0", 0],
    ["7", 7_000],
    [" 120 ", 120_000],
    ["1.5", 1_500],
  ])("delay-seconds %j", (header, ms) => expect(parseRetryAfter(header, NOW)).toBe(ms));

  test("an HTTP date in the future", () => {
    expect(parseRetryAfter("Sat, 28 Nov 2026 12:00:30 GMT", NOW)).toBe(30_000);
  });

  test("an HTTP date in the past means now", () => {
    expect(parseRetryAfter("Sat, 28 Nov 2026 11:00:00 GMT", NOW)).toBe(0);
  });

  test.each([undefined, "", "soon", "-5"])("unreadable %j is ignored", (header) => {
    expect(parseRetryAfter(header, NOW)).toBeUndefined();
  });
});

test("Cloudflare's Ratelimit header gives the reset time", () => {
  expect(parseRateLimitReset('"default";r=0;t=30')).toBe(30_000);
  expect(parseRateLimitReset('"default";r=50')).toBeUndefined();
  expect(parseRateLimitReset('"default";r=3;t=30')).toBeUndefined();
  expect(parseRateLimitReset(undefined)).toBeUndefined();
});

describe("backoffDelayMs", () => {
  test("doubles from the base, half fixed and half jitter", () => {
    expect([0, 1, 2, 3].map((n) => backoffDelayMs(n, DEFAULT_RETRY_POLICY, 0))).toEqual([
      250, 500, 1000, 2000,
    ]);
    expect([0, 1, 2, 3].map((n) => backoffDelayMs(n, DEFAULT_RETRY_POLICY, 0.999999))).toEqual([
      500, 1000, 2000, 4000,
    ]);
  });

  test("never exceeds backoffMaxMs", () => {
    expect(backoffDelayMs(20, DEFAULT_RETRY_POLICY, 0.999999)).toBe(8_000);
  });
});

describe("decideRetry", () => {
  const failed = (retriesSoFar: number, retryAfterMs?: number, retryable = true) => ({
    retriesSoFar,
    retryable,
    retryAfterMs,
  });

  test("a non-retryable failure is final", () => {
    expect(decideRetry(failed(0, undefined, false), DEFAULT_RETRY_POLICY, 0.5)).toEqual({
      retry: false,
      reason: "not-retryable",
    });
  });

  test("Retry-After is honoured as it is, up to the cap", () => {
    expect(decideRetry(failed(0, 60_000), DEFAULT_RETRY_POLICY, 0.5)).toEqual({
      retry: true,
      delayMs: 60_000,
    });
    expect(decideRetry(failed(0, 0), DEFAULT_RETRY_POLICY, 0.5)).toEqual({ retry: true, delayMs: 0 });
  });

  test("a Retry-After over the cap is not waited out", () => {
    expect(decideRetry(failed(0, 60_001), DEFAULT_RETRY_POLICY, 0.5)).toEqual({
      retry: false,
      reason: "wait-too-long",
    });
  });

  test("without Retry-After the backoff applies", () => {
    expect(decideRetry(failed(2), DEFAULT_RETRY_POLICY, 0)).toEqual({ retry: true, delayMs: 1_000 });
  });

  test("after maxRetries retries it gives up", () => {
    expect(decideRetry(failed(3), DEFAULT_RETRY_POLICY, 0)).toEqual({ retry: false, reason: "exhausted" });
    expect(decideRetry(failed(0), { ...DEFAULT_RETRY_POLICY, maxRetries: 0 }, 0)).toEqual({
      retry: false,
      reason: "exhausted",
    });
  });
});
