import {
  CloudflarePermissionError,
  CloudflareResponseError,
  getUser,
  listUserMemberships,
  type ListUserMembershipsOptions,
} from "../../provider";
import { ENDPOINTS, type Endpoint } from "../../provider/cloudflare/endpoints";
import { readUserMemberships } from "../../provider/pulumi/runtime";
import {
  FAKE_CREDENTIALS,
  FAKE_TOKEN_WITHOUT_USER_DETAILS,
  faults,
  manyMemberships,
  sampleMemberships,
  successEnvelope,
} from "../../provider/testing";
import { emulator, thrown } from "../helpers/emulator";
import { everythingVisible } from "../helpers/visible";
import { CREDENTIALS, KEY_OWNER, ROWS, SECRETS, type Row } from "./rows";

/**
 * The fault matrix (tests/faults/rows.ts) against the new endpoints: every row that is about
 * transport and errors rather than the invitations' own list runs against `GET /memberships` and
 * `GET /user`, with both credential schemes, and must end the same way: the whole answer, or the
 * same named error (its path and permission those of the endpoint). Then the faults that belong
 * to these endpoints alone.
 */

/** Each read, with the path and query its first request names in messages. */
const READS: readonly [Endpoint, string, (options: ListUserMembershipsOptions) => Promise<unknown>][] = [
  [ENDPOINTS.memberships, "/memberships?per_page=50", (options) => listUserMemberships(options)],
  [ENDPOINTS.user, "/user", (options) => getUser(options)],
];

/** A row's expected message, said of `endpoint` (asked for as `asked`) instead of the invitations. */
function messageFor(message: string | RegExp, endpoint: Endpoint, asked: string): string | RegExp {
  const said = (text: string) => text.replace(ENDPOINTS.invites.tokenPermission, endpoint.tokenPermission);
  if (typeof message === "string") return said(message);
  const escaped = asked.replace(/[/?.]/g, (c) => `\\${c}`);
  return new RegExp(said(message.source).replace("\\/user\\/invites", escaped));
}

const GENERIC_ROWS = ROWS.filter((row) => row.invitesOnly !== true);

let reference: { memberships: unknown; user: unknown } | undefined;
async function faultFree(scheme: keyof typeof CREDENTIALS) {
  if (reference === undefined) {
    const emu = await emulator({ globalKeys: [{ key: FAKE_CREDENTIALS.apiKey, email: KEY_OWNER }] });
    const options = { baseUrl: emu.url, ...CREDENTIALS[scheme] };
    reference = { memberships: await listUserMemberships(options), user: await getUser(options) };
  }
  return reference;
}

describe.each(Object.keys(CREDENTIALS) as (keyof typeof CREDENTIALS)[])("with the %s scheme", (scheme) => {
  describe.each(READS.map(([endpoint, asked, read]) => [endpoint.path, endpoint, asked, read] as const))(
    "GET %s",
    (_path, endpoint, asked, read) => {
      test.each(GENERIC_ROWS.map((row) => [row.name, row] as const))("%s", async (_name, row: Row) => {
        const emu = await emulator({
          ...row.emulator,
          globalKeys: [{ key: FAKE_CREDENTIALS.apiKey, email: KEY_OWNER }],
        });
        const options = {
          baseUrl: emu.url,
          backoffBaseMs: 1,
          ...CREDENTIALS[scheme],
          ...(row.options as ListUserMembershipsOptions),
        };
        const result: unknown = await read(options).catch((error: unknown) => error);
        const visible = everythingVisible(result);
        expect(SECRETS.filter((secret) => visible.includes(secret))).toEqual([]);
        if ("list" in row.outcome) {
          const whole = await faultFree(scheme);
          expect(result).toEqual(endpoint === ENDPOINTS.user ? whole.user : whole.memberships);
        } else {
          expect((result as Error).constructor).toBe(row.outcome.error);
          const message = messageFor(row.outcome.message, endpoint, asked);
          if (typeof message === "string") expect((result as Error).message).toContain(message);
          else expect((result as Error).message).toMatch(message);
        }
        expect(emu.requests.every((r) => r.path === `/client/v4${endpoint.path}`)).toBe(true);
      });
    },
  );
});

