import {
  CloudflareApiError,
  CloudflareConfigError,
  CloudflareInvitesError,
  CloudflareNetworkError,
  CloudflareResponseError,
} from "../../provider";

const request = { method: "GET", path: "/client/v4/user/invites" };

test.each([
  ["CloudflareConfigError", new CloudflareConfigError("bad option")],
  [
    "CloudflareApiError",
    new CloudflareApiError("bad status", {
      ...request,
      status: 403,
      errors: [],
      rayId: "r",
      retryAfterMs: undefined,
      attempts: 1,
    }),
  ],
  [
    "CloudflareResponseError",
    new CloudflareResponseError("bad body", { ...request, status: 200, rayId: undefined }),
  ],
  [
    "CloudflareNetworkError",
    new CloudflareNetworkError("no answer", { ...request, attempts: 4, cause: new Error("ECONNRESET") }),
  ],
])("%s is a named CloudflareInvitesError with a stack", (name, error) => {
  expect(error).toBeInstanceOf(Error);
  expect(error).toBeInstanceOf(CloudflareInvitesError);
  expect(error.name).toBe(name);
  expect(String(error)).toBe(`${name}: ${error.message}`);
  expect(error.stack).toContain(error.message);
});

test("a network error keeps its cause", () => {
  const cause = new Error("socket hang up");
  expect(new CloudflareNetworkError("x", { ...request, attempts: 1, cause }).cause).toBe(cause);
});
