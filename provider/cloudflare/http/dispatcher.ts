import type { Dispatcher } from "undici";
import { isLoopbackHost } from "./loopback";
import { newAgent, newEnvProxyAgent } from "./undici";
import { PACKAGE_NAME, VERSION } from "../../core/version";

const PROXY_VARIABLES = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"];

/**
 * The dispatcher used when the caller passes none: one keep-alive agent per process, so repeated
 * reads (several resources in one `pulumi up`, invokes, pages) reuse connections and TLS sessions
 * instead of paying a handshake each. undici unreferences idle sockets, so they never keep a
 * process alive. Proxies from `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY` are honoured, except for a
 * loopback base URL, which no proxy can reach on our behalf. The agents live on `globalThis`,
 * never in a module variable the provider's closure could capture, keyed by the proxy settings
 * they were made with, so a changed environment gets a new agent.
 */
export function defaultDispatcher(baseUrl: URL, env: NodeJS.ProcessEnv = process.env): Dispatcher {
  const loopback = isLoopbackHost(baseUrl.hostname);
  const settings = loopback ? "direct" : PROXY_VARIABLES.map((name) => env[name] ?? "").join("\u0000");
  const key = Symbol.for(`${PACKAGE_NAME}@${VERSION}/dispatcher/${settings}`);
  const holder = globalThis as { [key]?: Dispatcher };
  return (holder[key] ??= loopback ? newAgent() : newEnvProxyAgent());
}
