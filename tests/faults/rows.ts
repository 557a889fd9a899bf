import {
  CloudflareApiError,
  CloudflareAuthenticationError,
  CloudflareInvitesError,
  CloudflareNetworkError,
  CloudflareNotFoundError,
  CloudflarePermissionError,
  CloudflareRateLimitError,
  CloudflareResponseError,
  CloudflareServerError,
  CloudflareTimeoutError,
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

/**
 * The rows of the fault matrix: every way Cloudflare, a proxy or the network has been seen to
 * misbehave, each with its one acceptable outcome. tests/faults/matrix.test.ts runs them all
 * against the invitations; tests/faults/memberships.test.ts runs those that are not about the
 * invitations' own content against the memberships and the user.
 */

export const KEY_OWNER = "key-owner@example.com";
export const CREDENTIALS = {
  token: { apiToken: FAKE_CREDENTIALS.apiToken },
  key: { apiKey: FAKE_CREDENTIALS.apiKey, apiEmail: KEY_OWNER },
} as const;
export const SECRETS = [FAKE_CREDENTIALS.apiToken, FAKE_CREDENTIALS.apiKey, KEY_OWNER];

export const NOW = new Date("2026-11-28T12:00:00Z");
export const INVITES = sampleInvites(NOW);
export const MANY = manyInvites(25, NOW);

type Outcome =
  | { readonly list: number }
  | {
      readonly error: abstract new (...args: never[]) => CloudflareInvitesError;
      readonly message: string | RegExp;
    };

export interface Row {
  readonly name: string;
  readonly emulator: EmulatorOptions;
  readonly options?: ListUserInvitesOptions;
  readonly outcome: Outcome;
  /** The server misbehaves in shape rather than with scripted faults (drift, repeated pages). */
  readonly structural?: boolean;
  /**
   * The row is about the invitations' own list (its content, its pages): run against them only.
   * Unmarked rows are about transport and errors, and hold for every endpoint.
   */
  readonly invitesOnly?: true;
}

const times = (n: number, fault: Fault) => Array.from({ length: n }, () => fault);
const always = (fault: Fault) => ({ faultFor: () => fault });
export const drifted = {
  organization_id: "5a7805061c76ada191ed06f989cc3dac",
  id: null,
  organization_name: null,
  invited_member_email: "drift@example.com",
  roles: [{ id: "r", name: "Administrator", permissions: {} }],
  status: "left",
  a_field_from_the_future: { nested: [1, 2, 3] },
};

export const ROWS: readonly Row[] = [
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
    invitesOnly: true,
    emulator: { invites: [...INVITES, drifted] },
    outcome: { list: 8 },
    structural: true,
  },
  {
    name: "an invite without organization_id",
    invitesOnly: true,
    emulator: always(faults.envelope(successEnvelope([{ id: "x" }]))),
    outcome: {
      error: CloudflareResponseError,
      message: /missing organization_id\n\s+→ at result\[0\]\.organization_id/,
    },
  },
  {
    name: "a result that is an object",
    invitesOnly: true,
    emulator: always(faults.envelope(successEnvelope({ invites: [] }))),
    outcome: { error: CloudflareResponseError, message: "expected a list of invites" },
  },
  {
    name: "a body that is a JSON string",
    emulator: always(faults.envelope("ok")),
    outcome: { error: CloudflareResponseError, message: "cannot use" },
  },
  {
    name: "pages on request",
    invitesOnly: true,
    emulator: { invites: MANY, perPage: 10 },
    outcome: { list: 25 },
  },
  {
    name: "pages that repeat (page ignored)",
    invitesOnly: true,
    emulator: { invites: MANY, perPage: 10, ignorePage: true },
    outcome: { list: 10 },
    structural: true,
  },
  {
    name: "a page that vanished",
    invitesOnly: true,
    emulator: {
      invites: MANY,
      perPage: 10,
      faults: [undefined, faults.envelope(successEnvelope([], { page: 2, per_page: 10, total_count: 25 }))],
    },
    outcome: { list: 10 },
  },
  {
    name: "a later page rate-limited once",
    invitesOnly: true,
    emulator: { invites: MANY, perPage: 10, faults: [undefined, faults.rateLimited(0)] },
    outcome: { list: 25 },
  },
  {
    name: "a later page failing for good",
    invitesOnly: true,
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
    invitesOnly: true,
    emulator: { invites: manyInvites(60, NOW), perPage: 1 },
    options: { maxPages: 20 },
    outcome: {
      error: CloudflareResponseError,
      message: "reports 60 pages of invites, more than maxPages (20) allows",
    },
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
