import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { CloudflareConfigError, DEFAULTS, getUser, listUserInvites } from "../../provider";
import { resolveBaseUrl } from "../../provider/cloudflare/baseUrl";
import { isLoopbackHost } from "../../provider/cloudflare/request";
import { FAKE_CREDENTIALS } from "../../provider/testing";

const resolve = (value: string | undefined, name = "baseUrl") => resolveBaseUrl([{ value, name }]).toString();
const message = (value: string, name = "baseUrl"): string => {
  try {
    resolve(value, name);
  } catch (error) {
    expect(error).toBeInstanceOf(CloudflareConfigError);
    return (error as Error).message;
  }
  throw new Error("expected the URL to be refused");
};

test("Cloudflare's API root is the default", () => {
  expect(resolve(undefined)).toBe(DEFAULTS.baseUrl);
  expect(resolve("  ")).toBe(DEFAULTS.baseUrl);
});

test("the first candidate set wins, trailing slashes, query and fragment dropped", () => {
  const url = resolveBaseUrl([
    { value: undefined, name: "baseUrl" },
    { value: "https://proxy.example.com/client/v4/?x=1#y", name: "CLOUDFLARE_BASE_URL" },
  ]);
  expect(url.toString()).toBe("https://proxy.example.com/client/v4");
});

test.each([
  "http://127.0.0.1:8080/client/v4",
  "http://localhost:1/client/v4",
  "http://[::1]:9/client/v4",
  "http://127.5.6.7/x",
])("plain http to loopback %s is allowed", (url) => expect(resolve(url)).toBe(url));

test.each(["http://api.cloudflare.com/client/v4", "http://10.0.0.1/client/v4", "http://localhost.evil.com/"])(
  "plain http to a remote host %s is refused",
  (url) =>
    expect(message(url, "CLOUDFLARE_BASE_URL")).toMatch(
      /^CLOUDFLARE_BASE_URL uses plain http:\/\/ to .* clear text/,
    ),
);

test("a URL with a password is refused without echoing it", () => {
  const text = message("https://user:hunter2-secret@api.example.com/client/v4");
  expect(text).toContain("must not contain a user name or password");
  expect(text).not.toContain("hunter2-secret");
});

test("garbage and other schemes are refused with an example", () => {
  expect(message("not a url")).toBe(
    `baseUrl is not a valid URL. Expected something like ${DEFAULTS.baseUrl}.`,
  );
  expect(message("ftp://api.example.com")).toContain("must be an https:// URL, got ftp://");
});

test("isLoopbackHost", () => {
  expect(["localhost", "a.localhost", "127.0.0.1", "127.255.0.9", "::1", "[::1]"].every(isLoopbackHost)).toBe(
    true,
  );
  expect(["localhost.com", "128.0.0.1", "::2", "10.0.0.1"].some(isLoopbackHost)).toBe(false);
});

describe("an API root at a host's top, or with a trailing slash (a gateway in front of Cloudflare)", () => {
  const paths: string[] = [];
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      paths.push(request.url ?? "");
      const result = request.url === "/gw/user" ? { two_factor_authentication_enabled: true } : [];
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ success: true, errors: [], messages: [], result }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => (paths.length = 0));

  test.each(["", "/"])("root %j: the endpoint's path right under it", async (tail) => {
    const { apiToken } = FAKE_CREDENTIALS;
    await expect(listUserInvites({ baseUrl: `${origin}${tail}`, apiToken, maxRetries: 0 })).resolves.toEqual(
      [],
    );
    expect(paths).toEqual(["/user/invites"]);
  });

  test("a path with a trailing slash: the endpoint under that path", async () => {
    const { apiToken } = FAKE_CREDENTIALS;
    const user = await getUser({ baseUrl: `${origin}/gw/`, apiToken, maxRetries: 0 });
    expect(user.twoFactorAuthenticationEnabled).toBe(true);
    expect(paths).toEqual(["/gw/user"]);
  });
});
