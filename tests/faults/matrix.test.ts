import {
  CloudflareApiError,
  CloudflareAuthenticationError,
  CloudflareConfigError,
  CloudflareInvitesError,
  CloudflareNetworkError,
  CloudflareNotFoundError,
  CloudflarePermissionError,
  CloudflareRateLimitError,
  CloudflareResponseError,
  CloudflareServerError,
  CloudflareTimeoutError,
  listUserInvites,
  type Invite,
  type ListUserInvitesOptions,
} from "../../provider";
import {
  errorEnvelope,
  FAKE_CREDENTIALS,
  faults,
  manyInvites,
  sampleInvites,
  successEnvelope,
  type EmulatorOptions,
  type Fault,
} from "../../provider/testing";
import { inputProblems, type UserInvitesInputs } from "../../provider/pulumi/runtime";
import type { ProviderHost } from "../../provider/testing";
import { emulator } from "../helpers/emulator";
import { DEFECTS } from "./defects";
import { everythingVisible } from "../helpers/visible";
import { serializeProvider, startHost, stderrWith } from "../helpers/providerHost";

/**
 * The fault matrix: every way Cloudflare, a proxy or the network has been seen to misbehave,
 * scripted in the emulator, each with its one acceptable outcome: the complete, correct list, or
 * a named error. Never a partial list. Every row runs with both credential schemes, and no
 * credential may appear in what comes back: the list, the error's message, its properties, or what
 * `util.inspect` (a logger) would print of it, cause included.
 */

const KEY_OWNER = "key-owner@example.com";
const CREDENTIALS = {
  token: { apiToken: FAKE_CREDENTIALS.apiToken },
  key: { apiKey: FAKE_CREDENTIALS.apiKey, apiEmail: KEY_OWNER },
} as const;
const SECRETS = [FAKE_CREDENTIALS.apiToken, FAKE_CREDENTIALS.apiKey, KEY_OWNER];

const NOW = new Date("2026-11-28T12:00:00Z");
const INVITES = sampleInvites(NOW);
const MANY = manyInvites(25, NOW);

type Outcome =
  | { readonly list: number }
  | {
      readonly error: abstract new (...args: never[]) => CloudflareInvitesError;
      readonly message: string | RegExp;
    };

interface Row {
  readonly name: string;
  readonly emulator: EmulatorOptions;
  readonly options?: ListUserInvitesOptions;
  readonly outcome: Outcome;
  /** The server misbehaves in shape rather than with scripted faults (drift, repeated pages). */
  readonly structural?: boolean;
}

/** What the suite went through, for its summary line. */
// `scanned` counts the outcomes searched for every credential; a credential found fails its
// scenario on the spot, so the line says what was searched, not a leak count that could only be 0.
const tally = { scenarios: 0, faultsSurvived: 0, namedErrors: 0, badInputs: 0, defects: 0, scanned: 0 };
afterAll(() => {
  process.stderr.write(
    `fault suite: ${tally.scenarios} scenarios, ${tally.faultsSurvived} faults survived, ` +
      `${tally.namedErrors} named errors, ${tally.badInputs} bad inputs tried, ` +
      `${tally.defects} fixed defects replayed, ${tally.scanned} outcomes searched for credentials\n`,
  );
});

const times = (n: number, fault: Fault) => Array.from({ length: n }, () => fault);
const always = (fault: Fault) => ({ faultFor: () => fault });
const drifted = {
  organization_id: "5a7805061c76ada191ed06f989cc3dac",
  id: null,
  organization_name: null,
  invited_member_email: "drift@example.com",
  roles: [{ id: "r", name: "Administrator", permissions: {} }],
  status: "left",
  a_field_from_the_future: { nested: [1, 2, 3] },
};

