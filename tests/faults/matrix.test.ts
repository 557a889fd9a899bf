import {
  CloudflareConfigError,
  listUserInvites,
  type Invite,
  type ListUserInvitesOptions,
} from "../../provider";
import { FAKE_CREDENTIALS, type EmulatorOptions } from "../../provider/testing";
import { CREDENTIALS, drifted, INVITES, KEY_OWNER, MANY, ROWS, SECRETS } from "./rows";
import { inputProblems, type UserInvitesInputs } from "../../provider/pulumi/runtime";
import type { ProviderHost } from "../../provider/testing";
import { emulator } from "../helpers/emulator";
import { DEFECTS } from "./defects";
import { everythingVisible } from "../helpers/visible";
import { serializeProvider, startHost, stderrWith } from "../helpers/providerHost";

/**
 * The fault matrix: every way Cloudflare, a proxy or the network has been seen to misbehave
 * (tests/faults/rows.ts), scripted in the emulator, each with its one acceptable outcome: the complete, correct list, or
 * a named error. Never a partial list. Every row runs with both credential schemes, and no
 * credential may appear in what comes back: the list, the error's message, its properties, or what
 * `util.inspect` (a logger) would print of it, cause included.
 */

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