describe("faults of the memberships and the user", () => {
  const token = { apiToken: FAKE_CREDENTIALS.apiToken, backoffBaseMs: 1 };

  test.each([
    [
      "a membership without account.id",
      { ...sampleMemberships()[0], account: { name: "No id" } },
      /missing account\.id\n\s+→ at result\[5\]\.account\.id/,
    ],
    [
      "a membership without account",
      { id: "m", status: "accepted" },
      /missing account\n\s+→ at result\[5\]\.account/,
    ],
    [
      "a permission that is not a grant",
      { ...sampleMemberships()[0], permissions: { dns_records: "everything" } },
      /→ at result\[5\]\.permissions\.dns_records/,
    ],
  ])("%s: a named error, no partial list", async (_name, served, message) => {
    const emu = await emulator({ memberships: [...sampleMemberships(), served as never] });
    const error = await thrown(() => listUserMemberships({ baseUrl: emu.url, ...token }));
    expect(error).toBeInstanceOf(CloudflareResponseError);
    expect(error.message).toMatch(message);
    expect(error.message).toContain(
      "Cloudflare API GET /client/v4/memberships?per_page=50 answered HTTP 200",
    );
  });

  test("a page count that never ends (each page announces one more) stops at maxPages, naming it", async () => {
    let served = 0;
    const emu = await emulator({
      // Every page brings fifty new memberships and announces the page after it.
      faultFor: (request) => {
        const page = Number(request.query["page"] ?? 1);
        const fresh = manyMemberships(50).map((m) => ({ ...m, id: `${served++}`.padStart(32, "0") }));
        return faults.envelope(successEnvelope(fresh, { page, per_page: 50, total_pages: page + 1 }));
      },
    });
    const error = await thrown(() => listUserMemberships({ baseUrl: emu.url, maxPages: 5, ...token }));
    expect(error).toBeInstanceOf(CloudflareResponseError);
    expect(error.message).toBe(
      "Cloudflare API GET /client/v4/memberships?page=5&per_page=50 reports 6 pages of memberships, more " +
        "than maxPages (5) allows. Raise maxPages if this user really has that many memberships.",
    );
    expect(emu.requests).toHaveLength(5);
  });

  test("a first page that announces more pages than maxPages fails at once, after one request", async () => {
    const emu = await emulator({ memberships: manyMemberships(600) });
    const error = await thrown(() => listUserMemberships({ baseUrl: emu.url, maxPages: 5, ...token }));
    expect(error.message).toContain("reports 12 pages of memberships, more than maxPages (5) allows");
    expect(emu.requests).toHaveLength(1);
  });

  test.each([
    [
      "without the two-factor field",
      { id: "u" },
      /missing two_factor_authentication_enabled\n\s+→ at result\.two_factor_authentication_enabled/,
    ],
    [
      "with a two-factor field that is a string",
      { two_factor_authentication_enabled: "yes" },
      /expected a boolean/,
    ],
    ["with no result", null, /missing result: expected the user/],
  ])("a user %s: a named error", async (_name, user, message) => {
    const emu = await emulator({ faultFor: () => faults.envelope(successEnvelope(user)) });
    const error = await thrown(() => getUser({ baseUrl: emu.url, ...token }));
    expect(error).toBeInstanceOf(CloudflareResponseError);
    expect(error.message).toMatch(message);
  });

  test("a 403 on /user while /memberships works: the read fails whole, naming the missing permission", async () => {
    const emu = await emulator();
    const error = await thrown(() =>
      readUserMemberships({ baseUrl: emu.url, apiToken: FAKE_TOKEN_WITHOUT_USER_DETAILS }, {}),
    );
    expect(error).toBeInstanceOf(CloudflarePermissionError);
    expect(error.message).toBe(
      "Cloudflare API GET /client/v4/user failed with HTTP 403: [9109] Unauthorized to access requested " +
        `resource (cf-ray ${String((error as CloudflarePermissionError).rayId)}). ` +
        'The credentials lack the user-level "User Details Read" permission. Create a user API token ' +
        "(My Profile > API Tokens) with User > User Details > Read; account-owned tokens cannot read a " +
        "user's own details (its two-factor status). See https://developers.cloudflare.com/api/resources/user/methods/get/",
    );
    // The memberships were read (the token may list them), and nothing of them came back.
    expect(emu.requests.map((r) => r.path).sort()).toEqual(["/client/v4/memberships", "/client/v4/user"]);
    expect(everythingVisible(error)).not.toContain(FAKE_TOKEN_WITHOUT_USER_DETAILS);
  });
});