const ROWS: readonly Row[] = [
  { name: "429 with Retry-After: 0", emulator: { faults: [faults.rateLimited(0)] }, outcome: { list: 7 } },
  {
    name: "429 with an HTTP-date Retry-After in the past",
    emulator: { faults: [faults.rateLimited("Sat, 01 Jan 2000 00:00:00 GMT")] },
    outcome: { list: 7 },
  },
  {
    name: "429 without Retry-After, twice",
    emulator: { faults: times(2, faults.rateLimited()) },
    outcome: { list: 7 },
  },
  {
    name: "429 with only Ratelimit r=0;t=0",
    emulator: { faults: [faults.rateLimitedWithResetHeader(0)] },
    outcome: { list: 7 },
  },
  {
    name: "429 asking for 300 s",
    emulator: always(faults.rateLimited(300)),
    outcome: {
      error: CloudflareRateLimitError,
      message:
        /Cloudflare asked to wait 300 s, longer than maxRetryAfterMs \(60000 ms\), so this did not wait: retry after \S+Z\./,
    },
  },
  {
    name: "429 with Ratelimit t=600",
    emulator: always(faults.rateLimitedWithResetHeader(600)),
    outcome: { error: CloudflareRateLimitError, message: "Cloudflare asked to wait 600 s" },
  },
  {
    name: "429 every time",
    emulator: always(faults.rateLimited(0)),
    outcome: { error: CloudflareRateLimitError, message: /HTTP 429: \[971\] .* after 4 attempts/ },
  },
  { name: "408", emulator: { faults: [faults.envelope(errorEnvelope([]), 408)] }, outcome: { list: 7 } },
  { name: "500 JSON", emulator: { faults: [faults.serverError(500)] }, outcome: { list: 7 } },
  { name: "502 HTML", emulator: { faults: [faults.htmlError(502)] }, outcome: { list: 7 } },
  {
    name: "503 JSON, then 504 HTML",
    emulator: { faults: [faults.serverError(503), faults.htmlError(504)] },
    outcome: { list: 7 },
  },
  {
    name: "520 HTML every time",
    emulator: always(faults.htmlError(520)),
    outcome: {
      error: CloudflareServerError,
      message:
        /^Cloudflare API GET \/client\/v4\/user\/invites failed with HTTP 520 after 4 attempts \(cf-ray \w+-EMU\)\. Cloudflare's API is failing/,
    },
  },
  { name: "reset before the response", emulator: { faults: [faults.reset()] }, outcome: { list: 7 } },
  {
    name: "reset every time",
    emulator: always(faults.reset()),
    outcome: {
      error: CloudflareNetworkError,
      message: /failed to connect or lost the connection \(.+\) after 4 attempts/,
    },
  },
  {
    name: "reset mid-body, twice",
    emulator: { faults: times(2, faults.resetMidBody()) },
    outcome: { list: 7 },
  },
  {
    name: "a hang past timeoutMs",
    emulator: { faults: [faults.hang(3_000)] },
    options: { timeoutMs: 150 },
    outcome: { list: 7 },
  },
  {
    name: "a hang every time",
    emulator: always(faults.hang(3_000)),
    options: { timeoutMs: 100, maxRetries: 1 },
    outcome: {
      error: CloudflareTimeoutError,
      message: "timed out after 100 ms (timeoutMs) after 2 attempts",
    },
  },
  { name: "truncated JSON", emulator: { faults: [faults.truncatedJson()] }, outcome: { list: 7 } },
  {
    name: "truncated JSON every time",
    emulator: always(faults.truncatedJson()),
    outcome: {
      error: CloudflareResponseError,
      message: "with a body that is not JSON (application/json, 52 bytes",
    },
  },
  { name: "invalid JSON", emulator: { faults: [faults.invalidJson()] }, outcome: { list: 7 } },
  {
    name: "an empty 200 body every time",
    emulator: always({ status: 200, rawBody: "" }),
    outcome: { error: CloudflareResponseError, message: "not JSON (empty body, application/json)" },
  },
  {
    name: "a mix: 429, 503, reset, hang",
    emulator: {
      faults: [faults.rateLimited(0), faults.serverError(503), faults.reset(), faults.hang(3_000)],
    },
    options: { maxRetries: 4, timeoutMs: 150 },
    outcome: { list: 7 },
  },
  {
    name: "success: false with status 200",
    emulator: always(faults.unsuccessful()),
    outcome: {
      error: CloudflareApiError,
      message: /answered HTTP 200 but reported failure: \[1000\] Temporary failure/,
    },
  },
  {
    name: "success: false with no errors",
    emulator: always(faults.envelope({ success: false, errors: [], result: null })),
    outcome: { error: CloudflareApiError, message: "reported failure with no error details" },
  },
  {
    name: "schema drift: nulls, legacy roles, unknown status, new fields",
    emulator: { invites: [...INVITES, drifted] },
    outcome: { list: 8 },
    structural: true,
  },
  {
    name: "an invite without organization_id",
    emulator: always(faults.envelope(successEnvelope([{ id: "x" }]))),
    outcome: {
      error: CloudflareResponseError,
      message: /missing organization_id\n\s+→ at result\[0\]\.organization_id/,
    },
  },
  {
    name: "a result that is an object",
    emulator: always(faults.envelope(successEnvelope({ invites: [] }))),
    outcome: { error: CloudflareResponseError, message: "expected a list of invites" },
  },
  {
    name: "a body that is a JSON string",
    emulator: always(faults.envelope("ok")),
    outcome: { error: CloudflareResponseError, message: "cannot use" },
  },
  { name: "pages on request", emulator: { invites: MANY, perPage: 10 }, outcome: { list: 25 } },
  {
    name: "pages that repeat (page ignored)",
    emulator: { invites: MANY, perPage: 10, ignorePage: true },
    outcome: { list: 10 },
    structural: true,
  },
  {
    name: "a page that vanished",
    emulator: {
      invites: MANY,
      perPage: 10,
      faults: [undefined, faults.envelope(successEnvelope([], { page: 2, per_page: 10, total_count: 25 }))],
    },
    outcome: { list: 10 },
  },
  {
    name: "a later page rate-limited once",
    emulator: { invites: MANY, perPage: 10, faults: [undefined, faults.rateLimited(0)] },
    outcome: { list: 25 },
  },
  {
    name: "a later page failing for good",
    emulator: {
      invites: MANY,
      perPage: 10,
      faultFor: (r) => (r.query["page"] === "3" ? faults.serverError(502) : undefined),
    },
    outcome: {
      error: CloudflareServerError,
      message: "GET /client/v4/user/invites?page=3&per_page=10 failed with HTTP 502",
    },
  },
  {
    name: "endless pages",
    emulator: { invites: manyInvites(60, NOW), perPage: 1 },
    options: { maxPages: 20 },
    outcome: { error: CloudflareResponseError, message: "after 20 pages (maxPages)" },
  },
  {
    name: "403 lacking the permission",
    emulator: always(
      faults.envelope(
        errorEnvelope([{ code: 9109, message: "Unauthorized to access requested resource" }]),
        403,
      ),
    ),
    outcome: { error: CloudflarePermissionError, message: "User > Memberships > Read" },
  },
  {
    name: "400 with an error_chain",
    emulator: always(
      faults.envelope(
        errorEnvelope([
          {
            code: 6003,
            message: "Invalid request headers",
            error_chain: [{ code: 6111, message: "Invalid format for Authorization header" }],
          },
        ]),
        400,
      ),
    ),
    outcome: {
      error: CloudflareAuthenticationError,
      message: "[6003] Invalid request headers; [6111] Invalid format for Authorization header",
    },
  },
  {
    name: "an error that echoes the credentials",
    emulator: {
      faultFor: (r) =>
        faults.envelope(
          errorEnvelope([
            {
              code: 10000,
              message: `Bad credentials: ${r.headers["authorization"] ?? ""} ${r.headers["x-auth-key"] ?? ""} ${r.headers["x-auth-email"] ?? ""}`,
            },
          ]),
          403,
        ),
    },
    outcome: {
      error: CloudflareAuthenticationError,
      message:
        /^Cloudflare API GET \/client\/v4\/user\/invites failed with HTTP 403: \[10000\] Bad credentials: .*\[redacted\]/,
    },
  },
  {
    name: "404 from a wrong base path",
    emulator: always(faults.envelope(errorEnvelope([{ code: 7003, message: "Could not route" }]), 404)),
    outcome: { error: CloudflareNotFoundError, message: "check baseUrl" },
  },
];

