import * as undici from "undici";
import { listUserInvites } from "../../provider";
import { defaultDispatcher } from "../../provider/cloudflare/request";
import { clientOptions, emulator } from "../helpers/emulator";

const LOOPBACK = new URL("http://127.0.0.1:1/client/v4");
const REMOTE = new URL("https://api.cloudflare.com/client/v4");

test("one agent per process for loopback, and a proxy-aware one for remote hosts", () => {
  expect(defaultDispatcher(LOOPBACK)).toBe(defaultDispatcher(LOOPBACK));
  expect(defaultDispatcher(LOOPBACK)).toBeInstanceOf(undici.Agent);
  expect(defaultDispatcher(REMOTE, {})).toBe(defaultDispatcher(REMOTE, {}));
  expect(defaultDispatcher(REMOTE, {})).toBeInstanceOf(undici.EnvHttpProxyAgent);
});

test("a changed proxy environment gets a new agent", () => {
  const direct = defaultDispatcher(REMOTE, {});
  const proxied = defaultDispatcher(REMOTE, { HTTPS_PROXY: "http://proxy.example:3128" });
  expect(proxied).not.toBe(direct);
  expect(defaultDispatcher(REMOTE, { HTTPS_PROXY: "http://proxy.example:3128" })).toBe(proxied);
  expect(defaultDispatcher(REMOTE, { NO_PROXY: "example.com" })).not.toBe(direct);
});

test("consecutive calls reuse connections", async () => {
  const emu = await emulator();
  for (let i = 0; i < 6; i++) await listUserInvites(clientOptions(emu));
  expect(emu.requests).toHaveLength(6);
  // The second call can start before the first one's socket is back in the pool; after that, reuse.
  expect(emu.connections).toBeLessThanOrEqual(2);
});

test("a caller's own undici dispatcher is used as it is", async () => {
  const emu = await emulator();
  const mine = new undici.Agent();
  const dispatched: string[] = [];
  const counting = mine.compose((dispatch) => (options, handler) => {
    dispatched.push(`${options.method} ${options.path}`);
    return dispatch(options, handler);
  });
  const invites = await listUserInvites(clientOptions(emu, { dispatcher: counting }));
  expect(invites).toHaveLength(7);
  expect(dispatched).toEqual(["GET /client/v4/user/invites"]);
  await mine.close();
});
