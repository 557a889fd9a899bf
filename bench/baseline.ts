/**
 * "Before" for the before/after figures of one bench run: `BENCH_BEFORE=<git ref> npm run bench`
 * packs the package as it was at that ref (a detached worktree sharing this checkout's
 * node_modules, built by its own `npm pack`) and installs it the way the current one is, so both
 * are measured on the same machine in the same minutes.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packAndInstall, type PackedInstall } from "../tests/helpers/packInstall";
import { ROOT } from "./processes";

/** The package at `ref`, packed and installed; `remove()` deletes the install and the worktree. */
export interface Baseline {
  readonly ref: string;
  readonly commit: string;
  readonly root: string;
  readonly install: PackedInstall;
  remove(): void;
}

export function baselineFrom(ref: string | undefined): Baseline | undefined {
  if (!ref) return undefined;
  const commit = execFileSync("git", ["rev-parse", "--short", ref], { cwd: ROOT, encoding: "utf8" }).trim();
  const root = join(mkdtempSync(join(tmpdir(), "user-invites-before-")), "repo");
  execFileSync("git", ["worktree", "add", "--detach", root, commit], { cwd: ROOT, stdio: "ignore" });
  symlinkSync(join(ROOT, "node_modules"), join(root, "node_modules"));
  const install = packAndInstall(root);
  return {
    ref,
    commit,
    root,
    install,
    remove: () => {
      install.remove();
      execFileSync("git", ["worktree", "remove", "--force", root], { cwd: ROOT, stdio: "ignore" });
      rmSync(join(root, ".."), { recursive: true, force: true });
    },
  };
}
