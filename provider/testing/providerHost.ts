import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { createInterface } from "node:readline";

/**
 * A client for the real Pulumi dynamic-provider host: the same process the Pulumi engine starts
 * for dynamic resources (`@pulumi/pulumi/cmd/dynamic-provider`), spoken to over gRPC the way the
 * engine speaks to it. Lets tests, the demo and users exercise a serialized provider without the
 * Pulumi CLI.
 *
 * gRPC and protobuf are loaded from the `@pulumi/pulumi` that the program uses, so the stubs and
 * the library always match and this package adds no dependency of its own.
 */

/** A property bag as the engine sends it (plain JSON, secrets unwrapped). */
export type PropertyMap = Record<string, unknown>;

/** The result of `check`. */
export interface CheckResponse {
  readonly inputs: PropertyMap;
  readonly failures: readonly { readonly property: string; readonly reason: string }[];
}

/** What the engine sends with a `read`: refresh sends `properties`, a Get-style read only `inputs`. */
export interface ReadRequest {
  readonly id: string;
  readonly urn?: string;
  readonly properties?: PropertyMap;
  readonly inputs?: PropertyMap;
}

/** A running provider host. */
export interface ProviderHost {
  /** The loopback port the host printed. */
  readonly port: number;
  configure(config: Readonly<Record<string, string>>): Promise<void>;
  check(olds: PropertyMap, news: PropertyMap): Promise<CheckResponse>;
  diff(
    id: string,
    olds: PropertyMap,
    news: PropertyMap,
  ): Promise<{ readonly changes: "some" | "none" | "unknown" }>;
  create(properties: PropertyMap): Promise<{ readonly id: string; readonly properties: PropertyMap }>;
  read(request: ReadRequest): Promise<{ readonly id: string; readonly properties: PropertyMap }>;
  update(id: string, olds: PropertyMap, news: PropertyMap): Promise<{ readonly properties: PropertyMap }>;
  delete(id: string, properties: PropertyMap): Promise<void>;
  /** Everything the host wrote to stderr so far (it logs failures with their stack). */
  stderr(): string;
  /** Closes the channel and ends the process. */
  close(): Promise<void>;
}

/** Where and how to start the host. */
export interface ProviderHostOptions {
  /** The Pulumi program's directory: the host resolves `require`s of serialized code from here. */
  readonly cwd: string;
  /** The Pulumi project name, for config keys without a namespace. Default `project`. */
  readonly project?: string;
  /** Environment of the host process; default: this process's. */
  readonly env?: NodeJS.ProcessEnv;
  /** The Node.js binary that runs the host (another version, say); default: this process's. */
  readonly node?: string;
  /**
   * The folder of a provider plugin written in Node.js (e.g. this package's `dist/plugin`), started
   * as Pulumi's Node.js host starts one (`@pulumi/pulumi/cmd/run-plugin <folder>`), instead of the
   * dynamic-provider host. Its config comes from `PULUMI_CONFIG` in `env`, as the engine sets it.
   */
  readonly plugin?: string;
}

/** Thrown for a failed gRPC call; `message` is what the Pulumi CLI would print. */
export class ProviderHostCallError extends Error {
  override name = "ProviderHostCallError";
  constructor(
    message: string,
    /** The gRPC status code (2 = UNKNOWN for provider errors). */
    readonly code: number,
  ) {
    super(message);
  }
}

