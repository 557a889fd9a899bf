import { CloudflareConfigError, CloudflareInvitesError } from "../core/errors";
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
import { applyFilters, assertValidFilters } from "./filters";
import { defaultDispatcher } from "./http/dispatcher";
import { scrubbedCause } from "./http/failure";
import type { RequestSettings } from "./http/types";
import type { Invite } from "./invite";
import { LIST_OPTION_KEYS, limitsOf, retryPolicyOf, type ListUserInvitesOptions } from "./options";
import { orderInvites } from "./order";
import { fetchAllPages } from "./pages";

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
  const { timeoutMs, maxPages, maxResponseBytes } = limitsOf(options);
  const settings: RequestSettings = {
    dispatcher: options.dispatcher ?? defaultDispatcher(baseUrl),
    headers: {
      ...authHeaders(credentials),
      accept: "application/json",
      "user-agent": `${PACKAGE_NAME}/${VERSION} node/${process.versions.node}`,
    },
    timeoutMs,
    maxResponseBytes,
    retryPolicy: retryPolicyOf(options),
    secrets: secretValues(credentials),
    scheme: credentials.scheme,
  };
  const all = await fetchAllPages(settings, baseUrl, maxPages);
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