/** The list a fault-free read returns: the reference every surviving row must equal. */
const expected = new Map<string, Invite[]>();
async function referenceList(
  invites: EmulatorOptions["invites"],
  scheme: keyof typeof CREDENTIALS,
): Promise<Invite[]> {
  const key = `${invites === MANY ? "many" : "sample"}`;
  if (!expected.has(key)) {
    const emu = await emulator({
      invites: invites ?? INVITES,
      globalKeys: [{ key: FAKE_CREDENTIALS.apiKey, email: KEY_OWNER }],
    });
    expected.set(key, await listUserInvites({ baseUrl: emu.url, ...CREDENTIALS[scheme] }));
  }
  return expected.get(key) ?? [];
}

/** Every text a caller or a logger could see of a result. */
describe.each(Object.keys(CREDENTIALS) as (keyof typeof CREDENTIALS)[])("with the %s scheme", (scheme) => {
  test.each(ROWS.map((row) => [row.name, row] as const))("%s", async (_name, row) => {
    const emu = await emulator({
      invites: INVITES,
      ...row.emulator,
      globalKeys: [{ key: FAKE_CREDENTIALS.apiKey, email: KEY_OWNER }],
    });
    const options = { baseUrl: emu.url, backoffBaseMs: 1, ...CREDENTIALS[scheme], ...row.options };
    const result: unknown = await listUserInvites(options).catch((error: unknown) => error);

    const visible = everythingVisible(result);
    const leaked = SECRETS.filter((secret) => visible.includes(secret));
    tally.scanned++;
    expect(leaked).toEqual([]);

    if ("list" in row.outcome) {
      expect(result).toBeInstanceOf(Array);
      const list = result as Invite[];
      expect(list).toHaveLength(row.outcome.list);
      if (row.emulator.invites === undefined) {
        expect(list).toEqual(await referenceList(INVITES, scheme));
      } else if (row.emulator.invites === MANY && !row.emulator.ignorePage && row.outcome.list === 25) {
        expect(list).toEqual(await referenceList(MANY, scheme));
      }
      expect(new Set(list.map((i) => i.id ?? i.invitedMemberEmail)).size).toBe(list.length);
      const scripted = (row.emulator.faults ?? [])
        .slice(0, emu.requests.length)
        .filter((f) => f !== undefined);
      tally.faultsSurvived += scripted.length + (row.structural ? 1 : 0);
    } else {
      // The most specific class, not merely one of its parents.
      expect((result as Error).constructor).toBe(row.outcome.error);
      const message = (result as Error).message;
      if (typeof row.outcome.message === "string") expect(message).toContain(row.outcome.message);
      else expect(message).toMatch(row.outcome.message);
      tally.namedErrors++;
    }
    tally.scenarios++;
  });
});

