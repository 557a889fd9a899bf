import { formatProblems, unknownKeyProblems } from "../core/problems";
import { redact } from "../core/redact";
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
import { applyFilters, assertValidFilters } from "./filters";
import { INPUT_NAMES, numericInput, type InputValue, type InputValues } from "./inputs";
import type { Invite } from "./invite";
import { inviteIdentity, orderInvites } from "./order";
import { defaultDispatcher, type HttpDispatcher, type RequestSettings } from "./request";
import { getJson, retryPolicyOf, type RetryPolicy } from "./retry";
import { parseListPage } from "./wire";

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

/** Every key of {@link ListUserInvitesOptions}; anything else is refused before a request. */
const LIST_OPTION_KEYS: readonly string[] = [...INPUT_NAMES, "dispatcher"];

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
  const unknown = unknownKeyProblems(options ?? {}, LIST_OPTION_KEYS, "option");
  if (unknown.length > 0) {
    throw new CloudflareConfigError(`Invalid listUserInvites options: ${formatProblems(unknown)}.`);
  }
  return listUserInvitesFrom(options, {
    credentials: [{ values: options, names: OPTION_NAMES }, environmentSource(process.env)],
    baseUrl: [
      { value: options.baseUrl, name: "baseUrl" },
      { value: process.env["CLOUDFLARE_BASE_URL"], name: "CLOUDFLARE_BASE_URL" },
    ],
  });
}

/** {@link listUserInvites} with the settings' sources spelled out; used by the provider. */
export async function listUserInvitesFrom(
  options: ListUserInvitesOptions,
  sources: SettingSources,
): Promise<Invite[]> {
  try {
    return await listWith(options, sources);
  } catch (error) {
    throw asPackageError(error, sources);
  }
}

async function listWith(options: ListUserInvitesOptions, sources: SettingSources): Promise<Invite[]> {
  assertValidFilters(options);
  const credentials = resolveCredentials(sources.credentials, sources.missingCredentialsNote);
  const baseUrl = resolveBaseUrl(sources.baseUrl);
  const settings: RequestSettings = {
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
  };
  const all = await fetchAllPages(
    settings,
    retryPolicyOf(options),
    baseUrl,
    numericInput(options, "maxPages"),
  );
  return applyFilters(orderInvites(all), options);
}

/**
 * Every failure leaves as one of this package's errors: ours pass through; anything else (a bug of
 * ours, or of a library under us, met with input nobody foresaw) is wrapped, scrubbed of every
 * credential the call could have used.
 */
function asPackageError(error: unknown, sources: SettingSources): CloudflareInvitesError {
  if (error instanceof CloudflareInvitesError) return error;
  const secrets = sources.credentials.flatMap((source) =>
    Object.values(source.values).filter((value): value is string => typeof value === "string"),
  );
  const { name, message: text } = (error ?? {}) as { name?: unknown; message?: unknown };
  const message = typeof text === "string" ? `${String(name ?? "Error")}: ${text}` : String(error);
  return new CloudflareInvitesError(
    redact(
      `Listing Cloudflare invitations failed unexpectedly (${message.slice(0, 300)}). This is a bug in ` +
        `${PACKAGE_NAME}: please report it with this message.`,
      secrets,
    ),
    { cause: scrubbedCause(error, secrets) },
  );
}

// --- Every page ---

/**
 * Fetches page after page while `result_info` says more remain. Stops on an empty page or one
 * that adds no new invite (a server that ignores `page`), and fails past `maxPages`: the list is
 * whole, or the call throws. Repeats are left in (`orderInvites` drops them); the keys seen are
 * only collected once a second page is needed, since on the first every invite is new.
 */
async function fetchAllPages(
  settings: RequestSettings,
  policy: RetryPolicy,
  baseUrl: URL,
  maxPages: number,
): Promise<Invite[]> {
  let all: Invite[] = [];
  let seen: Set<string> | undefined;
  let perPage: number | undefined;
  for (let page = 1; ; page++) {
    const response = await getJson(settings, policy, pageUrl(baseUrl, page, perPage));
    const parsed = parseListPage(response.body);
    if (!parsed.ok) {
      throw new CloudflareResponseError(
        redact(
          `Cloudflare API GET ${response.path} answered HTTP ${response.status} with a response ` +
            `this package cannot use${rayText(response.rayId)}:\n${parsed.problems}\n` +
            `If Cloudflare changed the format, please report it with the cf-ray id.`,
          settings.secrets,
        ),
        { method: "GET", path: response.path, status: response.status, rayId: response.rayId },
      );
    }
    const { invites, resultInfo: info } = parsed.page;
    let added = invites.length;
    if (page === 1) all = invites;
    else {
      seen ??= new Set(all.map(inviteIdentity));
      added = 0;
      for (const invite of invites) {
        const key = inviteIdentity(invite);
        if (!seen.has(key)) {
          seen.add(key);
          all.push(invite);
          added++;
        }
      }
    }
    if (invites.length === 0 || added === 0 || !morePagesRemain(info, page)) break;
    if (page >= maxPages) {
      throw new CloudflareResponseError(
        `Cloudflare API GET ${response.path} still reports more invites after ${page} pages ` +
          `(maxPages). Raise maxPages if this user really has that many invitations.`,
        { method: "GET", path: response.path, status: response.status, rayId: response.rayId },
      );
    }
    perPage = info?.per_page ?? undefined;
  }
  return all;
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

/** The first page is asked for exactly as the official SDKs do (no query); later ones name page and size. */
function pageUrl(baseUrl: URL, page: number, perPage: number | undefined): URL {
  const url = new URL(`${baseUrl.pathname}/user/invites`, baseUrl);
  if (page > 1) {
    url.searchParams.set("page", String(page));
    if (perPage !== undefined) url.searchParams.set("per_page", String(perPage));
  }
  return url;
}
