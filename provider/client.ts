import type { Dispatcher } from "undici";
import { resolveBaseUrl } from "./baseUrl";
import {
  authHeaders,
  environmentSource,
  OPTION_NAMES,
  resolveCredentials,
  secretValues,
  type CredentialSource,
} from "./credentials";
import { DEFAULTS, MAX_TIMER_MS } from "./defaults";
import { defaultDispatcher } from "./dispatcher";
import {
  CloudflareConfigError,
  CloudflareInvitesError,
  CloudflareResponseError,
  isPackageError,
} from "./errors";
import { applyFilters, assertValidFilters, type InviteFilters } from "./filters";
import { compareInvites, inviteKey } from "./order";
import { redact } from "./redact";
import { parseListPage, type Invite, type ResultInfo } from "./schema";
import { rayText, scrubbedCause, unsuccessfulEnvelopeError } from "./failure";
import { getJson, type Transport } from "./transport";
import { PACKAGE_NAME, VERSION } from "./version";

/** Options of {@link listUserInvites}. Every field is optional. */
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

/**
 * Where the client reads settings that are not passed explicitly. The resource's provider adds
 * the stack config between explicit args and the environment.
 */
export interface SettingSources {
  readonly credentials: readonly CredentialSource[];
  /** Said after "No Cloudflare credentials were found", when the caller knows why they may be missing. */
  readonly missingCredentialsNote?: string;
  readonly baseUrl: readonly { readonly value: string | URL | undefined; readonly name: string }[];
}

/**
 * Lists the invitations of the user the credentials belong to (`GET /user/invites`).
 *
 * Reads every page, de-duplicates, orders the result deterministically (by organization id, then
 * invite id) and then applies the `status` and `organizationIds` filters. Either the whole list
 * comes back or the call throws: never a partial list.
 *
 * @throws {@link CloudflareConfigError} before any request, for missing or half-given credentials,
 *   an `http://` base URL to a remote host, or a bad filter.
 * @throws {@link CloudflareApiError} when Cloudflare answers with an error.
 * @throws {@link CloudflareResponseError} when the answer is unusable.
 * @throws {@link CloudflareNetworkError} when no answer arrives.
 */
export async function listUserInvites(options: ListUserInvitesOptions = {}): Promise<Invite[]> {
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
  const policy = {
    maxRetries: wholeNumber(options.maxRetries, "maxRetries", DEFAULTS.maxRetries, 0, 100),
    maxRetryAfterMs: wholeNumber(
      options.maxRetryAfterMs,
      "maxRetryAfterMs",
      DEFAULTS.maxRetryAfterMs,
      0,
      MAX_TIMER_MS,
    ),
    backoffBaseMs: wholeNumber(
      options.backoffBaseMs,
      "backoffBaseMs",
      DEFAULTS.backoffBaseMs,
      0,
      MAX_TIMER_MS,
    ),
    backoffMaxMs: DEFAULTS.backoffMaxMs,
  };
  const timeoutMs = wholeNumber(options.timeoutMs, "timeoutMs", DEFAULTS.timeoutMs, 1, MAX_TIMER_MS);
  const maxPages = wholeNumber(options.maxPages, "maxPages", DEFAULTS.maxPages, 1, 100_000);
  const maxResponseBytes = wholeNumber(
    options.maxResponseBytes,
    "maxResponseBytes",
    DEFAULTS.maxResponseBytes,
    1,
    MAX_RESPONSE_BYTES,
  );
  const dispatcher = options.dispatcher ?? defaultDispatcher(baseUrl);
  const transport: Transport = {
    dispatcher,
    headers: {
      ...authHeaders(credentials),
      accept: "application/json",
      "user-agent": `${PACKAGE_NAME}/${VERSION} node/${process.versions.node}`,
    },
    timeoutMs,
    maxResponseBytes,
    policy,
    secrets: secretValues(credentials),
    scheme: credentials.scheme,
  };
  const all = await fetchAllPages(transport, baseUrl, maxPages);
  return applyFilters(all.sort(compareInvites), options);
}

/**
 * Every failure leaves as one of this package's errors: ours pass through; anything else (a bug of
 * ours, or of a library under us, met with input nobody foresaw) is wrapped, scrubbed of every
 * credential the call could have used.
 */
function asPackageError(error: unknown, sources: SettingSources): CloudflareInvitesError {
  if (isPackageError(error)) return error;
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

/**
 * Fetches page after page while `result_info` says more remain. Stops on an empty page or one that
 * adds no new invite (a server that ignores `page`), and fails past `maxPages`.
 */
async function fetchAllPages(transport: Transport, baseUrl: URL, maxPages: number): Promise<Invite[]> {
  const seen = new Set<string>();
  const all: Invite[] = [];
  let perPage: number | undefined;
  for (let page = 1; ; page++) {
    const url = pageUrl(baseUrl, page, perPage);
    const response = await getJson(transport, url);
    if (isUnsuccessful(response.body)) throw unsuccessfulEnvelopeError(transport, response);
    const parsed = parseListPage(response.body);
    if (!parsed.ok) {
      throw new CloudflareResponseError(
        redact(
          `Cloudflare API GET ${response.path} answered HTTP ${response.status} with a response ` +
            `this package cannot use${rayText(response.rayId)}:\n${parsed.problems}\n` +
            `If Cloudflare changed the format, please report it with the cf-ray id.`,
          transport.secrets,
        ),
        { method: "GET", path: response.path, status: response.status, rayId: response.rayId },
      );
    }
    const { invites, resultInfo: info } = parsed.page;
    let added = 0;
    for (const invite of invites) {
      const key = inviteKey(invite);
      if (!seen.has(key)) {
        seen.add(key);
        all.push(invite);
        added++;
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

/** Whether `result_info` says there are pages after `page`. Without totals, there are none. */
export function morePagesRemain(info: ResultInfo | null | undefined, page: number): boolean {
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

function isUnsuccessful(body: unknown): boolean {
  return typeof body === "object" && body !== null && (body as { success?: unknown }).success === false;
}

/** The largest `maxResponseBytes`: a body is held as one string, and V8 strings stop near 512 MiB. */
const MAX_RESPONSE_BYTES = 256 * 1024 * 1024;

/** A numeric option, or its default: a whole number from `min` to `max`, or a configuration error naming it. */
function wholeNumber(value: unknown, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new CloudflareConfigError(
      `${name} must be a whole number from ${min} to ${max}, got ${describeValue(value)}.`,
    );
  }
  return value;
}

/** A caller's value for a message: its type and, for a number, the number (never a string's text). */
function describeValue(value: unknown): string {
  return typeof value === "number" ? String(value) : `a ${value === null ? "null" : typeof value}`;
}
