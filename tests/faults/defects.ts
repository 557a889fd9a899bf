import { execFile } from "node:child_process";
import { createServer, type Server } from "node:http";
import {
  createServer as createTcpServer,
  type AddressInfo,
  type Server as TcpServer,
  type Socket,
} from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import {
  CloudflareApiError,
  CloudflareConfigError,
  CloudflareInvitesError,
  CloudflareNetworkError,
  CloudflareResponseError,
  findTwoFactorViolations,
  listUserInvites,
  type ListUserInvitesOptions,
} from "../../provider";
import { FAKE_CREDENTIALS, faults, sampleInvites, successEnvelope } from "../../provider/testing";
import { twoFactorPolicy } from "../../provider/policy/rules";
import { runCommand } from "../../provider/cli/auditCommand";
import { emulator } from "../helpers/emulator";
import { REPO_ROOT } from "../helpers/providerHost";
import { proxiedProcessEnv, startProxiedApi } from "../helpers/proxy";
import { everythingVisible } from "../helpers/visible";

/**
 * The defects a review found on the first release (issue "Hardening"), each reproduced as it was
 * found, with what must happen now. Run by the fault matrix, which counts them in its summary line.
 */
export interface Defect {
  readonly name: string;
  run(): Promise<void>;
}

const TOKEN = FAKE_CREDENTIALS.apiToken;
const fast = { apiToken: TOKEN, backoffBaseMs: 1 } as const;

/** Runs `fn`, expects a rejection, and checks that nothing it exposes holds the token. */
async function failure(fn: () => Promise<unknown>): Promise<Error> {
  const error = await fn().then(
    () => {
      throw new Error("expected a failure, but the call succeeded");
    },
    (e: unknown) => e as Error,
  );
  expect(error).toBeInstanceOf(CloudflareInvitesError);
  expect(everythingVisible(error)).not.toContain(TOKEN);
  return error;
}

async function list(options: ListUserInvitesOptions) {
  return listUserInvites({ ...fast, ...options });
}

