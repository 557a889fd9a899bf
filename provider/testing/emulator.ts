import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { errorEnvelope, successEnvelope, type EnvelopeError, type Fault } from "./faults";
import {
  FAKE_CREDENTIALS,
  FAKE_TOKEN_WITHOUT_PERMISSION,
  FAKE_TOKEN_WITHOUT_USER_DETAILS,
  sampleInvites,
  sampleMemberships,
  sampleUser,
  type ServedInvite,
  type ServedMembership,
  type ServedUser,
} from "./fixtures";

/** One request as the emulator saw it. */
export interface RecordedRequest {
  readonly method: string;
  /** Path without the query, e.g. `/client/v4/user/invites`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Lower-cased header names. Holds whatever credentials the client sent: fake ones in tests. */
  readonly headers: Readonly<Record<string, string>>;
}

/** How the emulator behaves. Every field is optional. */
export interface EmulatorOptions {
  /** The invites `GET /user/invites` lists, in wire shape. Default: {@link sampleInvites}. */
  readonly invites?: readonly ServedInvite[];
  /** The memberships `GET /memberships` lists, in wire shape. Default: {@link sampleMemberships}. */
  readonly memberships?: readonly ServedMembership[];
  /** The user `GET /user` returns. Default: {@link sampleUser} (two-factor authentication on). */
  readonly user?: ServedUser;
  /** API tokens accepted with "Memberships Read" and "User Details Read". Default: the fake token. */
  readonly apiTokens?: readonly string[];
  /**
   * API tokens with "Memberships Read" but not "User Details Read": lists work, `GET /user`
   * answers 403 with code 9109. Default: {@link FAKE_TOKEN_WITHOUT_USER_DETAILS}.
   */
  readonly tokensWithoutUserDetails?: readonly string[];
  /** API tokens that are valid but lack the permission (403, code 9109). */
  readonly tokensWithoutPermission?: readonly string[];
  /** Global API keys accepted, with their emails. Default: the fake key and email. */
  readonly globalKeys?: readonly { readonly email: string; readonly key: string }[];
  /**
   * Invitations' page size when the client does not ask for one. Unset: every invite on one page,
   * as the live API appears to do; `result_info` still describes that one page. (Memberships are
   * paged as Cloudflare documents: 20 a page unless asked, 5 to 50.)
   */
  readonly perPage?: number;
  /** Answer every page request (of either list) with page 1, as an API that does not paginate would. */
  readonly ignorePage?: boolean;
  /** Leave out `result_info` entirely. */
  readonly omitResultInfo?: boolean;
  /**
   * Send list pages without `content-length`, in 64 KiB chunks (`transfer-encoding: chunked`), as a
   * streaming or compressing proxy does: the client then counts the body against
   * `maxResponseBytes` as it arrives.
   */
  readonly chunked?: boolean;
  /** Faults for the first requests, in order; `undefined` entries answer normally. */
  readonly faults?: readonly (Fault | undefined)[];
  /** A fault chosen per request (after `faults` is used up): intermittent failures, load tests. */
  readonly faultFor?: (request: RecordedRequest, index: number) => Fault | undefined;
}

