import {
  CloudflareApiError,
  CloudflareNetworkError,
  CloudflareResponseError,
  listUserInvites,
} from "../../../provider";
import { faults } from "../../../provider/testing";
import { clientOptions, emulator, thrown } from "../../helpers/emulator";

const FULL_LIST = 7;

describe("retried until the list arrives", () => {
  test.each([
    ["429 with Retry-After: 0", faults.rateLimited(0)],
    ["429 without Retry-After", faults.rateLimited()],
    ["429 with only a Ratelimit reset header", faults.rateLimitedWithResetHeader(0)],
    ["500 with a JSON envelope", faults.serverError(500)],
    ["503 with a JSON envelope", faults.serverError(503)],
    ["502 HTML page from the edge", faults.htmlError(502)],
    ["408 request timeout", faults.envelope({ success: false, errors: [] }, 408)],
    ["connection reset before the response", faults.reset()],
    ["connection reset in the middle of the body", faults.resetMidBody()],
    ["200 with truncated JSON", faults.truncatedJson()],
    ["200 with a body that is not JSON", faults.invalidJson()],
  ])("%s", async (_name, fault) => {
    const emu = await emulator({ faults: [fault, fault] });
    const invites = await listUserInvites(clientOptions(emu));
    expect(invites).toHaveLength(FULL_LIST);
    expect(emu.requests).toHaveLength(3);
  });

  test("a slow attempt is cut at timeoutMs and retried", async () => {
    const emu = await emulator({ faults: [faults.hang(5_000)] });
    const invites = await listUserInvites(clientOptions(emu, { timeoutMs: 200 }));
    expect(invites).toHaveLength(FULL_LIST);
    expect(emu.requests).toHaveLength(2);
  });

  test("Retry-After is waited out before the next attempt", async () => {
    const emu = await emulator({ faults: [faults.rateLimited(1)] });
    const started = Date.now();
    await listUserInvites(clientOptions(emu));
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(emu.requests).toHaveLength(2);
  });
});

