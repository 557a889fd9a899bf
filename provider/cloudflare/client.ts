import { formatProblems, unknownKeyProblems } from "../core/problems";
import { redact } from "../core/redact";
import { allOrFirstFailure } from "../core/settled";
import { PACKAGE_NAME, VERSION } from "../core/version";
import { resolveBaseUrl, type BaseUrlCandidate } from "./baseUrl";
import {
  authHeaders,
  environmentSource,
  OPTION_NAMES,
  resolveCredentials,
  secretValues,
  type CredentialSource,
} from "./credentials";
import {
  CloudflareConfigError,
  CloudflareInvitesError,
  CloudflareResponseError,
  rayText,
  scrubbedCause,
} from "./errors";
import { ENDPOINTS, type Endpoint } from "./endpoints";
import { applyFilters, assertValidFilters } from "./filters";
import {
  CONNECTION_INPUT_NAMES,
  CONNECTION_INPUTS,
  INPUTS,
  MEMBERSHIP_INPUTS,
  meaningsIn,
  numericInput,
  type InputDeclaration,
  type InputValue,
  type InputValues,
  type MembershipInputValues,
} from "./inputs";
import type { Invite } from "./invite";
import type { Membership, UserTwoFactorStatus } from "./membership";
import { inviteIdentity, membershipIdentity, orderInvites, orderMemberships } from "./order";
import { defaultDispatcher, type HttpDispatcher, type RequestSettings } from "./request";
import { getJson, retryPolicyOf, type JsonResponse, type RetryPolicy } from "./retry";
import {
  INVITE_CODEC,
  MEMBERSHIP_CODEC,
  parseListPage,
  parseUser,
  type ItemCodec,
  type WireInvite,
  type WireMembership,
} from "./wire";

/**
 * Options of {@link listUserInvites}: every input (see `INPUTS`), each optional, plus the
 * dispatcher to send requests through.
 */
export type ListUserInvitesOptions = Omit<InputValues, "baseUrl"> & {
  /** API root, as a string or a `URL`. Default: `CLOUDFLARE_BASE_URL`, else `https://api.cloudflare.com/client/v4`. */
  readonly baseUrl?: InputValue<"baseUrl"> | URL | undefined;
  /**
   * An undici `Dispatcher` to send requests through (tests, custom proxies, pools). Default: one
   * keep-alive agent per process, honouring `HTTPS_PROXY` / `NO_PROXY`.
   */
  readonly dispatcher?: HttpDispatcher | undefined;
};

/** The options every call takes: where to connect, with which credentials, within which limits. */
export type ConnectionOptions = Pick<
  ListUserInvitesOptions,
  (typeof CONNECTION_INPUT_NAMES)[number] | "dispatcher"
>;

/** Options of {@link listUserMemberships}: its filters, and the {@link ConnectionOptions}. */
export type ListUserMembershipsOptions = ConnectionOptions &
  Pick<MembershipInputValues, "statuses" | "accountIds">;

/** Memberships asked per page: Cloudflare's largest page, so M memberships take ceil(M / 50) requests. */
export const MEMBERSHIPS_PER_PAGE = 50;

/**
 * Where the client reads settings that are not passed explicitly. The resource's provider adds
 * the stack config between explicit args and the environment.
 */
export interface SettingSources {
  readonly credentials: readonly CredentialSource[];
  /** Said after "No Cloudflare credentials were found", when the caller knows why they may be missing. */
  readonly missingCredentialsNote?: string;
  readonly baseUrl: readonly BaseUrlCandidate[];
}

/**
 * Lists the invitations of the user the credentials belong to (`GET /user/invites`).
 *
 * Reads every page, de-duplicates, orders the result deterministically (by organization id, then
 * invite id) and then applies the `statuses` and `organizationIds` filters. Either the whole list
 * comes back or the call throws: never a partial list.
 *
 * @throws {@link CloudflareConfigError} before any request, for an unknown option (a misspelt
 *   `status` for `statuses`), missing or half-given credentials,
 *   an `http://` base URL to a remote host, or a bad filter or option.
 * @throws {@link CloudflareApiError} (or one of its kinds: authentication, permission, rate limit,
 *   not found, server) when Cloudflare answers with an error.
 * @throws {@link CloudflareResponseError} when the answer is unusable.
 * @throws {@link CloudflareNetworkError} (or {@link CloudflareTimeoutError}) when no answer arrives.
 */
export async function listUserInvites(options: ListUserInvitesOptions = {}): Promise<Invite[]> {
  refuseUnknownOptions(options, INPUTS, "listUserInvites");
  return listUserInvitesFrom(options, defaultSources(options));
}