test("drifted fields are normalized, not dropped or invented", async () => {
  const emu = await emulator({ invites: [drifted] });
  const [invite] = await listUserInvites({ baseUrl: emu.url, ...CREDENTIALS.token });
  expect(invite).toEqual({
    organizationId: drifted.organization_id,
    invitedMemberId: null,
    invitedMemberEmail: "drift@example.com",
    roles: ["Administrator"],
    status: "left",
  });
});

/**
 * Bad input: each must be refused before any request, with a CloudflareConfigError that names
 * what was wrong, and without echoing a credential it was given.
 */
const BAD_INPUTS: readonly [string, ListUserInvitesOptions, string][] = [
  ["a misspelled status", { statuses: ["pendng" as never] }, 'statuses[0]: unknown invite status "pendng"'],
  ["a status that is not a list", { statuses: "pending" as never }, "statuses: expected a list of statuses"],
  ["a status that is not a string", { statuses: [7 as never] }, "statuses[0]: unknown invite status 7"],
  [
    "a malformed organization id",
    { organizationIds: ["Acme"] },
    'organizationIds[0]: malformed organization id "Acme"',
  ],
  [
    "an upper-case organization id",
    { organizationIds: ["A".repeat(32)] },
    "organizationIds[0]: malformed organization id",
  ],
  [
    "organization ids that are not a list",
    { organizationIds: "x" as unknown as string[] },
    "organizationIds: expected a list",
  ],
  [
    "plain http to Cloudflare",
    { baseUrl: "http://api.cloudflare.com/client/v4" },
    "baseUrl uses plain http:// to api.cloudflare.com",
  ],
  ["a base URL that is not a URL", { baseUrl: "api.cloudflare.com" }, "baseUrl is not a valid URL"],
  [
    "a base URL with a password",
    { baseUrl: `https://u:${FAKE_CREDENTIALS.apiToken}@api.example.com` },
    "baseUrl must not contain a user name or password",
  ],
  ["a non-http base URL", { baseUrl: "file:///etc/passwd" }, "baseUrl must be an https:// URL, got file://"],
  ["timeoutMs 0", { timeoutMs: 0 }, "timeoutMs must be a whole number from 1 to 2147483647, got 0."],
  [
    "timeoutMs NaN",
    { timeoutMs: Number.NaN },
    "timeoutMs must be a whole number from 1 to 2147483647, got NaN.",
  ],
  [
    "maxRetries Infinity",
    { maxRetries: Number.POSITIVE_INFINITY },
    "maxRetries must be a whole number from 0 to 100, got Infinity.",
  ],
  ["maxRetries negative", { maxRetries: -1 }, "maxRetries must be a whole number from 0 to 100, got -1."],
  [
    "maxRetryAfterMs negative",
    { maxRetryAfterMs: -5 },
    "maxRetryAfterMs must be a whole number from 0 to 2147483647",
  ],
  ["maxPages 0", { maxPages: 0 }, "maxPages must be a whole number from 1 to 100000"],
  ["no credentials", { apiToken: "" }, "No Cloudflare credentials were found"],
  ["blank credentials", { apiToken: "   ", apiKey: " " }, "No Cloudflare credentials were found"],
  [
    "a key without email",
    { apiToken: undefined, apiKey: FAKE_CREDENTIALS.apiKey },
    "without the account email",
  ],
  [
    "an email without key",
    { apiToken: undefined, apiEmail: KEY_OWNER },
    `An email was given (apiEmail) but no API key or token.`,
  ],
  [
    "a token with a newline inside",
    { apiToken: `${FAKE_CREDENTIALS.apiToken}\nX-Evil: 1` },
    "apiToken contains characters that cannot be sent in an HTTP header",
  ],
  [
    "a token in Cyrillic",
    { apiToken: "токен-FAKE" },
    "apiToken contains characters that cannot be sent in an HTTP header",
  ],
  [
    "a key with a NUL byte",
    { apiToken: undefined, apiKey: `${FAKE_CREDENTIALS.apiKey}\u0000`, apiEmail: KEY_OWNER },
    "apiKey contains characters",
  ],
];