/** A running emulator. */
export interface CloudflareEmulator {
  /** The API root to use as `baseUrl`, ending in `/client/v4`. */
  readonly url: string;
  /** Every request received so far, in order. */
  readonly requests: RecordedRequest[];
  /** How many TCP connections clients have opened so far (keep-alive reuse shows here). */
  readonly connections: number;
  /** Replaces the listed invites (between reads, to show a stack picking up changes). */
  setInvites(invites: readonly ServedInvite[]): void;
  /** Replaces the listed memberships. */
  setMemberships(memberships: readonly ServedMembership[]): void;
  /** Replaces the user. */
  setUser(user: ServedUser): void;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

const API_ROOT = "/client/v4";
const GLOBAL_KEY = /^[0-9a-f]{37}$/;

/**
 * Starts a loopback HTTP server that behaves like Cloudflare's API for `GET /user/invites`,
 * `GET /user/invites/{id}`, `GET /memberships` (paged and filtered as Cloudflare documents) and
 * `GET /user`: the same auth checks, envelopes and error codes, and scripted faults. For tests, the demo and benchmarks, and for users testing their own stacks
 * and policies offline.
 */
export async function startCloudflareEmulator(options: EmulatorOptions = {}): Promise<CloudflareEmulator> {
  let invites = [...(options.invites ?? sampleInvites())];
  let memberships = [...(options.memberships ?? sampleMemberships())];
  let user = options.user ?? sampleUser();
  // Serialized list pages by path and query: large lists are served without re-serializing them,
  // so benchmarks measure the client, not the emulator. Cleared when a list changes.
  const pages = new Map<string, string>();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    const recorded = record(req);
    const index = requests.push(recorded) - 1;
    const fault =
      index < (options.faults?.length ?? 0) ? options.faults?.[index] : options.faultFor?.(recorded, index);
    // A fault that only delays answers normally once the delay is over.
    const answersNormally =
      !fault ||
      (fault.status === undefined &&
        fault.body === undefined &&
        fault.rawBody === undefined &&
        fault.drop === undefined);
    const respond = () =>
      answersNormally ? answer(res, recorded, index) : answerWithFault(res, fault, index);
    if (fault?.delayMs) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) respond();
      }, fault.delayMs);
      timers.add(timer);
    } else {
      respond();
    }
  });
  let connections = 0;
  server.on("connection", (socket) => {
    connections++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  function answer(res: ServerResponse, request: RecordedRequest, index: number): void {
    const denied = checkAuth(request.headers, options);
    if (denied) return send(res, denied.status, denied.body, index);
    if (request.method !== "GET") {
      return send(res, 405, errorEnvelope([{ code: 10405, message: "Method not allowed" }]), index);
    }
    const list =
      request.path === `${API_ROOT}/user/invites`
        ? () => invitesPage(invites, request.query, options)
        : request.path === `${API_ROOT}/memberships`
          ? () => membershipsPage(memberships, request.query, options)
          : undefined;
    if (list !== undefined) {
      const key = `${request.path}?${new URLSearchParams(request.query).toString()}`;
      let text = pages.get(key);
      if (text === undefined) {
        text = JSON.stringify(list());
        pages.set(key, text);
      }
      return options.chunked ? sendChunked(res, text, index) : sendText(res, 200, text, index);
    }
    if (request.path === `${API_ROOT}/user`) {
      const token = /^Bearer (.+)$/.exec(request.headers["authorization"] ?? "")?.[1];
      if (
        token !== undefined &&
        (options.tokensWithoutUserDetails ?? [FAKE_TOKEN_WITHOUT_USER_DETAILS]).includes(token)
      ) {
        return send(
          res,
          403,
          errorEnvelope([{ code: 9109, message: "Unauthorized to access requested resource" }]),
          index,
        );
      }
      return send(res, 200, successEnvelope(user), index);
    }
    const single = new RegExp(`^${API_ROOT}/user/invites/([^/]+)$`).exec(request.path);
    if (single) {
      const found = invites.find((i) => i.id === decodeURIComponent(single[1] ?? ""));
      return found
        ? send(res, 200, successEnvelope(found), index)
        : send(res, 404, errorEnvelope([{ code: 1003, message: "Invitation not found" }]), index);
    }
    send(res, 404, errorEnvelope([{ code: 7003, message: `Could not route to ${request.path}` }]), index);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${API_ROOT}`,
    requests,
    get connections() {
      return connections;
    },
    setInvites(next) {
      invites = [...next];
      pages.clear();
    },
    setMemberships(next) {
      memberships = [...next];
      pages.clear();
    },
    setUser(next) {
      user = next;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function record(req: IncomingMessage): RecordedRequest {
  const url = new URL(req.url ?? "/", "http://emulator");
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return {
    method: req.method ?? "GET",
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
  };
}

/** Cloudflare's answers to missing, wrong or mixed-up credentials. */
function checkAuth(
  headers: Readonly<Record<string, string>>,
  options: EmulatorOptions,
): { status: number; body: unknown } | undefined {
  const authorization = headers["authorization"];
  const key = headers["x-auth-key"];
  const email = headers["x-auth-email"];
  const deny = (status: number, errors: EnvelopeError[]) => ({ status, body: errorEnvelope(errors) });
  if (authorization !== undefined) {
    const token = /^Bearer (.+)$/.exec(authorization)?.[1];
    if (token === undefined) {
      return deny(400, [
        {
          code: 6003,
          message: "Invalid request headers",
          error_chain: [{ code: 6111, message: "Invalid format for Authorization header" }],
        },
      ]);
    }
    if ((options.apiTokens ?? [FAKE_CREDENTIALS.apiToken]).includes(token)) return undefined;
    if ((options.tokensWithoutUserDetails ?? [FAKE_TOKEN_WITHOUT_USER_DETAILS]).includes(token))
      return undefined;
    if ((options.tokensWithoutPermission ?? [FAKE_TOKEN_WITHOUT_PERMISSION]).includes(token)) {
      return deny(403, [{ code: 9109, message: "Unauthorized to access requested resource" }]);
    }
    return deny(403, [{ code: 10000, message: "Authentication error" }]);
  }
  if (key === undefined && email === undefined) {
    return deny(400, [{ code: 9106, message: "Missing X-Auth-Key, X-Auth-Email or Authorization headers" }]);
  }
  if (key !== undefined && !GLOBAL_KEY.test(key)) {
    return deny(400, [
      {
        code: 6003,
        message: "Invalid request headers",
        error_chain: [{ code: 6103, message: "Invalid format for X-Auth-Key header" }],
      },
    ]);
  }
  if (key === undefined || email === undefined) {
    return deny(400, [{ code: 9106, message: "Missing X-Auth-Key, X-Auth-Email or Authorization headers" }]);
  }
  const known = options.globalKeys ?? [{ email: FAKE_CREDENTIALS.apiEmail, key: FAKE_CREDENTIALS.apiKey }];
  return known.some((k) => k.key === key && k.email === email)
    ? undefined
    : deny(403, [{ code: 10000, message: "Authentication error" }]);
}

/** One page of the invitations: every invite on one page unless a size is asked for or set. */
function invitesPage(
  invites: readonly ServedInvite[],
  query: Readonly<Record<string, string>>,
  options: EmulatorOptions,
) {
  const asked = Number.parseInt(query["per_page"] ?? "", 10);
  const perPage = Math.max(1, asked > 0 ? asked : (options.perPage ?? Math.max(invites.length, 1)));
  return listPage(invites, query, perPage, options);
}

/** Cloudflare's documented page sizes of `GET /memberships`. */
const MEMBERSHIP_PAGE = { min: 5, max: 50, default: 20 } as const;
/** The fields `order` may name, and where each is in a membership. */
const MEMBERSHIP_ORDER: Record<string, (m: ServedMembership) => string> = {
  id: (m) => m.id ?? "",
  "account.name": (m) => m.account?.name ?? "",
  status: (m) => m.status ?? "",
};

/**
 * One page of the memberships, filtered, ordered and paged as Cloudflare documents: `status`,
 * `account.name` (a case-insensitive substring), `order` and `direction`, and `per_page` between 5
 * and 50 (20 unless asked).
 */
function membershipsPage(
  memberships: readonly ServedMembership[],
  query: Readonly<Record<string, string>>,
  options: EmulatorOptions,
) {
  const status = query["status"];
  const name = query["account.name"]?.toLowerCase();
  let kept = memberships.filter(
    (m) =>
      (status === undefined || m.status === status) &&
      (name === undefined || (m.account?.name ?? "").toLowerCase().includes(name)),
  );
  const orderBy = MEMBERSHIP_ORDER[query["order"] ?? ""];
  if (orderBy !== undefined) {
    const sign = query["direction"] === "desc" ? -1 : 1;
    kept = [...kept].sort((a, b) => sign * (orderBy(a) < orderBy(b) ? -1 : orderBy(a) > orderBy(b) ? 1 : 0));
  }
  const asked = Number.parseInt(query["per_page"] ?? "", 10);
  const perPage = Number.isNaN(asked)
    ? MEMBERSHIP_PAGE.default
    : Math.min(MEMBERSHIP_PAGE.max, Math.max(MEMBERSHIP_PAGE.min, asked));
  return listPage(kept, query, perPage, options);
}

/** One page of a list, with `result_info`, paged the way Cloudflare's v4 list endpoints are. */
function listPage(
  items: readonly unknown[],
  query: Readonly<Record<string, string>>,
  perPage: number,
  options: EmulatorOptions,
) {
  const askedPage = Number.parseInt(query["page"] ?? "", 10);
  const page = options.ignorePage || !(askedPage > 0) ? 1 : askedPage;
  const result = items.slice((page - 1) * perPage, page * perPage);
  const resultInfo = {
    page,
    per_page: perPage,
    count: result.length,
    total_count: items.length,
    total_pages: Math.max(1, Math.ceil(items.length / perPage)),
  };
  return successEnvelope(result, options.omitResultInfo ? undefined : resultInfo);
}

function commonHeaders(index: number): Record<string, string> {
  return {
    "cf-ray": `${(index + 1).toString(16).padStart(16, "0")}-EMU`,
    ratelimit: '"default";r=1199;t=300',
    "ratelimit-policy": '"burst";q=1200;w=300',
  };
}

function send(res: ServerResponse, status: number, body: unknown, index: number): void {
  sendText(res, status, JSON.stringify(body), index);
}

function sendText(res: ServerResponse, status: number, text: string, index: number): void {
  res.writeHead(status, {
    ...commonHeaders(index),
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

function sendChunked(res: ServerResponse, text: string, index: number): void {
  res.writeHead(200, { ...commonHeaders(index), "content-type": "application/json" });
  const bytes = Buffer.from(text);
  for (let offset = 0; offset < bytes.length; offset += 65_536)
    res.write(bytes.subarray(offset, offset + 65_536));
  res.end();
}

function answerWithFault(res: ServerResponse, fault: Fault, index: number): void {
  if (fault.drop === "before-response") {
    res.socket?.destroy();
    return;
  }
  const text = fault.rawBody ?? JSON.stringify(fault.body ?? successEnvelope([]));
  // Only the ray id: a fault's own headers say everything else (a 429 names its own limits).
  const headers = {
    "cf-ray": commonHeaders(index)["cf-ray"],
    "content-type": "application/json",
    ...fault.headers,
  };
  if (fault.drop === "mid-body") {
    res.writeHead(fault.status ?? 200, { ...headers, "content-length": Buffer.byteLength(text) + 100 });
    res.write(text.slice(0, Math.ceil(text.length / 2)), () => res.socket?.destroy());
    return;
  }
  res.writeHead(fault.status ?? 200, { ...headers, "content-length": Buffer.byteLength(text) });
  res.end(text);
}