/** Starts the real dynamic-provider host and connects to it. */
export async function startProviderHost(options: ProviderHostOptions): Promise<ProviderHost> {
  const pulumiRequire = createRequire(
    require.resolve("@pulumi/pulumi/package.json", { paths: [options.cwd] }),
  );
  const grpc = pulumiRequire("@grpc/grpc-js") as typeof import("@grpc/grpc-js");
  const { Struct } = pulumiRequire(
    "google-protobuf/google/protobuf/struct_pb",
  ) as typeof import("google-protobuf/google/protobuf/struct_pb");
  const services = pulumiRequire("./proto/provider_grpc_pb") as {
    ResourceProviderClient: new (address: string, credentials: unknown) => GrpcClient;
  };
  const messages = pulumiRequire("./proto/provider_pb") as Record<string, new () => ProtoMessage>;
  const project = options.project ?? "project";
  const entry = options.plugin
    ? [pulumiRequire.resolve("./cmd/run-plugin"), options.plugin]
    : [pulumiRequire.resolve("./cmd/dynamic-provider")];
  const child = spawn(options.node ?? process.execPath, [...entry, "127.0.0.1:0"], {
    cwd: options.cwd,
    env: { ...(options.env ?? process.env), PULUMI_NODEJS_PROJECT: project, PULUMI_PROJECT: project },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once("line", (line) => {
      lines.close();
      resolve(Number(line.trim()));
    });
    child.once("exit", (code) =>
      reject(new Error(`dynamic-provider host exited with ${code} before printing its port:\n${stderr}`)),
    );
  });
  const client = new services.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());

  const struct = (value: PropertyMap) => Struct.fromJavaScript(value as Record<string, never>);
  const call = <T>(method: string, request: ProtoMessage): Promise<T> =>
    new Promise((resolve, reject) => {
      client[method]?.(request, (error: { code: number; details: string } | null, response: T) =>
        error ? reject(new ProviderHostCallError(error.details, error.code)) : resolve(response),
      );
    });
  const message = (name: string, fields: Record<string, unknown>) => {
    const msg = new (messages[name] as new () => ProtoMessage)();
    for (const [setter, value] of Object.entries(fields)) (msg[setter] as (v: unknown) => void)(value);
    return msg;
  };
  const plain = (value: { toJavaScript(): PropertyMap } | undefined) => value?.toJavaScript() ?? {};

  return {
    port,
    async configure(config) {
      await call(
        "configure",
        message("ConfigureRequest", { setArgs: struct(config), setAcceptsecrets: true }),
      );
    },
    async check(olds, news) {
      const response = await call<ProtoResponse>(
        "check",
        message("CheckRequest", { setOlds: struct(olds), setNews: struct(news) }),
      );
      return {
        inputs: plain(response.getInputs()),
        failures: response
          .getFailuresList()
          .map((f) => ({ property: f.getProperty(), reason: f.getReason() })),
      };
    },
    async diff(id, olds, news) {
      const response = await call<ProtoResponse>(
        "diff",
        message("DiffRequest", { setId: id, setOlds: struct(olds), setNews: struct(news) }),
      );
      const changes = response.getChanges();
      return { changes: changes === 2 ? "some" : changes === 1 ? "none" : "unknown" };
    },
    async create(properties) {
      const response = await call<ProtoResponse>(
        "create",
        message("CreateRequest", { setProperties: struct(properties) }),
      );
      return { id: response.getId(), properties: plain(response.getProperties()) };
    },
    async read(request) {
      const fields: Record<string, unknown> = { setId: request.id, setUrn: request.urn ?? "" };
      if (request.properties) fields["setProperties"] = struct(request.properties);
      if (request.inputs) fields["setInputs"] = struct(request.inputs);
      const response = await call<ProtoResponse>("read", message("ReadRequest", fields));
      return { id: response.getId(), properties: plain(response.getProperties()) };
    },
    async update(id, olds, news) {
      const response = await call<ProtoResponse>(
        "update",
        message("UpdateRequest", { setId: id, setOlds: struct(olds), setNews: struct(news) }),
      );
      return { properties: plain(response.getProperties()) };
    },
    async delete(id, properties) {
      await call("delete", message("DeleteRequest", { setId: id, setProperties: struct(properties) }));
    },
    stderr: () => stderr,
    async close() {
      client.close();
      if (child.exitCode === null) child.kill();
      await exited;
    },
  };
}

/** The parts of the generated protobuf classes used here. */
type ProtoMessage = Record<string, unknown>;
type GrpcClient = Record<
  string,
  ((request: ProtoMessage, callback: (...args: never[]) => void) => void) | undefined
> & {
  close(): void;
};
interface ProtoResponse {
  getInputs(): { toJavaScript(): PropertyMap } | undefined;
  getProperties(): { toJavaScript(): PropertyMap } | undefined;
  getFailuresList(): { getProperty(): string; getReason(): string }[];
  getChanges(): number;
  getId(): string;
}
