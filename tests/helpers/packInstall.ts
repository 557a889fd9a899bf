import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A temporary project with the packed package installed, as a user would have it. */
export interface PackedInstall {
  /** The project directory: run programs from here. */
  readonly project: string;
  /** The installed package's directory. */
  readonly packageDir: string;
  /** The files `npm pack` put in the tarball. */
  readonly files: readonly string[];
  /** Removes the project. */
  remove(): void;
}

/**
 * `npm pack` (which builds), then unpacks the tarball into a new project's node_modules beside the
 * repo's other packages, without the network. `@pulumi/pulumi` is copied, not linked: its closure
 * serializer resolves this package from its own real location, as it would in a real install.
 */
export function packAndInstall(repoRoot: string): PackedInstall {
  const project = mkdtempSync(join(tmpdir(), "user-invites-installed-"));
  const packed = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--pack-destination", project], {
      cwd: repoRoot,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    }),
  ) as { filename: string; files: { path: string }[] }[];
  const modules = join(project, "node_modules");
  mkdirSync(modules);
  execFileSync("tar", ["-xzf", join(project, packed[0]?.filename ?? ""), "-C", modules]);
  const packageDir = join(modules, "pulumi-cloudflare-user-invites");
  renameSync(join(modules, "package"), packageDir);
  for (const entry of readdirSync(join(repoRoot, "node_modules"))) {
    if (entry !== "@pulumi" && entry !== ".bin")
      symlinkSync(join(repoRoot, "node_modules", entry), join(modules, entry));
  }
  cpSync(join(repoRoot, "node_modules", "@pulumi", "pulumi"), join(modules, "@pulumi", "pulumi"), {
    recursive: true,
  });
  return {
    project,
    packageDir,
    files: packed[0]?.files.map((f) => f.path).sort() ?? [],
    remove: () => rmSync(project, { recursive: true, force: true }),
  };
}