/**
 * Lists the user's memberships (`GET /memberships`): the accounts the user belongs to, or is
 * invited into, with each account's two-factor setting. Every page, as {@link listUserInvites}
 * reads them (50 a page), with the same retries, limits and errors; ordered by account id, then
 * membership id, then filtered by `statuses` and `accountIds`. A single status is also sent to
 * Cloudflare, so fewer pages come back.
 *
 * @throws the errors of {@link listUserInvites}.
 */
export async function listUserMemberships(options: ListUserMembershipsOptions = {}): Promise<Membership[]> {
  refuseUnknownOptions(options, MEMBERSHIP_INPUTS, "listUserMemberships");
  return listUserMembershipsFrom(options, defaultSources(options));
}

/**
 * Reads the user's own two-factor status (`GET /user`). It needs the "User Details Read"
 * permission, which a token with only "Memberships Read" lacks: the error says so.
 *
 * @throws the errors of {@link listUserInvites}.
 */
export async function getUser(options: ConnectionOptions = {}): Promise<UserTwoFactorStatus> {
  refuseUnknownOptions(options, CONNECTION_INPUTS, "getUser");
  const sources = defaultSources(options);
  return withPackageErrors(sources, "Reading the Cloudflare user", () =>
    getUserWith(connect(options, sources)),
  );
}

/** {@link listUserInvites} with the settings' sources spelled out; used by the provider. */
export async function listUserInvitesFrom(
  options: ListUserInvitesOptions,
  sources: SettingSources,
): Promise<Invite[]> {
  return withPackageErrors(sources, "Listing Cloudflare invitations", async () => {
    assertValidFilters(options);
    const all = await fetchAllPages(connect(options, sources), INVITE_LIST);
    return applyFilters(orderInvites(all), options);
  });
}

/** {@link listUserMemberships} with the settings' sources spelled out. */
export async function listUserMembershipsFrom(
  options: ListUserMembershipsOptions,
  sources: SettingSources,
): Promise<Membership[]> {
  return withPackageErrors(sources, "Listing Cloudflare memberships", () =>
    membershipsWith(connect(options, sources), options),
  );
}

/** The user's memberships and own two-factor status, read side by side over one connection. */
export interface UserAccess {
  readonly memberships: Membership[];
  readonly user: UserTwoFactorStatus;
}

/**
 * The memberships and the user's two-factor status, read at the same time: what the
 * `UserMemberships` resource shows. Both or neither: if either read fails, the call throws (the
 * memberships' error first, when both fail), never half a picture.
 */
export async function readUserAccessFrom(
  options: ListUserMembershipsOptions,
  sources: SettingSources,
): Promise<UserAccess> {
  return withPackageErrors(sources, "Reading Cloudflare memberships", async () => {
    const connection = connect(options, sources);
    const [memberships, user] = await allOrFirstFailure(
      membershipsWith(connection, options),
      getUserWith(connection),
    );
    return { memberships, user };
  });
}

/** The sources of a call made without Pulumi: its options, then the `CLOUDFLARE_*` variables. */
function defaultSources(options: ConnectionOptions): SettingSources {
  return {
    credentials: [{ values: options, names: OPTION_NAMES }, environmentSource(process.env)],
    baseUrl: [
      { value: options.baseUrl, name: "baseUrl" },
      { value: process.env["CLOUDFLARE_BASE_URL"], name: "CLOUDFLARE_BASE_URL" },
    ],
  };
}

/** Refuses, before any request, an option that is not one of the call's inputs or `dispatcher`. */
function refuseUnknownOptions(options: object, declaration: InputDeclaration, call: string): void {
  const keys = [...Object.keys(declaration), "dispatcher"];
  const unknown = unknownKeyProblems(options ?? {}, keys, "option", { meant: meaningsIn(declaration) });
  if (unknown.length > 0) {
    throw new CloudflareConfigError(`Invalid ${call} options: ${formatProblems(unknown)}.`);
  }
}

/** Everything a request needs, resolved once per call, before the first request. */
interface Connection {
  readonly settings: RequestSettings;
  readonly policy: RetryPolicy;
  readonly baseUrl: URL;
  readonly maxPages: number;
}

