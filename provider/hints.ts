import type { ApiErrorDetail } from "./errors";

/** Where Cloudflare documents this endpoint; quoted at the end of authorization errors. */
export const ENDPOINT_DOCS_URL =
  "https://developers.cloudflare.com/api/resources/user/subresources/invites/methods/list/";

/**
 * What a person should do about a Cloudflare error, from its HTTP status and error codes.
 * `scheme` says which credentials were sent, so the advice names the right ones.
 */
export function hintFor(status: number, errors: readonly ApiErrorDetail[], scheme: "token" | "key"): string {
  if (status >= 500) {
    return "Cloudflare's API is failing; try again later (see https://www.cloudflarestatus.com).";
  }
  const codes = new Set(errors.map((e) => e.code));
  if (codes.has(6003) || codes.has(6103) || codes.has(6111)) {
    return scheme === "key"
      ? "Cloudflare rejected the X-Auth-Key header: the value looks like an API token, not a " +
          "Global API key. Pass it as apiToken (cloudflare:apiToken, CLOUDFLARE_API_TOKEN) instead."
      : "Cloudflare rejected the Authorization header: check that the API token was copied whole, " +
          "without quotes or spaces.";
  }
  if (codes.has(9109) || (status === 403 && codes.size === 0)) {
    return (
      'The credentials lack the user-level "Memberships Read" permission. Create a user API token ' +
      "(My Profile > API Tokens) with User > Memberships > Read; account-owned tokens cannot list " +
      `a user's invitations. See ${ENDPOINT_DOCS_URL}`
    );
  }
  if (codes.has(9106)) {
    return "Cloudflare received no credentials. Set apiToken or apiKey + apiEmail.";
  }
  if (codes.has(10000) || codes.has(10001) || codes.has(9103) || status === 401) {
    return scheme === "token"
      ? "Cloudflare did not accept the API token: it may be mistyped, expired, revoked or limited " +
          `to other IP addresses. Create a new one with User > Memberships > Read. See ${ENDPOINT_DOCS_URL}`
      : "Cloudflare did not accept the Global API key and email: check both, or switch to an API " +
          `token with User > Memberships > Read. See ${ENDPOINT_DOCS_URL}`;
  }
  if (status === 429 || codes.has(971) || codes.has(10100)) {
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