describe("failing with a named error once retries are used up", () => {
  test("429 every time: CloudflareApiError after maxRetries + 1 attempts", async () => {
    const emu = await emulator({ faultFor: () => faults.rateLimited(0) });
    const error = (await thrown(() =>
      listUserInvites(clientOptions(emu, { maxRetries: 2 })),
    )) as CloudflareApiError;
    expect(error).toBeInstanceOf(CloudflareApiError);
    expect(error.status).toBe(429);
    expect(error.attempts).toBe(3);
    expect(error.retryAfterMs).toBe(0);
    expect(error.message).toContain(
      "failed with HTTP 429: [971] Please wait and consider throttling your request speed after 3 attempts",
    );
    expect(error.message).toContain("1200 requests per 5 minutes");
    expect(emu.requests).toHaveLength(3);
  });

  test("maxRetries 0 means a single attempt", async () => {
    const emu = await emulator({ faultFor: () => faults.serverError(500) });
    const error = (await thrown(() =>
      listUserInvites(clientOptions(emu, { maxRetries: 0 })),
    )) as CloudflareApiError;
    expect(error.status).toBe(500);
    expect(error.attempts).toBe(1);
    expect(error.message).toContain("Cloudflare's API is failing; try again later");
    expect(emu.requests).toHaveLength(1);
  });

  test("HTML 502 every time: the message says so without dumping the page", async () => {
    const emu = await emulator({ faultFor: () => faults.htmlError(502) });
    const error = (await thrown(() =>
      listUserInvites(clientOptions(emu, { maxRetries: 1 })),
    )) as CloudflareApiError;
    expect(error.status).toBe(502);
    expect(error.errors).toEqual([]);
    expect(error.message).toMatch(
      /^Cloudflare API GET \/client\/v4\/user\/invites failed with HTTP 502 after 2 attempts \(cf-ray \w+-EMU\)\./,
    );
    expect(error.message).not.toContain("<html");
  });

  test("a Retry-After over the cap fails at once and says when to come back", async () => {
    const emu = await emulator({ faultFor: () => faults.rateLimited(300) });
    const before = Date.now();
    const error = (await thrown(() => listUserInvites(clientOptions(emu)))) as CloudflareApiError;
    expect(Date.now() - before).toBeLessThan(5_000);
    expect(error.retryAfterMs).toBe(300_000);
    expect(error.attempts).toBe(1);
    expect(error.message).toContain(
      "Cloudflare asked to wait 300 s, longer than maxRetryAfterMs (60000 ms), so this did not wait: retry after 20",
    );
    const retryAt = Date.parse(/retry after (\S+)\./.exec(error.message)?.[1] ?? "");
    expect(retryAt - before).toBeGreaterThanOrEqual(299_000);
    expect(retryAt - before).toBeLessThan(310_000);
    expect(emu.requests).toHaveLength(1);
  });

  test("the cap is an option", async () => {
    const emu = await emulator({ faults: [faults.rateLimited(1)] });
    const error = (await thrown(() =>
      listUserInvites(clientOptions(emu, { maxRetryAfterMs: 500 })),
    )) as CloudflareApiError;
    expect(error.message).toContain("longer than maxRetryAfterMs (500 ms)");
  });

  test("resets every time: CloudflareNetworkError keeps the cause", async () => {
    const emu = await emulator({ faultFor: () => faults.reset() });
    const error = (await thrown(() =>
      listUserInvites(clientOptions(emu, { maxRetries: 1 })),
    )) as CloudflareNetworkError;
    expect(error).toBeInstanceOf(CloudflareNetworkError);
    expect(error.attempts).toBe(2);
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.message).toMatch(
      /^Cloudflare API GET \/client\/v4\/user\/invites failed to connect or lost the connection \(.+\) after 2 attempts\. Check network access/,
    );
  });

  test("timeouts every time: the message names timeoutMs", async () => {
    const emu = await emulator({ faultFor: () => faults.hang(5_000) });
    const error = await thrown(() => listUserInvites(clientOptions(emu, { timeoutMs: 100, maxRetries: 1 })));
    expect(error).toBeInstanceOf(CloudflareNetworkError);
    expect(error.message).toContain("timed out after 100 ms (timeoutMs) after 2 attempts");
  });

  test("nothing listening: connection refused", async () => {
    const emu = await emulator();
    const url = emu.url;
    await emu.close();
    const error = await thrown(() => listUserInvites({ ...clientOptions(emu), baseUrl: url, maxRetries: 1 }));
    expect(error).toBeInstanceOf(CloudflareNetworkError);
    expect(error.message).toContain("ECONNREFUSED");
  });

  test("not JSON every time: CloudflareResponseError describes the body", async () => {
    const emu = await emulator({ faultFor: () => faults.invalidJson() });
    const error = (await thrown(() =>
      listUserInvites(clientOptions(emu, { maxRetries: 1 })),
    )) as CloudflareResponseError;
    expect(error).toBeInstanceOf(CloudflareResponseError);
    expect(error.status).toBe(200);
    expect(error.message).toContain(
      'a body that is not JSON (application/json, 24 bytes, starting "<html>maintenance</html>") after 2 attempts',
    );
  });
});

describe("never retried", () => {
  test("success: false inside a 200", async () => {
    const emu = await emulator({
      faultFor: () => faults.unsuccessful([{ code: 1000, message: "Temporary failure" }]),
    });
    const error = (await thrown(() => listUserInvites(clientOptions(emu)))) as CloudflareApiError;
    expect(error).toBeInstanceOf(CloudflareApiError);
    expect(error.status).toBe(200);
    expect(error.message).toMatch(
      /^Cloudflare API GET \/client\/v4\/user\/invites answered HTTP 200 but reported failure: \[1000\] Temporary failure \(cf-ray/,
    );
    expect(emu.requests).toHaveLength(1);
  });

  test("a response that does not match the schema names the field and the path", async () => {
    const emu = await emulator({
      faultFor: () => faults.envelope({ success: true, errors: [], result: [{ id: "x" }] }),
    });
    const error = (await thrown(() => listUserInvites(clientOptions(emu)))) as CloudflareResponseError;
    expect(error).toBeInstanceOf(CloudflareResponseError);
    expect(error.message).toContain("with a response this package cannot use (cf-ray");
    expect(error.message).toContain("missing organization_id");
    expect(error.message).toContain("at result[0].organization_id");
    expect(emu.requests).toHaveLength(1);
  });

  test("404: the hint points at baseUrl", async () => {
    const emu = await emulator();
    const error = await thrown(() =>
      listUserInvites(clientOptions(emu, { baseUrl: emu.url.replace("/client/v4", "/v4") })),
    );
    expect(error.message).toContain("HTTP 404: [7003] Could not route to /v4/user/invites");
    expect(error.message).toContain("check baseUrl (it should end in /client/v4)");
  });
});