function connect(options: ConnectionOptions, sources: SettingSources): Connection {
  const credentials = resolveCredentials(sources.credentials, sources.missingCredentialsNote);
  const baseUrl = resolveBaseUrl(sources.baseUrl);
  return {
    settings: {
      dispatcher: options.dispatcher ?? defaultDispatcher(baseUrl),
      headers: {
        ...authHeaders(credentials),
        accept: "application/json",
        "user-agent": `${PACKAGE_NAME}/${VERSION} node/${process.versions.node}`,
      },
      timeoutMs: numericInput(options, "timeoutMs"),
      maxResponseBytes: numericInput(options, "maxResponseBytes"),
      secrets: secretValues(credentials),
      scheme: credentials.scheme,
    },
    policy: retryPolicyOf(options),
    baseUrl,
    maxPages: numericInput(options, "maxPages"),
  };
}

async function membershipsWith(
  connection: Connection,
  options: ListUserMembershipsOptions,
): Promise<Membership[]> {
  assertValidFilters(options, MEMBERSHIP_INPUTS);
  const only = options.statuses?.length === 1 ? options.statuses[0] : undefined;
  const all = await fetchAllPages(connection, membershipList(only));
  return applyFilters(orderMemberships(all), options, MEMBERSHIP_INPUTS);
}

async function getUserWith({ settings, policy, baseUrl }: Connection): Promise<UserTwoFactorStatus> {
  const response = await getJson(settings, policy, endpointUrl(baseUrl, ENDPOINTS.user));
  const parsed = parseUser(response.body);
  if (!parsed.ok) throw unusableResponse(settings, response, parsed.problems);
  return parsed.user;
}

/**
 * Every failure leaves as one of this package's errors: ours pass through; anything else (a bug of
 * ours, or of a library under us, met with input nobody foresaw) is wrapped, scrubbed of every
 * credential the call could have used.
 */
async function withPackageErrors<T>(
  sources: SettingSources,
  doing: string,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw asPackageError(error, sources, doing);
  }
}

function asPackageError(error: unknown, sources: SettingSources, doing: string): CloudflareInvitesError {
  if (error instanceof CloudflareInvitesError) return error;
  const secrets = sources.credentials.flatMap((source) =>
    Object.values(source.values).filter((value): value is string => typeof value === "string"),
  );
  const { name, message: text } = (error ?? {}) as { name?: unknown; message?: unknown };
  const message = typeof text === "string" ? `${String(name ?? "Error")}: ${text}` : String(error);
  return new CloudflareInvitesError(
    redact(
      `${doing} failed unexpectedly (${message.slice(0, 300)}). This is a bug in ` +
        `${PACKAGE_NAME}: please report it with this message.`,
      secrets,
    ),
    { cause: scrubbedCause(error, secrets) },
  );
}

/** A 2xx answer this package cannot use, with zod's account of why. */
function unusableResponse(
  settings: RequestSettings,
  response: { readonly path: string; readonly status: number; readonly rayId?: string | undefined },
  problems: string,
): CloudflareResponseError {
  return new CloudflareResponseError(
    redact(
      `Cloudflare API GET ${response.path} answered HTTP ${response.status} with a response ` +
        `this package cannot use${rayText(response.rayId)}:\n${problems}\n` +
        `If Cloudflare changed the format, please report it with the cf-ray id.`,
      settings.secrets,
    ),
    { method: "GET", path: response.path, status: response.status, rayId: response.rayId },
  );
}

// --- Every page ---

/** How one list endpoint is paged, checked and de-duplicated. */
interface ListRequest<Wire, Item> {
  readonly endpoint: Endpoint;
  readonly codec: ItemCodec<Wire, Item>;
  /** What identifies an item across pages. */
  readonly identity: (item: Item) => string;
  /** The query of page `page`, given the page size the server reported on the page before. */
  readonly query: (page: number, reportedPerPage: number | undefined) => Record<string, string>;
}

/**
 * Invitations: the first page is asked for exactly as the official SDKs do (no query); later ones
 * name page and size.
 */
const INVITE_LIST: ListRequest<WireInvite, Invite> = {
  endpoint: ENDPOINTS.invites,
  codec: INVITE_CODEC,
  identity: inviteIdentity,
  query: (page, perPage) =>
    page === 1 ? {} : { page: String(page), ...(perPage === undefined ? {} : { per_page: String(perPage) }) },
};

/** Memberships: 50 a page from the first, and a single status filter sent along. */
function membershipList(status: string | undefined): ListRequest<WireMembership, Membership> {
  return {
    endpoint: ENDPOINTS.memberships,
    codec: MEMBERSHIP_CODEC,
    identity: membershipIdentity,
    query: (page) => ({
      ...(page === 1 ? {} : { page: String(page) }),
      per_page: String(MEMBERSHIPS_PER_PAGE),
      ...(status === undefined ? {} : { status }),
    }),
  };
}

/** Pages asked for at once after the first: fewer round trips, the same requests, a polite burst. */
const PAGES_IN_FLIGHT = 4;

