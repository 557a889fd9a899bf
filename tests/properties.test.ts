import fc from "fast-check";
import { CloudflareConfigError, CloudflareInvitesError, listUserInvites } from "../provider";
import { readUserMemberships } from "../provider/pulumi/runtime";
import { runCommand } from "../provider/cli/auditCommand";
import { INPUT_NAMES, INPUTS, type InputSpec } from "../provider/cloudflare/inputs";
import { MAX_PARSED_WAIT_MS, parseRateLimitReset, parseRetryAfter } from "../provider/cloudflare/request";
import { parseListPage } from "../provider/cloudflare/wire";
import {
  FAKE_CREDENTIALS,
  sampleInvites,
  sampleMemberships,
  sampleUser,
  type Fault,
} from "../provider/testing";
import { emulator, withEnv } from "./helpers/emulator";
import { everythingVisible } from "./helpers/visible";

// Properties over arbitrary input: whatever a server, a proxy or a caller sends, the outcome is
// a valid list or one of this package's errors, and no credential reaches anything an error shows.

const TOKEN = FAKE_CREDENTIALS.apiToken;
const RUNS = { numRuns: 150 };

/** Strings that sometimes hold the credential, whole, cut, or surrounded by other text. */
const echoing = fc.oneof(
  fc.string(),
  fc.constant(TOKEN),
  fc.tuple(fc.string(), fc.string()).map(([a, b]) => `${a}${TOKEN}${b}`),
  fc.nat(TOKEN.length).map((n) => TOKEN.slice(0, n)),
);

/** JSON values shaped like, and unlike, Cloudflare's envelope. */
const envelopeLike = fc.oneof(
  fc.jsonValue(),
  fc.record({
    success: fc.oneof(fc.boolean(), fc.jsonValue()),
    errors: fc.oneof(fc.jsonValue(), fc.array(fc.record({ code: fc.jsonValue(), message: echoing }))),
    messages: fc.jsonValue(),
    result: fc.oneof(
      fc.jsonValue(),
      fc.constant(sampleInvites()),
      fc.constant(sampleMemberships()),
      fc.constant(sampleUser()),
      fc.array(fc.dictionary(fc.string(), fc.jsonValue())),
    ),
    result_info: fc.jsonValue(),
  }),
);

const faultArbitrary: fc.Arbitrary<Fault> = fc.record(
  {
    status: fc.integer({ min: 200, max: 599 }),
    headers: fc.record(
      { "retry-after": echoing, "cf-ray": echoing, ratelimit: echoing, "content-type": echoing },
      { requiredKeys: [] },
    ),
    body: envelopeLike,
    rawBody: echoing,
  },
  { requiredKeys: [] },
);

/**
 * An arbitrary answer three times in four, the emulator's normal one otherwise. An arbitrary answer
 * alone reads as a list too seldom for 150 runs to be sure of reaching that end (CI once saw none).
 */
const answerOrNormal = fc.oneof(faultArbitrary, faultArbitrary, faultArbitrary, fc.constant<Fault>({}));

/**
 * What a call ended in: a list of invites (each with its organization), or one of this package's
 * errors with no credential anywhere in it. Anything else fails the test.
 */
function outcomeOf(outcome: unknown): "list" | "error" {
  if (Array.isArray(outcome)) {
    for (const invite of outcome)
      expect(typeof (invite as { organizationId?: unknown }).organizationId).toBe("string");
    return "list";
  }
  expect(outcome).toBeInstanceOf(CloudflareInvitesError);
  expect(everythingVisible(outcome)).not.toContain(TOKEN);
  return "error";
}

test("the wire parser: any body is a page of invites or a list of problems, never a throw", () => {
  fc.assert(
    fc.property(envelopeLike, (body) => {
      const parsed = parseListPage(body);
      if (parsed.ok) expect(Array.isArray(parsed.page.items)).toBe(true);
      else expect(typeof parsed.problems).toBe("string");
    }),
    RUNS,
  );
});

test("the client: any answer gives a list or one of our errors, with no credential in it", async () => {
  let next: Fault = {};
  const served = await emulator({ faultFor: () => next });
  const seen = { list: 0, error: 0 };
  await fc.assert(
    fc.asyncProperty(answerOrNormal, async (fault) => {
      next = fault;
      const outcome = await listUserInvites({
        baseUrl: served.url,
        apiToken: TOKEN,
        maxRetries: 1,
        backoffBaseMs: 1,
        maxRetryAfterMs: 0,
      }).catch((error: unknown) => error);
      seen[outcomeOf(outcome)]++;
    }),
    RUNS,
  );
  expect(served.requests.length).toBeGreaterThanOrEqual(RUNS.numRuns);
  // Both ends were reached: answers that read as a list, and answers that failed.
  expect(seen.list).toBeGreaterThan(0);
  expect(seen.error).toBeGreaterThan(0);
});