describe("bad input", () => {
  test.each(BAD_INPUTS)("%s", async (_name, input, message) => {
    const emu = await emulator();
    const error = await listUserInvites({
      baseUrl: emu.url,
      apiToken: FAKE_CREDENTIALS.apiToken,
      ...input,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CloudflareConfigError);
    expect((error as Error).message).toContain(message);
    const visible = everythingVisible(error);
    expect(SECRETS.filter((secret) => visible.includes(secret))).toEqual([]);
    expect(emu.requests).toHaveLength(0);
    tally.badInputs++;
  });

  test.each([
    [{ baseUrl: 42 }, "baseUrl", "expected a string, got a number"],
    [{ apiToken: { value: "x" } }, "apiToken", "expected a string, got an object"],
    [{ apiEmail: true }, "apiEmail", "expected a string, got a boolean"],
    [{ statuses: ["approved"] }, "statuses[0]", 'unknown invite status "approved"'],
    [{ organizationIds: [null] }, "organizationIds[0]", "malformed organization id null"],
  ])("resource args %j are a check failure on %s", (inputs, property, reason) => {
    expect(inputProblems(inputs as UserInvitesInputs)).toEqual([
      { property, reason: expect.stringContaining(reason) },
    ]);
    tally.badInputs++;
  });
});

/**
 * The provider host logs every failure with its stack (the engine shows it with --logtostderr),
 * and sends the message to the CLI: neither may hold a credential, whether it came from stack
 * config or from the resource's args.
 */
describe("through the provider host", () => {
  const HOST_ROWS = ROWS.filter((row) =>
    [
      "429 asking for 300 s",
      "403 lacking the permission",
      "an error that echoes the credentials",
      "success: false with status 200",
      "an invite without organization_id",
      "404 from a wrong base path",
    ].includes(row.name),
  );
  let host: ProviderHost;
  let provider: string;

  beforeAll(async () => {
    provider = await serializeProvider();
    host = await startHost({ "cloudflare:apiKey": FAKE_CREDENTIALS.apiKey, "cloudflare:email": KEY_OWNER });
  });

  test.each(
    HOST_ROWS.flatMap((row) => [
      [row.name, "stack config", row] as const,
      [row.name, "explicit args", row] as const,
    ]),
  )("%s, credentials from %s", async (_name, source, row) => {
    const emu = await emulator({
      invites: INVITES,
      ...row.emulator,
      globalKeys: [{ key: FAKE_CREDENTIALS.apiKey, email: KEY_OWNER }],
    });
    const inputs = {
      __provider: provider,
      baseUrl: emu.url,
      ...(source === "explicit args" ? CREDENTIALS.token : {}),
    };
    const error = await host.read({ id: "cloudflare-user-invites", inputs }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    // The host did log this failure: the check below reads a real log line.
    const firstLine = (error as Error).message.split("\n")[0] ?? "";
    const log = await stderrWith(host, firstLine);
    expect(log).toContain(firstLine);
    const seen = `${(error as Error).message}\n${log}`;
    const leaked = SECRETS.filter((secret) => seen.includes(secret));
    tally.scanned++;
    expect(leaked).toEqual([]);
    tally.scenarios++;
    tally.namedErrors++;
  });
});

// The defects found in review, each replayed as it was found (tests/faults/defects.ts).
describe("fixed defects", () => {
  test.each(DEFECTS.map((d) => [d.name, d] as const))("%s", async (_name, defect) => {
    await defect.run();
    tally.defects++;
  });
});
