/**
 * The real Pulumi CLI, isolated per use: for the engine tests (tests/engine) and the benchmark.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

/** The repository root. (Here, not in providerHost.ts: the benchmark loads this file outside jest.) */
export const REPO_ROOT = resolve(__dirname, "..", "..");

/** A fake passphrase for the passphrase secrets provider: state is encrypted with it, nothing more. */
export const FAKE_PASSPHRASE = "FAKE-engine-test-passphrase";

let binDir: string | undefined;

/**
 * The folder holding the pinned `pulumi`, `pulumi-language-nodejs` and the dynamic-provider
 * launcher. `npm run test:engine` builds them first (scripts/pulumi-cli.sh) and passes the folder
 * in PULUMI_ENGINE_BIN; run directly, the cached build is looked up (and built if missing).
 */
export function pulumiBinDir(): string {
  binDir ??=
    process.env["PULUMI_ENGINE_BIN"] ??
    execFileSync("bash", [join(REPO_ROOT, "scripts", "pulumi-cli.sh")], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    }).trim();
  return binDir;
}

/** What one CLI command did. */
export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * An isolated Pulumi installation for one test: its own file backend, PULUMI_HOME and passphrase,
 * no update checks and no plugin downloads, the pinned CLI first on PATH.
 */
export class PulumiSandbox {
  /** Root of everything this sandbox writes. */
  readonly root = mkdtempSync(join(tmpdir(), "user-invites-engine-"));
  /** The file backend's folder. */
  readonly backend = join(this.root, "state");
  /** PULUMI_HOME. */
  readonly home = join(this.root, "home");
  /** What every CLI command printed, for the credential scan. */
  readonly transcript: string[] = [];

  /** Folders put before the CLI's on PATH (a `node` of another version, say). */
  readonly pathPrefix: string[] = [];

  constructor() {
    mkdirSync(this.backend);
    mkdirSync(this.home);
  }

  /** The environment the CLI runs with: the test process's (already without CLOUDFLARE_*), plus `extra`. */
  env(extra: Readonly<Record<string, string>> = {}): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
    return {
      ...env,
      PATH: [...this.pathPrefix, pulumiBinDir(), env["PATH"] ?? ""].join(":"),
      PULUMI_HOME: this.home,
      PULUMI_BACKEND_URL: `file://${this.backend}`,
      PULUMI_CONFIG_PASSPHRASE: FAKE_PASSPHRASE,
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_SKIP_CONFIRMATIONS: "true",
      NO_COLOR: "1",
      ...extra,
    };
  }

  /**
   * Runs `pulumi <args>` in `cwd` without blocking this process: the emulator the program reads
   * from runs in this same process and must keep answering.
   */
  pulumi(
    cwd: string,
    args: readonly string[],
    extraEnv: Readonly<Record<string, string>> = {},
  ): Promise<CliResult> {
    return this.start(cwd, args, extraEnv).done;
  }

  /** Like {@link pulumi}, with the process at hand (to interrupt it, as a user's ^C would). */
  start(
    cwd: string,
    args: readonly string[],
    extraEnv: Readonly<Record<string, string>> = {},
  ): { readonly child: ChildProcess; readonly done: Promise<CliResult> } {
    const child = spawn(join(pulumiBinDir(), "pulumi"), [...args, "--non-interactive"], {
      cwd,
      env: this.env(extraEnv),
      stdio: ["ignore", "pipe", "pipe"],
    });
    const done = new Promise<CliResult>((resolvePromise, reject) => {
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout?.on("data", (chunk: Buffer) => out.push(chunk));
      child.stderr?.on("data", (chunk: Buffer) => err.push(chunk));
      child.on("error", reject);
      child.on("close", (code) => {
        const result = {
          code,
          stdout: Buffer.concat(out).toString("utf8"),
          stderr: Buffer.concat(err).toString("utf8"),
        };
        // Only what the CLI printed: the arguments may hold the credential the test passes in.
        this.transcript.push(`$ pulumi ${args[0] ?? ""}\n${result.stdout}\n${result.stderr}`);
        resolvePromise(result);
      });
    });
    return { child, done };
  }

  /** Like {@link pulumi}, but fails the test with the command's output when it exits non-zero. */
  async ok(
    cwd: string,
    args: readonly string[],
    extraEnv: Readonly<Record<string, string>> = {},
  ): Promise<CliResult> {
    const result = await this.pulumi(cwd, args, extraEnv);
    if (result.code !== 0) {
      throw new Error(`pulumi ${args.join(" ")} exited ${result.code}:\n${result.stdout}\n${result.stderr}`);
    }
    return result;
  }

  /**
   * The README's set-up of a stack: `stack init <stack>`, the API token as a secret
   * (`cloudflare:apiToken`) and the API root (`cloudflare:baseUrl`, here the emulator).
   */
  async initStack(
    project: string,
    stack: string,
    config: { apiToken: string; baseUrl: string },
  ): Promise<void> {
    await this.ok(project, ["stack", "init", stack]);
    await this.ok(project, ["config", "set", "--secret", "cloudflare:apiToken", config.apiToken]);
    await this.ok(project, ["config", "set", "cloudflare:baseUrl", config.baseUrl]);
  }

  /**
   * `pulumi package add <folder>` in a project, as a user adds a plugin. With the pinned YAML host
   * (pulumi-yaml 1.25.0, which has no `Link`) the command gets the schema, generates and installs,
   * then stops at linking; the `packages:` entry is then written as the CLI writes it for a folder
   * (pkg/cmd/pulumi/packagecmd/package_add.go). Any other failure throws. Returns what the CLI printed.
   */
  async addPackage(project: string, name: string, folder: string): Promise<CliResult> {
    const added = await this.pulumi(project, ["package", "add", folder]);
    if (added.code === 0) return added;
    if (!(added.stdout + added.stderr).includes("linking package: method Link not implemented")) {
      throw new Error(`pulumi package add ${folder} exited ${added.code}:\n${added.stdout}\n${added.stderr}`);
    }
    const manifest = join(project, "Pulumi.yaml");
    writeFileSync(manifest, `${readFileSync(manifest, "utf8")}packages:\n  ${name}: ${folder}\n`);
    return added;
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/**
 * A copy of this repository's example project (what a user has after cloning it): Pulumi.yaml,
 * the example program and policy pack, the package source they import, and the repository's
 * node_modules linked in as `npm ci` would have installed them.
 */
export function copyExampleProject(into: string): string {
  const project = join(into, "project");
  mkdirSync(project, { recursive: true });
  for (const entry of ["Pulumi.yaml", "package.json", "tsconfig.json", "examples", "provider"]) {
    cpSync(join(REPO_ROOT, entry), join(project, entry), { recursive: true });
  }
  symlinkSync(join(REPO_ROOT, "node_modules"), join(project, "node_modules"));
  return project;
}

/** The folder `PulumiCommand.get({ root })` expects: the one holding `bin/pulumi`. */
export function pulumiCommandRoot(): string {
  return dirname(pulumiBinDir());
}