test("the memberships read: any answers to its two requests give whole outputs or one of our errors", async () => {
  let next: Fault = {};
  const served = await emulator({
    faultFor: (request) => (request.path.endsWith("/user") ? next : undefined),
  });
  const memberships = await emulator({ faultFor: () => next });
  const seen = { whole: 0, error: 0 };
  await fc.assert(
    fc.asyncProperty(answerOrNormal, fc.boolean(), async (fault, onMemberships) => {
      next = fault;
      // The fault hits /user alone (while /memberships answers well), or both.
      const url = onMemberships ? memberships.url : served.url;
      const options = {
        baseUrl: url,
        apiToken: TOKEN,
        maxRetries: 1,
        backoffBaseMs: 1,
        maxRetryAfterMs: 0,
      };
      const outcome = await readUserMemberships(options, {}, { onlyInputs: true }).catch(
        (error: unknown) => error,
      );
      if (outcome instanceof Error) {
        expect(outcome).toBeInstanceOf(CloudflareInvitesError);
        expect(everythingVisible(outcome)).not.toContain(TOKEN);
        seen.error++;
      } else {
        const { memberships: list, twoFactorAuthenticationEnabled } = outcome as {
          memberships: { accountId: unknown }[];
          twoFactorAuthenticationEnabled: unknown;
        };
        expect(typeof twoFactorAuthenticationEnabled).toBe("boolean");
        for (const membership of list) expect(typeof membership.accountId).toBe("string");
        seen.whole++;
      }
    }),
    RUNS,
  );
  expect(seen.whole).toBeGreaterThan(0);
  expect(seen.error).toBeGreaterThan(0);
});

test("Retry-After and Ratelimit: any header is no wait or a wait from 0 to a year, usable as a date", () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string(),
        fc.stringMatching(/^\d{1,30}(\.\d{1,5})?$/),
        fc.date().map((d) => (Number.isNaN(d.getTime()) ? "x" : d.toUTCString())),
      ),
      (header) => {
        for (const wait of [
          parseRetryAfter(header, Date.now()),
          parseRateLimitReset(header),
          parseRateLimitReset(`r=0;t=${header}`),
        ]) {
          if (wait === undefined) continue;
          expect(Number.isFinite(wait)).toBe(true);
          expect(wait).toBeGreaterThanOrEqual(0);
          expect(wait).toBeLessThanOrEqual(MAX_PARSED_WAIT_MS);
          expect(() => new Date(Date.now() + wait).toISOString()).not.toThrow();
        }
      },
    ),
    { numRuns: 500 },
  );
});

/** Whether `value` is one an input accepts, by its declaration (lists are checked by their own tests). */
function acceptable(spec: InputSpec, value: unknown): boolean | "either" {
  if (value === undefined) return true;
  if (spec.type === "integer")
    return (
      Number.isInteger(value) && (value as number) >= (spec.min ?? 0) && (value as number) <= (spec.max ?? 0)
    );
  return "either";
}

test("options: any value of any option is used or refused with a configuration error naming it", async () => {
  const emu = await emulator();
  // Every declared input but the credentials and the API root (which would send the read elsewhere),
  // and a misspelt one.
  const names = [
    ...INPUT_NAMES.filter((name) => (INPUTS[name] as InputSpec).secret !== true && name !== "baseUrl"),
    "status",
  ];
  const value = fc.oneof(fc.anything(), fc.integer({ min: -10, max: 100_000 }), fc.constant(undefined));
  const seen = { list: 0, error: 0 };
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...names), value, async (name, value) => {
      const options = { baseUrl: emu.url, apiToken: TOKEN, maxRetries: 0, [name]: value };
      const outcome = await listUserInvites(options as never).catch((error: unknown) => error);
      seen[outcomeOf(outcome)]++;
      if (outcome instanceof CloudflareConfigError) expect(outcome.message).toContain(name);
      const verdict = name === "status" ? false : acceptable(INPUTS[name as keyof typeof INPUTS], value);
      if (verdict === false) expect(outcome).toBeInstanceOf(CloudflareConfigError);
      if (verdict === true) expect(outcome instanceof CloudflareConfigError).toBe(false);
    }),
    RUNS,
  );
  expect(seen.list).toBeGreaterThan(0);
  expect(seen.error).toBeGreaterThan(0);
});

test("the audit command: any arguments exit 0, 1 or 2 with a message, never a throw or a credential", async () => {
  const emu = await emulator({ invites: sampleInvites() });
  const flag = fc.constantFrom(
    "--json",
    "--counted-statuses",
    "--exempt-organization-ids",
    "--expiring-within-days",
    "--timeout-ms",
    "--base-url",
    "--help",
    "--version",
    "-h",
    "--bogus",
  );
  const argument = fc.oneof(
    flag,
    echoing,
    fc.constantFrom("", ",,,", "pending", "0", "-1", "1.5", "99999999999999", emu.url),
  );
  await fc.assert(
    fc.asyncProperty(fc.array(argument, { maxLength: 6 }), async (args) => {
      let out = "";
      const code = await withEnv({ CLOUDFLARE_API_TOKEN: TOKEN, CLOUDFLARE_BASE_URL: emu.url }, () =>
        runCommand(["audit", ...args], { stdout: (t) => (out += t), stderr: (t) => (out += t) }),
      );
      expect([0, 1, 2]).toContain(code);
      expect(out.length).toBeGreaterThan(0);
      // The command may quote an argument back; the credential only ever comes from the environment.
      if (!args.some((a) => a.includes(TOKEN.slice(0, 4)))) expect(out).not.toContain(TOKEN);
    }),
    { numRuns: 100 },
  );
});
