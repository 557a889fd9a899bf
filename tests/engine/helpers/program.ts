import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../../helpers/pulumiSandbox";

/**
 * A user's TypeScript Pulumi project in `into`/`name`, with `program` as its index.ts. `imports`
 * is where the program's `pulumi-cloudflare-user-invites` comes from: this repository's source (for
 * scenarios about behaviour) or an installed package (the project then has its own node_modules).
 */
export function writeProject(
  into: string,
  name: string,
  program: string,
  options: {
    readonly linkRepoModules?: boolean;
    /** `runtime.options` of Pulumi.yaml, as YAML lines (`typescript: true` when not given). */
    readonly runtimeOptions?: readonly string[];
    /** More top-level YAML for Pulumi.yaml (a `plugins:` section, say). */
    readonly pulumiYaml?: string;
  } = {},
): string {
  const project = join(into, name);
  mkdirSync(project, { recursive: true });
  const runtimeOptions = (options.runtimeOptions ?? ["typescript: true"]).map((line) => `    ${line}\n`);
  writeFileSync(
    join(project, "Pulumi.yaml"),
    `name: ${name}\nruntime:\n  name: nodejs\n  options:\n${runtimeOptions.join("")}${options.pulumiYaml ?? ""}`,
  );
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name, version: "0.0.0", private: true, main: "index.ts" }, null, 2),
  );
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify(
      {
        compilerOptions: {
          target: "ES2022",
          lib: ["ES2023"],
          module: "nodenext",
          moduleResolution: "nodenext",
          strict: true,
          skipLibCheck: true,
          types: ["node"],
        },
      },
      null,
      2,
    ),
  );
  writeFileSync(join(project, "index.ts"), program);
  if (options.linkRepoModules) symlinkSync(join(REPO_ROOT, "node_modules"), join(project, "node_modules"));
  return project;
}

/** The repository's package source, as a module specifier a program in a temporary folder can import. */
export const SOURCE_IMPORT = JSON.stringify(join(REPO_ROOT, "provider"));