/**
 * Fetches every page `result_info` announces and returns their items in page order. The first
 * page says how many there are; the next ones are asked for {@link PAGES_IN_FLIGHT} at a time and
 * taken in order, exactly as a page-by-page read would take them: reading stops at an empty page,
 * at one that adds no new item (a server that ignores `page`) or at the last page the page before
 * announced, and the pages asked for past that point are dropped. More pages than `maxPages` is an
 * error, said as soon as a page announces them: the list is whole, or the call throws. Repeats are
 * left in (the ordering drops them); the keys seen are only collected once a second page is
 * needed, since on the first every item is new.
 */
async function fetchAllPages<Wire, Item>(
  { settings, policy, baseUrl, maxPages }: Connection,
  list: ListRequest<Wire, Item>,
): Promise<Item[]> {
  const fetchPage = async (page: number, perPage: number | undefined) => {
    const url = endpointUrl(baseUrl, list.endpoint);
    for (const [name, value] of Object.entries(list.query(page, perPage))) url.searchParams.set(name, value);
    const response = await getJson(settings, policy, url);
    const parsed = parseListPage(response.body, list.codec);
    if (!parsed.ok) throw unusableResponse(settings, response, parsed.problems);
    return { response, ...parsed.page };
  };
  const first = await fetchPage(1, undefined);
  const all = first.items;
  const perPage = first.resultInfo?.per_page ?? undefined;
  let last = lastAnnouncedPage(first, 1, maxPages, list.codec.noun);
  const inFlight = new Map<number, ReturnType<typeof fetchPage>>();
  let asked = 1;
  let seen: Set<string> | undefined;
  for (let page = 2; page <= last; page++) {
    while (asked < last && asked < page + PAGES_IN_FLIGHT - 1) {
      asked++;
      const pending = fetchPage(asked, perPage);
      // A page dropped unread must not be an unhandled rejection; a page read rethrows its own.
      pending.catch(() => undefined);
      inFlight.set(asked, pending);
    }
    const current = await (inFlight.get(page) as ReturnType<typeof fetchPage>);
    inFlight.delete(page);
    seen ??= new Set(all.map(list.identity));
    let added = 0;
    for (const item of current.items) {
      const key = list.identity(item);
      if (!seen.has(key)) {
        seen.add(key);
        all.push(item);
        added++;
      }
    }
    if (current.items.length === 0 || added === 0) break;
    last = lastAnnouncedPage(current, page, maxPages, list.codec.noun);
  }
  return all;
}

/**
 * The last page a page's `result_info` announces (its own number when it announces none after it),
 * or an error when that is more than `maxPages`.
 */
function lastAnnouncedPage(
  { response, resultInfo: info }: { response: JsonResponse; resultInfo: PagingFacts | null | undefined },
  page: number,
  maxPages: number,
  noun: string,
): number {
  if (!morePagesRemain(info, page)) return page;
  const last =
    info?.total_pages ?? Math.ceil((info?.total_count ?? 0) / (info?.per_page ?? Number.POSITIVE_INFINITY));
  if (last > maxPages) {
    throw new CloudflareResponseError(
      `Cloudflare API GET ${response.path} reports ${last.toLocaleString("en")} pages of ${noun}, more ` +
        `than maxPages (${maxPages}) allows. Raise maxPages if this user really has that many ${noun}.`,
      { method: "GET", path: response.path, status: response.status, rayId: response.rayId },
    );
  }
  return last;
}

/** The facts of `result_info` that say whether more pages remain (a `ResultInfo` satisfies it). */
export interface PagingFacts {
  readonly per_page?: number | null | undefined;
  readonly total_count?: number | null | undefined;
  readonly total_pages?: number | null | undefined;
}

/** Whether `result_info` says there are pages after `page`. Without totals, there are none. */
export function morePagesRemain(info: PagingFacts | null | undefined, page: number): boolean {
  if (!info) return false;
  if (info.total_pages != null) return page < info.total_pages;
  if (info.total_count != null && info.per_page) return page * info.per_page < info.total_count;
  return false;
}

/**
 * An endpoint's URL under the API root, without a query. The path is set, not parsed against the
 * root: a root at `/` (a gateway at `https://gateway.example/`) would make `//user/invites`, which
 * parses as a URL whose host is `user`.
 */
function endpointUrl(baseUrl: URL, endpoint: Endpoint): URL {
  const url = new URL(baseUrl);
  url.pathname = `${baseUrl.pathname.replace(/\/+$/, "")}${endpoint.path}`;
  return url;
}
