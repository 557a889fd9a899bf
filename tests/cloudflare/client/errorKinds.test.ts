import {
  CloudflareApiError,
  CloudflareAuthenticationError,
  CloudflareInvitesError,
  CloudflareNetworkError,
  CloudflareNotFoundError,
  CloudflarePermissionError,
  CloudflareRateLimitError,
  CloudflareServerError,
  CloudflareTimeoutError,
  isCloudflareInvitesError,
  listUserInvites,
  type CloudflareInvitesErrorKind,
} from "../../../provider";
import { errorEnvelope, faults, FAKE_TOKEN_WITHOUT_PERMISSION, type Fault } from "../../../provider/testing";
import { clientOptions, emulator } from "../../helpers/emulator";

/** Each failure a caller may want to handle apart, through the real client and a real server. */
const KINDS: [string, Fault, typeof CloudflareApiError, CloudflareInvitesErrorKind][] = [
  [
    "401 without codes",
    { status: 401, body: errorEnvelope([]) },
    CloudflareAuthenticationError,
    "authentication",
  ],
  [
    "400 with code 6003 (a token sent as a key)",
    { status: 400, body: errorEnvelope([{ code: 6003, message: "Invalid request headers" }]) },
    CloudflareAuthenticationError,
    "authentication",
  ],
  [
    "403 with code 9109 (no Memberships Read)",
    {
      status: 403,
      body: errorEnvelope([{ code: 9109, message: "Unauthorized to access requested resource" }]),
    },
    CloudflarePermissionError,
    "permission",
  ],
  ["429, retries exhausted", faults.rateLimited(0), CloudflareRateLimitError, "rate-limit"],
  ["404 (a wrong baseUrl)", { status: 404, body: errorEnvelope([]) }, CloudflareNotFoundError, "not-found"],
  ["503, retries exhausted", faults.serverError(503), CloudflareServerError, "server"],
  [
    "400 with another code",
    { status: 400, body: errorEnvelope([{ code: 1001, message: "Bad request" }]) },
    CloudflareApiError,
    "api",
  ],
  ["200 reporting success: false", faults.unsuccessful(), CloudflareApiError, "api"],
];

test.each(KINDS)("%s", async (_name, fault, ErrorClass, kind) => {
  const emu = await emulator({ faultFor: () => fault });
  const error = await listUserInvites(clientOptions(emu, { maxRetries: 1 })).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ErrorClass);
  expect(error).toBeInstanceOf(CloudflareApiError);
  expect(error).toBeInstanceOf(CloudflareInvitesError);
  expect(error).toMatchObject({ name: ErrorClass.name, kind });
  expect(isCloudflareInvitesError(error, kind)).toBe(true);
  // Only the exact class: a permission error is not a rate-limit error, and so on.
  const others = KINDS.map((k) => k[2]).filter((c) => c !== ErrorClass && c !== CloudflareApiError);
  for (const Other of others) expect(error).not.toBeInstanceOf(Other);
});

test("a token without the permission, from the emulator's own rules, is a permission error", async () => {
  const emu = await emulator();
  const error = await listUserInvites(clientOptions(emu, { apiToken: FAKE_TOKEN_WITHOUT_PERMISSION })).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CloudflarePermissionError);
});

test("a timeout is a CloudflareTimeoutError, under CloudflareNetworkError; a reset is only a network error", async () => {
  const slow = await emulator({ faults: [faults.hang(2_000)] });
  const timedOut = await listUserInvites(clientOptions(slow, { timeoutMs: 50, maxRetries: 0 })).catch(
    (e: unknown) => e,
  );
  expect(timedOut).toBeInstanceOf(CloudflareTimeoutError);
  expect(timedOut).toBeInstanceOf(CloudflareNetworkError);
  expect(timedOut).toMatchObject({ kind: "timeout" });

  const reset = await emulator({ faults: [faults.reset()] });
  const dropped = await listUserInvites(clientOptions(reset, { maxRetries: 0 })).catch((e: unknown) => e);
  expect(dropped).toBeInstanceOf(CloudflareNetworkError);
  expect(dropped).not.toBeInstanceOf(CloudflareTimeoutError);
  expect(dropped).toMatchObject({ kind: "network" });
});

test("isCloudflareInvitesError recognizes an error of another copy of the classes by its name", () => {
  const copy = Object.assign(new Error("x"), { name: "CloudflareRateLimitError", kind: "rate-limit" });
  expect(isCloudflareInvitesError(copy)).toBe(true);
  expect(isCloudflareInvitesError(copy, "rate-limit")).toBe(true);
  expect(isCloudflareInvitesError(copy, "server")).toBe(false);
  expect(isCloudflareInvitesError(new TypeError("x"))).toBe(false);
  expect(isCloudflareInvitesError({ name: "CloudflareApiError" })).toBe(false);
});
