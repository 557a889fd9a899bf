import type { Agent as AgentType, Dispatcher, EnvHttpProxyAgent as EnvHttpProxyAgentType } from "undici";

/**
 * The three parts of undici this package uses, loaded from their own modules. undici's index
 * loads every feature it has (fetch, WebSocket, caches, mocks, ...): about 86 ms to require on
 * these machines, against about 22 ms for these three, which share most of their code. The
 * provider host pays it on every `pulumi preview`, so it counts. Typed with undici's public
 * types; a test checks that the paths still hold undici's own classes.
 */

/* eslint-disable @typescript-eslint/no-require-imports -- deep modules of undici, see above */
const AgentClass = require("undici/lib/dispatcher/agent.js") as typeof AgentType;
const EnvProxyAgentClass =
  require("undici/lib/dispatcher/env-http-proxy-agent.js") as typeof EnvHttpProxyAgentType;
const requestWith = require("undici/lib/api/api-request.js") as (
  this: Dispatcher,
  options: Dispatcher.RequestOptions,
) => Promise<Dispatcher.ResponseData>;

/* eslint-enable @typescript-eslint/no-require-imports */

/** A keep-alive connection pool per origin (undici's `Agent`). */
export function newAgent(): Dispatcher {
  return new AgentClass();
}

/** An agent that honours `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` (undici's `EnvHttpProxyAgent`). */
export function newEnvProxyAgent(): Dispatcher {
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
