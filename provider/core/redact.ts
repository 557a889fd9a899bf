/** What stands in for a credential in any text this package produces. */
export const REDACTED = "[redacted]";

/**
 * Replaces every occurrence of the given secrets in `text`. Applied to every message built from
 * text Cloudflare or the network sent back, in case any of it echoes a credential.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= 4) result = result.split(secret).join(REDACTED);
  }
  return result;
}
