import type { ApiErrorDetail } from "../../core/errors";

/** Where Cloudflare documents this endpoint; quoted at the end of authorization errors. */
export const ENDPOINT_DOCS_URL =
  "https://developers.cloudflare.com/api/resources/user/subresources/invites/methods/list/";

/** Cloudflare codes for a credential header it could not read (a token sent as a key, say). */
const MALFORMED_CREDENTIAL_CODES: readonly (number | null)[] = [6003, 6103, 6111];
/** Cloudflare's code for a request that carried no credentials. */
const MISSING_CREDENTIAL_CODES: readonly (number | null)[] = [9106];
/** Cloudflare codes for credentials it read but did not accept. */
const REJECTED_CREDENTIAL_CODES: readonly (number | null)[] = [9103, 10000, 10001];
/** Every code that means Cloudflare did not authenticate the request. */
export const AUTHENTICATION_CODES: readonly (number | null)[] = [
  ...MALFORMED_CREDENTIAL_CODES,
  ...MISSING_CREDENTIAL_CODES,
  ...REJECTED_CREDENTIAL_CODES,
];
/** Cloudflare's code for credentials that lack the needed permission ("Memberships Read"). */
export const PERMISSION_CODES: readonly (number | null)[] = [9109];
/** Cloudflare's codes for a rate limit. */
export const RATE_LIMIT_CODES: readonly (number | null)[] = [971, 10100];

/**
 * What a person should do about a Cloudflare error, from its HTTP status and error codes.
 * `scheme` says which credentials were sent, so the advice names the right ones.
 */
export function hintFor(status: number, errors: readonly ApiErrorDetail[], scheme: "token" | "key"): string {
  if (status >= 500) {
    return "Cloudflare's API is failing; try again later (see https://www.cloudflarestatus.com).";
  }
  const codes = new Set(errors.map((e) => e.code));
  const has = (list: readonly (number | null)[]) => list.some((code) => codes.has(code));
  if (has(MALFORMED_CREDENTIAL_CODES)) {
    return scheme === "key"
      ? "Cloudflare rejected the X-Auth-Key header: the value looks like an API token, not a " +
          "Global API key. Pass it as apiToken (cloudflare:apiToken, CLOUDFLARE_API_TOKEN) instead."
      : "Cloudflare rejected the Authorization header: check that the API token was copied whole, " +
          "without quotes or spaces.";
  }
  if (has(PERMISSION_CODES) || (status === 403 && codes.size === 0)) {
    return (
      'The credentials lack the user-level "Memberships Read" permission. Create a user API token ' +
      "(My Profile > API Tokens) with User > Memberships > Read; account-owned tokens cannot list " +
      `a user's invitations. See ${ENDPOINT_DOCS_URL}`
    );
  }
  if (has(MISSING_CREDENTIAL_CODES)) {
    return "Cloudflare received no credentials. Set apiToken or apiKey + apiEmail.";
  }
  if (has(REJECTED_CREDENTIAL_CODES) || status === 401) {
    return scheme === "token"
      ? "Cloudflare did not accept the API token: it may be mistyped, expired, revoked or limited " +
          `to other IP addresses. Create a new one with User > Memberships > Read. See ${ENDPOINT_DOCS_URL}`
      : "Cloudflare did not accept the Global API key and email: check both, or switch to an API " +
          `token with User > Memberships > Read. See ${ENDPOINT_DOCS_URL}`;
  }
  if (status === 429 || has(RATE_LIMIT_CODES)) {
    return (
      "Cloudflare rate-limited this user (1200 requests per 5 minutes, shared by the dashboard " +
      "and every token and key); once over, calls are blocked for about five minutes. Retry later."
    );
  }
  if (status === 404) {
    return "The endpoint was not found: check baseUrl (it should end in /client/v4).";
  }
  return "";
}
