import { CloudflareConfigError } from "../../provider";
import {
  authHeaders,
  environmentSource,
  OPTION_NAMES,
  resolveCredentials,
  type CredentialFields,
} from "../../provider/cloudflare/credentials";
import { CONFIG_NAMES } from "../../provider/cloudflare/inputs";
import { FAKE_CREDENTIALS } from "../../provider/testing";

const { apiToken, apiKey, apiEmail } = FAKE_CREDENTIALS;
const options = (values: CredentialFields) => ({ values, names: OPTION_NAMES });
const config = (values: CredentialFields) => ({ values, names: CONFIG_NAMES });
const env = (vars: Record<string, string>) => environmentSource(vars);

const failure = (fn: () => unknown): CloudflareConfigError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof CloudflareConfigError) return error;
    throw error;
  }
  throw new Error("expected a CloudflareConfigError");
};

describe("which credentials win", () => {
  test("explicit options come before the environment", () => {
    const chosen = resolveCredentials([
      options({ apiToken: "explicit-token" }),
      env({ CLOUDFLARE_API_TOKEN: "env-token" }),
    ]);
    expect(chosen).toEqual({ scheme: "token", apiToken: "explicit-token" });
  });

  test("stack config comes between options and environment", () => {
    const chosen = resolveCredentials([
      options({}),
      config({ apiKey, apiEmail }),
      env({ CLOUDFLARE_API_TOKEN: "env-token" }),
    ]);
    expect(chosen).toEqual({ scheme: "key", apiKey, apiEmail });
  });

  test("CLOUDFLARE_API_TOKEN comes before CLOUDFLARE_API_KEY + CLOUDFLARE_EMAIL", () => {
    const chosen = resolveCredentials([
      options({}),
      env({ CLOUDFLARE_API_TOKEN: apiToken, CLOUDFLARE_API_KEY: apiKey, CLOUDFLARE_EMAIL: apiEmail }),
    ]);
    expect(chosen.scheme).toBe("token");
  });

  test("the email of a key may come from a later source", () => {
    const chosen = resolveCredentials([options({ apiKey }), env({ CLOUDFLARE_EMAIL: apiEmail })]);
    expect(chosen).toEqual({ scheme: "key", apiKey, apiEmail });
  });

  test("an email alone does not shadow a token set later", () => {
    const chosen = resolveCredentials([options({ apiEmail }), env({ CLOUDFLARE_API_TOKEN: apiToken })]);
    expect(chosen).toEqual({ scheme: "token", apiToken });
  });

  test("empty and blank values count as unset; values are trimmed", () => {
    const chosen = resolveCredentials([
      options({ apiToken: "  " }),
      env({ CLOUDFLARE_API_TOKEN: ` ${apiToken}\n` }),
    ]);
    expect(chosen).toEqual({ scheme: "token", apiToken });
  });
});

describe("exactly one scheme's headers", () => {
  test("a token is sent as Bearer and nothing else", () => {
    expect(authHeaders({ scheme: "token", apiToken })).toEqual({ authorization: `Bearer ${apiToken}` });
  });

  test("a key is sent with its email and nothing else", () => {
    expect(authHeaders({ scheme: "key", apiKey, apiEmail })).toEqual({
      "x-auth-email": apiEmail,
      "x-auth-key": apiKey,
    });
  });
});

describe("incomplete credentials fail before any request, naming what to set", () => {
  test("nothing at all names every option, config key and variable", () => {
    const error = failure(() => resolveCredentials([options({}), config({}), env({})]));
    expect(error.message).toMatch(/^No Cloudflare credentials were found\./);
    for (const name of [
      "apiToken",
      "cloudflare:apiToken",
      "CLOUDFLARE_API_TOKEN",
      "apiKey + apiEmail",
      "cloudflare:apiKey + cloudflare:email",
      "CLOUDFLARE_API_KEY + CLOUDFLARE_EMAIL",
      "Memberships Read",
    ]) {
      expect(error.message).toContain(name);
    }
  });

  test("a key without an email", () => {
    const error = failure(() => resolveCredentials([options({ apiKey }), env({})]));
    expect(error.message).toContain("without the account email");
    expect(error.message).toContain("apiEmail, CLOUDFLARE_EMAIL");
    expect(error.message).not.toContain(apiKey);
  });

  test("an email without a key", () => {
    const error = failure(() => resolveCredentials([options({}), env({ CLOUDFLARE_EMAIL: apiEmail })]));
    expect(error.message).toMatch(/^An email was given \(CLOUDFLARE_EMAIL\) but no API key or token\./);
  });

  test("a credential that cannot be a header value is named, not echoed", () => {
    const error = failure(() => resolveCredentials([options({ apiToken: "abc\u0007def-secret" })]));
    expect(error.message).toContain("apiToken contains characters that cannot be sent in an HTTP header");
    expect(error.message).not.toContain("def-secret");
  });
});
