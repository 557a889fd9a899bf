import { describeType } from "../core/problems";
import { CloudflareConfigError } from "./errors";
import { CREDENTIAL_KEYS, ENV_NAMES, type CredentialKey } from "./inputs";

export { CREDENTIAL_KEYS, type CredentialKey } from "./inputs";

/**
 * Which credentials a request uses. Exactly one scheme is ever sent: an API token as
 * `Authorization: Bearer`, or a Global API key with its email as `X-Auth-Key` + `X-Auth-Email`.
 */
export type Credentials =
  | { readonly scheme: "token"; readonly apiToken: string }
  | { readonly scheme: "key"; readonly apiKey: string; readonly apiEmail: string };

/** Credential fields as a caller gives them; empty strings count as unset. */
export type CredentialFields = { readonly [K in CredentialKey]?: string | undefined };

/**
 * One place credentials may come from, with the names a user knows it by, so an error can say
 * exactly what to set: `apiToken` for options, `cloudflare:apiToken` for stack config,
 * `CLOUDFLARE_API_TOKEN` for the environment.
 */
export interface CredentialSource {
  readonly values: CredentialFields;
  readonly names: { readonly [K in CredentialKey]: string };
}

/** Names of the explicit options of `listUserInvites` and of the resource's args: the keys themselves. */
export const OPTION_NAMES = Object.fromEntries(CREDENTIAL_KEYS.map((key) => [key, key])) as {
  readonly [K in CredentialKey]: K;
};

/** Reads the conventional `CLOUDFLARE_*` variables as a source. */
export function environmentSource(env: NodeJS.ProcessEnv): CredentialSource {
  return { values: valuesNamed(ENV_NAMES, (name) => env[name]), names: ENV_NAMES };
}

/** Reads each credential by the name a source knows it by: `CLOUDFLARE_API_TOKEN`, `cloudflare:apiToken`... */
export function valuesNamed(
  names: { readonly [K in CredentialKey]: string },
  get: (name: string) => string | undefined,
): CredentialFields {
  return { apiToken: get(names.apiToken), apiKey: get(names.apiKey), apiEmail: get(names.apiEmail) };
}

/**
 * Picks the credentials from the first source that gives a token or a key, in the order given
 * (explicit options, then stack config, then environment). A token wins over a key within one
 * source. A key's email may come from a later source (an email is not a secret, and pipelines often
 * set `CLOUDFLARE_EMAIL` globally). Anything incomplete fails here, before a request is made;
 * `note` is added to the message when nothing was found at all.
 */
export function resolveCredentials(sources: readonly CredentialSource[], note = ""): Credentials {
  for (const [index, source] of sources.entries()) {
    const apiToken = present(source.values.apiToken, source.names.apiToken);
    if (apiToken !== undefined) {
      checkHeaderSafe(apiToken, source.names.apiToken);
      return { scheme: "token", apiToken };
    }
    const apiKey = present(source.values.apiKey, source.names.apiKey);
    if (apiKey === undefined) continue;
    checkHeaderSafe(apiKey, source.names.apiKey);
    const emailSource = sources
      .slice(index)
      .find((s) => present(s.values.apiEmail, s.names.apiEmail) !== undefined);
    const apiEmail = present(emailSource?.values.apiEmail, emailSource?.names.apiEmail ?? "apiEmail");
    if (apiEmail === undefined) {
      throw new CloudflareConfigError(
        `A Cloudflare API key was given (${source.names.apiKey}) without the account email it ` +
          `belongs to. Set ${alternatives(sources.slice(index), "apiEmail")}, or use an API token ` +
          `instead (${alternatives(sources, "apiToken")}).`,
      );
    }
    checkHeaderSafe(apiEmail, emailSource?.names.apiEmail ?? "apiEmail");
    return { scheme: "key", apiKey, apiEmail };
  }
  const emailOnly = sources.find((s) => present(s.values.apiEmail, s.names.apiEmail) !== undefined);
  const prefix = emailOnly
    ? `An email was given (${emailOnly.names.apiEmail}) but no API key or token. `
    : "No Cloudflare credentials were found. ";
  throw new CloudflareConfigError(
    prefix +
      `Set an API token with the user permission "Memberships Read" ` +
      `(${alternatives(sources, "apiToken")}), or a Global API key with its email ` +
      `(${sources.map((s) => `${s.names.apiKey} + ${s.names.apiEmail}`).join(", or ")}).` +
      (note ? ` ${note}` : ""),
  );
}

/** The HTTP headers for one scheme, and nothing else. */
export function authHeaders(credentials: Credentials): Record<string, string> {
  return credentials.scheme === "token"
    ? { authorization: `Bearer ${credentials.apiToken}` }
    : { "x-auth-email": credentials.apiEmail, "x-auth-key": credentials.apiKey };
}

/** The secret values of a set of credentials, for redaction. The email counts: it identifies the key. */
export function secretValues(credentials: Credentials): string[] {
  return credentials.scheme === "token" ? [credentials.apiToken] : [credentials.apiKey, credentials.apiEmail];
}

/** The value, trimmed, or `undefined` when absent or blank; a value that is not a string is named. */
function present(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") {
    // Untyped callers (plain JavaScript, config parsed as JSON): say what is wrong, never the value.
    throw new CloudflareConfigError(`${name} must be a string, got ${describeType(value)}.`);
  }
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

function alternatives(sources: readonly CredentialSource[], field: "apiToken" | "apiEmail"): string {
  return sources.map((s) => s.names[field]).join(", ");
}

/** A value that cannot be an HTTP header would make undici throw a confusing error; name it instead. */
function checkHeaderSafe(value: string, name: string): void {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value) || /[^\u0000-\u00ff]/.test(value)) {
    throw new CloudflareConfigError(
      `${name} contains characters that cannot be sent in an HTTP header (control characters or ` +
        `non-Latin-1 text). Copy the credential again without extra characters.`,
    );
  }
}
