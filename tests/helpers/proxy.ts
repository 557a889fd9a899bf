import { createServer, type Server } from "node:http";
import { connect as tcpConnect, type Socket } from "node:net";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { createServer as createTlsServer, type Server as TlsServer } from "node:tls";
import type { AddressInfo } from "node:net";

/** The name the API is reached by through the proxy: only the proxy resolves it. */
export const PROXIED_HOST = "api.cloudflare.test";
/** The test-only certificate for {@link PROXIED_HOST}; processes trust it via NODE_EXTRA_CA_CERTS. */
export const TEST_CA_FILE = join(__dirname, "..", "fixtures", "tls", "test-only.crt");

/**
 * The environment of a process behind the proxy: the test CA trusted, and {@link PROXIED_HOST}
 * resolved to 127.0.0.1 for requests that bypass the proxy (no lookup leaves the machine).
 */
export function proxiedProcessEnv(vars: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...vars,
    NODE_EXTRA_CA_CERTS: TEST_CA_FILE,
    NODE_OPTIONS: `--require ${join(__dirname, "..", "fixtures", "resolveProxiedHost.js")}`,
  };
}

/** A CONNECT proxy on 127.0.0.1 in front of a TLS server in front of the emulator. */
export interface ProxiedApi {
  /** `http://127.0.0.1:<port>`: the value for HTTPS_PROXY / HTTP_PROXY. */
  readonly proxyUrl: string;
  /** `https://api.cloudflare.test:<port>/client/v4`: the base URL a client uses, the TLS server's port in it. */
  readonly baseUrl: string;
  /** What the proxy is asked to CONNECT to for that base URL: `api.cloudflare.test:<port>`. */
  readonly connectTarget: string;
  /** Every CONNECT target the proxy was asked for, in order. */
  readonly connects: string[];
  close(): Promise<void>;
}

/**
 * Starts the chain a user behind a corporate proxy has: client -> CONNECT proxy -> TLS -> API.
 * The proxy tunnels any CONNECT to the TLS server, which terminates TLS with the test certificate
 * and passes the bytes to the emulator's plain HTTP port. Everything listens on 127.0.0.1.
 */
export async function startProxiedApi(emulatorUrl: string): Promise<ProxiedApi> {
  const emulatorPort = Number(new URL(emulatorUrl).port);
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
  };

  const tls: TlsServer = createTlsServer(
    {
      key: readFileSync(join(__dirname, "..", "fixtures", "tls", "test-only.key")),
      cert: readFileSync(TEST_CA_FILE),
    },
    (secure) => {
      track(secure);
      const upstream = tcpConnect(emulatorPort, "127.0.0.1");
      track(upstream);
      secure.pipe(upstream).pipe(secure);
    },
  );
  await new Promise<void>((resolve) => tls.listen(0, "127.0.0.1", resolve));
  const tlsPort = (tls.address() as AddressInfo).port;

  const connects: string[] = [];
  const proxy: Server = createServer((_req, res) => res.writeHead(405).end("CONNECT only"));
  proxy.on("connect", (req, client: Socket, head: Buffer) => {
    track(client);
    connects.push(req.url ?? "");
    const tunnel = tcpConnect(tlsPort, "127.0.0.1", () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length > 0) tunnel.write(head);
      tunnel.pipe(client).pipe(tunnel);
    });
    track(tunnel);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));

  return {
    proxyUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    baseUrl: `https://${PROXIED_HOST}:${tlsPort}/client/v4`,
    connectTarget: `${PROXIED_HOST}:${tlsPort}`,
    connects,
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all([
        new Promise<void>((resolve) => proxy.close(() => resolve())),
        new Promise<void>((resolve) => tls.close(() => resolve())),
      ]);
    },
  };
}