/** A server that answers every request with what `respond` writes, then the test closes it. */
async function rawHttp(respond: (socket: Socket, request: string) => void): Promise<{
  url: string;
  close(): Promise<void>;
}> {
  const server: TcpServer = createTcpServer((socket) => {
    socket.once("data", (chunk) => respond(socket, chunk.toString("latin1")));
    socket.on("error", () => socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/client/v4`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A body that never ends: chunks of `x` until the client goes away. */
async function endlessBody(): Promise<{ url: string; close(): Promise<void>; sent: () => number }> {
  let sent = 0;
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    const chunk = Buffer.alloc(64 * 1024, "x");
    const pump = () => {
      while (!res.destroyed && res.write(chunk)) sent += chunk.length;
      if (!res.destroyed) res.once("drain", pump);
    };
    res.on("close", () => res.destroy());
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/client/v4`,
    sent: () => sent,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A message whose `error_chain` nests `depth` deep, as JSON text: building it as objects would overflow `JSON.stringify`. */
function nestedJson(depth: number): string {
  const open = Array.from(
    { length: depth },
    (_, i) => `{"code":${1000 + (i % 10)},"message":"level ${i}","error_chain":[`,
  );
  return `${open.join("")}{"code":1000,"message":"innermost"}${"]}".repeat(depth)}`;
}

export const DEFECTS: readonly Defect[] = [
  {
    name: "1. HTTPS_PROXY: requests reach the proxy (was: this[kClient].connect is not a function)",
    async run() {
      const emu = await emulator();
      const api = await startProxiedApi(emu.url);
      try {
        const { stdout } = await promisify(execFile)(
          process.execPath,
          ["-r", "ts-node/register/transpile-only", join(REPO_ROOT, "tests", "fixtures", "proxiedList.ts")],
          {
            cwd: REPO_ROOT,
            env: proxiedProcessEnv({
              HTTPS_PROXY: api.proxyUrl,
              CLOUDFLARE_API_TOKEN: TOKEN,
              PROXIED_BASE_URL: api.baseUrl,
            }),
          },
        );
        expect(JSON.parse(stdout)).toEqual({ count: 7 });
        expect(api.connects).toEqual([api.connectTarget]);
      } finally {
        await api.close();
      }
    },
  },
  {
    name: "2a. a body announced larger than maxResponseBytes fails at once, unretried",
    async run() {
      const emu = await emulator({ faultFor: () => ({ rawBody: "x".repeat(5_000) }) });
      const error = await failure(() => list({ baseUrl: emu.url, maxResponseBytes: 1_000 }));
      expect(error).toBeInstanceOf(CloudflareResponseError);
      expect(error.message).toContain("with more than 1000 bytes");
      expect(error.message).toContain("maxResponseBytes");
      expect(emu.requests).toHaveLength(1);
    },
  },
  {
    name: "2b. an endless body is cut off while streaming (was: grew the process to 8 GB)",
    async run() {
      const server = await endlessBody();
      try {
        const error = await failure(() => list({ baseUrl: server.url, maxResponseBytes: 1024 * 1024 }));
        expect(error).toBeInstanceOf(CloudflareResponseError);
        expect(error.message).toMatch(/more than 1048576 bytes \(\d+ announced or read\)/);
        // Reading stopped near the limit: far less than an endless body.
        expect(server.sent()).toBeLessThan(64 * 1024 * 1024);
      } finally {
        await server.close();
      }
    },
  },
  {
    name: "3a. Retry-After: 99999999999999 gives our error, not a RangeError",
    async run() {
      const emu = await emulator({ faults: [faults.rateLimited("99999999999999")] });
      const error = await failure(() => list({ baseUrl: emu.url }));
      expect(error).toBeInstanceOf(CloudflareApiError);
      expect(error.message).toMatch(/so this did not wait: retry after \S+Z\./);
    },
  },
  {
    name: "3b. Ratelimit t=99999999999999 on a 429 gives our error, not a RangeError",
    async run() {
      const emu = await emulator({ faults: [faults.rateLimitedWithResetHeader(99999999999999)] });
      const error = await failure(() => list({ baseUrl: emu.url }));
      expect(error).toBeInstanceOf(CloudflareApiError);
      expect(error.message).toContain("longer than maxRetryAfterMs");
    },
  },
  {
    name: "4a. a 200 whose messages nest error_chain 5,000 deep is read (was: Maximum call stack size exceeded)",
    async run() {
      const emu = await emulator({
        faults: [
          {
            rawBody: JSON.stringify(successEnvelope(sampleInvites())).replace(
              '"messages":[]',
              `"messages":[${nestedJson(5000)}]`,
            ),
          },
        ],
      });
      expect(await list({ baseUrl: emu.url })).toHaveLength(7);
    },
  },
  {
    name: "4b. an error whose error_chain nests 5,000 deep is a named error listing a bounded chain",
    async run() {
      const emu = await emulator({
        faultFor: () => ({
          status: 400,
          rawBody: `{"success":false,"errors":[${nestedJson(5000)}],"messages":[],"result":null}`,
        }),
      });
      const error = (await failure(() => list({ baseUrl: emu.url }))) as CloudflareApiError;
      expect(error).toBeInstanceOf(CloudflareApiError);
      expect(error.errors.length).toBeGreaterThan(0);
      expect(error.errors.length).toBeLessThanOrEqual(20);
    },
  },
  {
    name: "5. a cf-ray header echoing the credential is scrubbed from the error",
    async run() {
      const emu = await emulator({
        faultFor: () => ({ status: 403, headers: { "cf-ray": `ray-${TOKEN}` } }),
      });
      const error = (await failure(() => list({ baseUrl: emu.url }))) as CloudflareApiError;
      expect(error.rayId).toBe("ray-[redacted]");
    },
  },
  {
    name: "6. a malformed status line echoing the credential leaves nothing in the error's cause",
    async run() {
      const server = await rawHttp((socket, request) => {
        const auth = /authorization: ([^\r\n]+)/i.exec(request)?.[1] ?? "";
        socket.end(`HTTP/1.1 2x0 ${auth}\r\n\r\n`);
      });
      try {
        const error = await failure(() => list({ baseUrl: server.url, maxRetries: 0 }));
        expect(error).toBeInstanceOf(CloudflareNetworkError);
        expect(JSON.stringify(Object.keys(error.cause as object))).not.toContain("data");
      } finally {
        await server.close();
      }
    },
  },
  {
    name: "7. a credential straddling the 60-character cut of a non-JSON body is not partly shown",
    async run() {
      const emu = await emulator({ faultFor: () => ({ rawBody: `${"x".repeat(44)}${TOKEN} and more` }) });
      const error = await failure(() => list({ baseUrl: emu.url, maxRetries: 0 }));
      expect(error.message).toContain("[redacted]");
      expect(error.message).not.toContain(TOKEN.slice(0, 12));
    },
  },
  {
    name: "8. timeoutMs 1.5, 3e9 or 5e9 and maxRetryAfterMs 5e9 are refused before any request",
    async run() {
      const emu = await emulator();
      for (const options of [
        { timeoutMs: 1.5 },
        { timeoutMs: 3e9 },
        { timeoutMs: 5e9 },
        { maxRetryAfterMs: 5e9 },
      ]) {
        const error = await failure(() => list({ baseUrl: emu.url, ...options }));
        expect(error).toBeInstanceOf(CloudflareConfigError);
        expect(error.message).toMatch(/must be a whole number from \d+ to 2147483647/);
      }
      expect(emu.requests).toHaveLength(0);
    },
  },
  {
    name: '9. audit --counted-statuses "" or ",,," is a usage error, and an empty statuses list is refused everywhere',
    async run() {
      for (const status of ["", ",,,"]) {
        const err: string[] = [];
        const code = await runCommand(["audit", "--counted-statuses", status], {
          stdout: () => {},
          stderr: (t) => err.push(t),
        });
        expect(code).toBe(2);
        expect(err.join("\n")).toContain("--counted-statuses: the list is empty");
      }
      expect(() => findTwoFactorViolations([], { countedStatuses: [] })).toThrow(CloudflareConfigError);
      expect(twoFactorPolicy.configSchema?.properties?.["countedStatuses"]).toMatchObject({ minItems: 1 });
      const emu = await emulator();
      const error = await failure(() => list({ baseUrl: emu.url, statuses: [] }));
      expect(error.message).toContain("statuses: the list is empty");
    },
  },
  {
    name: "10. a URL object is a base URL, and a credential that is not a string is named with its type",
    async run() {
      const emu = await emulator();
      expect(await list({ baseUrl: new URL(emu.url) })).toHaveLength(7);
      const error = await failure(() =>
        listUserInvites({ baseUrl: emu.url, apiToken: 12345 as unknown as string }),
      );
      expect(error).toBeInstanceOf(CloudflareConfigError);
      expect(error.message).toBe("apiToken must be a string, got a number.");
    },
  },
  {
    name: "11. messages stay bounded: 200,000 invites without organization_id, a million bad statuses",
    async run() {
      const broken = Array.from({ length: 200_000 }, (_, i) => ({ id: String(i), invited_member_id: null }));
      const emu = await emulator({ faultFor: () => ({ body: successEnvelope(broken) }) });
      const error = await failure(() => list({ baseUrl: emu.url }));
      expect(error).toBeInstanceOf(CloudflareResponseError);
      expect(error.message.length).toBeLessThan(3_000);
      expect(error.message).toContain("199,995 more problems");
      const statuses = Array.from({ length: 1_000_000 }, () => "bogus") as never[];
      const bad = await failure(() => list({ baseUrl: emu.url, statuses }));
      expect(bad.message.length).toBeLessThan(2_000);
      expect(bad.message).toContain("and 999,995 more invalid statuses");
    },
  },
  {
    name: "12. every error class puts its own name at the head of its stack",
    async run() {
      const errors = [
        new CloudflareConfigError("x"),
        new CloudflareApiError("x", {
          method: "GET",
          path: "/",
          status: 400,
          errors: [],
          rayId: undefined,
          retryAfterMs: undefined,
          attempts: 1,
        }),
        new CloudflareResponseError("x", { method: "GET", path: "/", status: 200, rayId: undefined }),
        new CloudflareNetworkError("x", { method: "GET", path: "/", attempts: 1, cause: undefined }),
      ];
      for (const error of errors) expect(String(error.stack).split("\n")[0]).toBe(`${error.name}: x`);
    },
  },
];
