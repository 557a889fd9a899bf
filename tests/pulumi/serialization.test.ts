import * as pulumi from "@pulumi/pulumi";
import { listUserInvites } from "../../provider";
import * as errors from "../../provider/cloudflare/errors";
import { FAKE_CREDENTIALS } from "../../provider/testing";
import { clientOptions, emulator, withEnv } from "../helpers/emulator";
import { serializeProvider } from "../helpers/providerHost";

const SECRETS = {
  CLOUDFLARE_API_TOKEN: "FAKE-env-token-must-not-be-serialized-0001",
  CLOUDFLARE_API_KEY: "FAKE-env-key-must-not-be-serialized",
  CLOUDFLARE_EMAIL: "env-email-must-not-be-serialized@example.com",
};
const CONFIG_TOKEN = "FAKE-config-token-must-not-be-serialized";

/** `require("...")` targets in serialized code. */
const requires = (text: string) =>
  [...new Set([...text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))].sort();

test.each(["invites", "memberships"] as const)(
  "the %s provider serializes without capturing a credential from the environment or the stack config",
  async (kind) => {
    pulumi.runtime.setAllConfig({ "cloudflare:apiToken": CONFIG_TOKEN });
    const text = await withEnv(SECRETS, () => serializeProvider(kind));
    for (const secret of [
      ...Object.values(SECRETS),
      CONFIG_TOKEN,
      FAKE_CREDENTIALS.apiToken,
      FAKE_CREDENTIALS.apiKey,
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/process\.env\s*=|"CLOUDFLARE_API_TOKEN":\s*"/);
  },
);

test.each(["invites", "memberships"] as const)(
  "from source the %s provider requires only packages the provider host can load, and stays small",
  async (kind) => {
    const text = await serializeProvider(kind);
    // Packages by their entry points only; Node's timers for the retry waits.
    expect(requires(text)).toEqual(["timers/promises", "undici", "zod"]);
    expect(text).not.toContain("@pulumi/pulumi");
    // Our own code by value, both reads' (a provider reaches either through `READS`). The installed
    // package serializes to a require instead (3.7 KB, checked by tests/packaging.test.ts).
    expect(text.length).toBeLessThan(130_000);
  },
);

test("using the client in-process first (lazy state warmed) does not change what is serialized", async () => {
  const before = await serializeProvider();
  const emu = await emulator();
  await listUserInvites(clientOptions(emu));
  // A filtered call too (filters, validation), whose answer is asserted rather than ignored.
  expect(
    await listUserInvites(clientOptions(emu, { statuses: ["pending"], organizationIds: ["0".repeat(32)] })),
  ).toEqual([]);
  expect(await serializeProvider()).toBe(before);
});

test("serialized by value, the error classes keep their whole chain: instanceof holds up to Error", async () => {
  // Pulumi's serializer links each copied class to its parent, but not the prototypes; the base
  // constructor relinks them. Without that, the provider host wrapped its own errors as "unexpected".
  const { text } = await pulumi.runtime.serializeFunction(() => errors);
  const module = { exports: {} as { handler?: () => typeof errors } };
  new Function("exports", "require", "module", text)(module.exports, require, module);
  const copy = (module.exports.handler as () => typeof errors)();
  expect(copy.CloudflarePermissionError).not.toBe(errors.CloudflarePermissionError);
  const error = new copy.CloudflarePermissionError("no permission", {
    method: "GET",
    path: "/client/v4/user/invites",
    status: 403,
    errors: [],
    rayId: undefined,
    retryAfterMs: undefined,
    attempts: 1,
  });
  for (const ancestor of [
    copy.CloudflarePermissionError,
    copy.CloudflareApiError,
    copy.CloudflareInvitesError,
    Error,
  ]) {
    expect(error instanceof ancestor).toBe(true);
  }
  expect(error instanceof copy.CloudflareRateLimitError).toBe(false);
  expect(error).toMatchObject({ name: "CloudflarePermissionError", kind: "permission", status: 403 });
  expect(String(error)).toBe("CloudflarePermissionError: no permission");
  // Another copy's classes are not this one's: the name and kind still say what it is.
  expect(error instanceof errors.CloudflarePermissionError).toBe(false);
  expect(errors.isCloudflareInvitesError(error, "permission")).toBe(true);
});
