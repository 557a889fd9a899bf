import type { Agent as AgentType, Dispatcher, EnvHttpProxyAgent as EnvHttpProxyAgentType } from "undici";

/**
 * The parts of undici this package uses, loaded from their own modules. undici's index
 * loads every feature it has (fetch, WebSocket, caches, mocks, ...): about 86 ms to require on
 * these machines, against about 22 ms for these three, which share most of their code. The
 * provider host pays it on every `pulumi preview`, so it counts. Typed with undici's public
 * types; a test checks that the paths still hold undici's own classes.
 */

/* eslint-disable @typescript-eslint/no-require-imports -- deep modules of undici, see above */
const DispatcherClass = require("undici/lib/dispatcher/dispatcher.js") as { prototype: object };
const dispatcherApi = require("undici/lib/api/index.js") as Record<string, unknown>;
const AgentClass = require("undici/lib/dispatcher/agent.js") as typeof AgentType;
const EnvProxyAgentClass =
  require("undici/lib/dispatcher/env-http-proxy-agent.js") as typeof EnvHttpProxyAgentType;
const requestWith = require("undici/lib/api/api-request.js") as (
  this: Dispatcher,
  options: Dispatcher.RequestOptions,
) => Promise<Dispatcher.ResponseData>;

/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * The one thing undici's entry point does besides exporting: it gives every dispatcher its API
 * methods (`request`, `stream`, `pipeline`, `upgrade`, `connect`). ProxyAgent opens its CONNECT
 * tunnel with `connect`, so without this no request ever reaches a proxy. Same functions, same
 * prototype as the entry point's `Object.assign(Dispatcher.prototype, api)`. Called by the
 * functions below that make a dispatcher (before any request can be sent) rather than once at load: a provider serialized by value (from source) carries
 * the functions it calls, never a module's top-level statements. tests/proxy.test.ts sends
 * requests through a real CONNECT proxy from the client, the audit command and the provider host.
 */
function withDispatcherApi(): void {
  const prototype = DispatcherClass.prototype as Record<string, unknown>;
  for (const [name, method] of Object.entries(dispatcherApi)) prototype[name] ??= method;
}

/** A keep-alive connection pool per origin (undici's `Agent`). */
export function newAgent(): Dispatcher {
  withDispatcherApi();
  return new AgentClass();
}

/** An agent that honours `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` (undici's `EnvHttpProxyAgent`). */
export function newEnvProxyAgent(): Dispatcher {
  withDispatcherApi();
  return new EnvProxyAgentClass();
}

/** undici's `request`, on the given dispatcher (any `Dispatcher`, including a caller's own). */
export function sendRequest(
  dispatcher: Dispatcher,
  url: URL,
  options: Pick<Dispatcher.RequestOptions, "method" | "headers" | "signal">,
): Promise<Dispatcher.ResponseData> {
  return requestWith.call(dispatcher, { ...options, origin: url.origin, path: url.pathname + url.search });
}
