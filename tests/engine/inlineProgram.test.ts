import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import {
  FAKE_CREDENTIALS,
  FAKE_TOKEN_WITHOUT_PERMISSION,
  sampleInvites,
  startCloudflareEmulator,
  type CloudflareEmulator,
} from "../../provider/testing";
import { packAndInstall, type PackedInstall } from "../helpers/packInstall";
import { pulumiCommandRoot, PulumiSandbox, REPO_ROOT } from "../helpers/pulumiSandbox";
import { SAMPLE } from "../helpers/sample";
import { findSecrets } from "./helpers/secrets";

// The second path to the engine, with no code of ours between it and the program: the Automation
// API's inline program, whose language runtime is the one inside @pulumi/pulumi. The same
// scenarios as the CLI path (exampleStack, failures, installedPackage), with the same expectations.

type Answer = { ok?: Record<string, unknown>; error?: string };

class Pipeline {
  private readonly answers: AsyncIterator<string>;
  constructor(private readonly child: ChildProcessWithoutNullStreams) {
    this.answers = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  }

  async send(command: Record<string, unknown>): Promise<Answer> {
    this.child.stdin.write(`${JSON.stringify(command)}\n`);
    const next = await this.answers.next();
    if (next.done) throw new Error("the pipeline process ended");
    return JSON.parse(next.value) as Answer;
  }

  async ok(command: Record<string, unknown>): Promise<Record<string, unknown>> {
    const answer = await this.send(command);
    if (answer.error !== undefined || answer.ok === undefined) {
      throw new Error(`${String(command["op"])} failed: ${answer.error ?? "no answer"}`);
    }
    return answer.ok;
  }

  close(): void {
    this.child.stdin.end();
  }
}

describe("an inline program (Automation API) with the installed package", () => {
  let sandbox: PulumiSandbox;
  let emulator: CloudflareEmulator;
  let installed: PackedInstall;
  let pipeline: Pipeline;
  let stderr = "";

  const reads = () => emulator.requests.filter((r) => r.path === "/client/v4/user/invites").length;

  beforeAll(async () => {
    sandbox = new PulumiSandbox();
    emulator = await startCloudflareEmulator({ tokensWithoutPermission: [FAKE_TOKEN_WITHOUT_PERMISSION] });
    installed = packAndInstall(REPO_ROOT);
    const folder = join(installed.project, "pipeline");
    mkdirSync(folder);
    copyFileSync(
      join(REPO_ROOT, "tests", "fixtures", "inlinePipeline.js"),
      join(folder, "inlinePipeline.js"),
    );
    const child = spawn(process.execPath, ["inlinePipeline.js"], {
      cwd: folder,
      env: sandbox.env({ PULUMI_COMMAND_ROOT: pulumiCommandRoot() }),
      stdio: ["pipe", "pipe", "pipe"],
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    pipeline = new Pipeline(child);
  });

  afterAll(async () => {
    pipeline?.close();
    await emulator?.close();
    installed?.remove();
    sandbox?.remove();
  });

  const tokenConfig = (token: string) => ({
    "cloudflare:apiToken": { value: token, secret: true },
    "cloudflare:baseUrl": { value: emulator.url },
  });

  test("preview, up, outputs, a changed answer on the next up, refresh, destroy", async () => {
    const config = tokenConfig(FAKE_CREDENTIALS.apiToken);

    // Preview reads for real: the resource and the invoke, one GET each.
    await pipeline.ok({ op: "preview", stack: "dev", config });
    expect(reads()).toBe(2);

    const up = await pipeline.ok({ op: "up", stack: "dev" });
    expect(up["outputs"]).toEqual({
      pendingOrganizationIds: SAMPLE.pendingOrganizationIds,
      organizationsNotEnforcingTwoFactor: SAMPLE.organizationsNotEnforcingTwoFactor,
      inviteCountByStatus: SAMPLE.inviteCountByStatus,
      invokeCountByStatus: SAMPLE.inviteCountByStatus,
    });
    // The Automation API's up runs no preview of its own: one read and one invoke.
    expect(reads()).toBe(4);

    const onlyAcme = sampleInvites().filter((i) => i.organization_name === "Acme Corp");
    emulator.setInvites(onlyAcme);
    const changed = await pipeline.ok({ op: "up", stack: "dev" });
    expect((changed["outputs"] as Record<string, unknown>)["pendingOrganizationIds"]).toEqual([
      onlyAcme[0]?.organization_id,
    ]);
    expect((changed["outputs"] as Record<string, unknown>)["inviteCountByStatus"]).toEqual({
      pending: 1,
      accepted: 0,
      rejected: 0,
      expired: 0,
    });
    expect(reads()).toBe(6);

    await pipeline.ok({ op: "refresh", stack: "dev" });
    expect(reads()).toBe(7);

    const destroyed = await pipeline.ok({ op: "destroy", stack: "dev" });
    expect(destroyed["resources"]).toEqual([]);

    for (const request of emulator.requests) {
      expect(request.headers["authorization"]).toBe(`Bearer ${FAKE_CREDENTIALS.apiToken}`);
    }
    expect(
      findSecrets([FAKE_CREDENTIALS.apiToken], { "pipeline stderr": stderr, answers: JSON.stringify(up) }, [
        sandbox.backend,
      ]),
    ).toEqual([]);
  });

  test("a token without Memberships Read: the error has the status, the code and what to do", async () => {
    emulator.setInvites(sampleInvites());
    const answer = await pipeline.send({
      op: "preview",
      stack: "no-permission",
      config: tokenConfig(FAKE_TOKEN_WITHOUT_PERMISSION),
    });
    expect(answer.error).toContain("403");
    expect(answer.error).toContain("9109");
    expect(answer.error).toContain('"Memberships Read" permission');
    expect(answer.error).not.toContain(FAKE_TOKEN_WITHOUT_PERMISSION);
  });

  test("a bad status or a misspelt argument fails naming it, before any request", async () => {
    const before = emulator.requests.length;
    const config = tokenConfig(FAKE_CREDENTIALS.apiToken);
    const bad = await pipeline.send({
      op: "preview",
      stack: "bad-args",
      config,
      args: { statuses: ["bogus"] },
    });
    expect(bad.error).toMatch(/statuses\[0\]: unknown invite status "bogus"; expected one of pending/);
    const misspelt = await pipeline.send({ op: "preview", stack: "bad-args", args: { status: ["pending"] } });
    expect(misspelt.error).toContain("status: unknown argument (did you mean statuses?)");
    expect(emulator.requests.length).toBe(before);
  });
});
