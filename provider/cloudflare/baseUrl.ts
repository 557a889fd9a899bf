import { describeType } from "../core/problems";
import { CloudflareConfigError } from "./errors";
import { DEFAULTS } from "./inputs";
import { isLoopbackHost } from "./request";

/** Where a base URL may come from, in order: option, (stack config), `CLOUDFLARE_BASE_URL`. */
export interface BaseUrlCandidate {
  /** A string or a `URL`; anything else is refused with a message naming it. */
  readonly value: string | URL | undefined;
  /** How the user knows this setting, for error messages: `baseUrl`, `CLOUDFLARE_BASE_URL`... */
  readonly name: string;
}

/**
 * Resolves and checks the API base URL: the first non-empty candidate, else Cloudflare's.
 * Plain `http://` is refused unless the host is loopback, so credentials never cross a network
 * in clear text; a user name or password in the URL is refused (it would end up in logs).
 * The result has no trailing slash.
 */
export function resolveBaseUrl(candidates: readonly BaseUrlCandidate[]): URL {
  const chosen = candidates
    .map((c) => ({ name: c.name, text: asText(c.value, c.name) }))
    .find((c) => c.text !== undefined && c.text.trim() !== "");
  if (chosen?.text === undefined) return new URL(DEFAULTS.baseUrl);
  let url: URL;
  try {
    url = new URL(chosen.text.trim());
  } catch {
    throw new CloudflareConfigError(
      `${chosen.name} is not a valid URL. Expected something like ${DEFAULTS.baseUrl}.`,
    );
  }
  if (url.username !== "" || url.password !== "") {
    throw new CloudflareConfigError(
      `${chosen.name} must not contain a user name or password; pass credentials as apiToken ` +
        `or apiKey + apiEmail instead.`,
    );
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    throw new CloudflareConfigError(
      `${chosen.name} uses plain http:// to ${url.host}; credentials would travel in clear ` +
        `text. Use https://, or http:// only to a loopback address (127.0.0.1, ::1, localhost).`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new CloudflareConfigError(
      `${chosen.name} must be an https:// URL, got ${url.protocol}//. Expected something like ` +
        `${DEFAULTS.baseUrl}.`,
    );
  }
  url.search = "";
  url.hash = "";
  url.pathname = url.pathname.replace(/\/+$/, "");
  return url;
}

/** A candidate's text: a `URL` by its `href`; a value of another type is a configuration error. */
function asText(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof URL) return value.href;
  if (typeof value === "string") return value;
  throw new CloudflareConfigError(`${name} must be a string or a URL, got ${describeType(value)}.`);
}
