import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { REPO_ROOT } from "./helpers/providerHost";

/**
 * The layers of `provider/` and which way they depend, read from the source's own imports (type
 * imports included): a newcomer can trust the tree, and a change that breaks the direction fails here.
 */
const SOURCE = join(REPO_ROOT, "provider");

/** Each folder, and the folders (and packages) its files may import. */
const ALLOWED: Record<string, { folders: string[]; packages: string[] }> = {
  core: { folders: ["core"], packages: [] },
  cloudflare: { folders: ["core", "cloudflare"], packages: ["undici", "zod"] },
  checks: { folders: ["core", "cloudflare", "checks"], packages: [] },
  // The rules load no Pulumi package: only @pulumi/policy's types.
  policy: { folders: ["core", "cloudflare", "checks", "policy"], packages: ["@pulumi/policy"] },
  pulumi: { folders: ["core", "cloudflare", "checks", "pulumi"], packages: ["@pulumi/pulumi"] },
  cli: { folders: ["core", "cloudflare", "checks", "cli"], packages: [] },
  // The provider plugin shares the Pulumi layer's read; it adds only the gRPC provider around it.
  plugin: { folders: ["core", "cloudflare", "checks", "pulumi", "plugin"], packages: ["@pulumi/pulumi"] },
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Every module a file imports or re-exports (`import type` too), and every `require`d package. */
function importsOf(file: string): string[] {
  // Comments out first: a doc comment may show an import as an example.
  const text = readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "");
  return [...text.matchAll(/(?:from|import|require\()\s*"([^"]+)"/g)].map((m) => m[1] as string);
}

/** The folder a file belongs to: its path under provider/, without the file name (`cloudflare`). */
function folderOf(file: string): string {
  return relative(SOURCE, dirname(file)).split("\\").join("/");
}

function resolved(file: string, specifier: string): string {
  return relative(SOURCE, resolve(dirname(file), specifier))
    .split("\\")
    .join("/");
}

/** Whether `target` (a path under provider/, no extension) lies in `folder` itself, not a subfolder. */
function within(target: string, folder: string): boolean {
  if (target === folder) return true;
  return target.startsWith(`${folder}/`) && !target.slice(folder.length + 1).includes("/");
}

const files = sourceFiles(SOURCE);

test.each(Object.keys(ALLOWED))("provider/%s imports only from the layers beneath it", (folder) => {
  const { folders, packages } = ALLOWED[folder] as { folders: string[]; packages: string[] };
  const offending: string[] = [];
  const inFolder = files.filter((file) => folderOf(file) === folder);
  expect(inFolder.length).toBeGreaterThan(0);
  for (const file of inFolder) {
    for (const specifier of importsOf(file)) {
      if (specifier.startsWith("node:")) continue;
      const ok = specifier.startsWith(".")
        ? folders.some((allowed) => within(resolved(file, specifier), allowed))
        : packages.some((name) => specifier === name || specifier.startsWith(`${name}/`));
      if (!ok) offending.push(`${relative(SOURCE, file)} imports ${specifier}`);
    }
  }
  expect(offending).toEqual([]);
});

test("nothing outside provider/testing imports it, and every file is in a layer", () => {
  const published = files.filter((file) => !folderOf(file).startsWith("testing"));
  const offending = published.flatMap((file) =>
    importsOf(file)
      .filter((specifier) => specifier.startsWith(".") && resolved(file, specifier).startsWith("testing"))
      .map((specifier) => `${relative(SOURCE, file)} imports ${specifier}`),
  );
  expect(offending).toEqual([]);
  const unplaced = published.map(folderOf).filter((folder) => folder !== "" && !(folder in ALLOWED));
  expect(unplaced).toEqual([]);
});

test("no import cycle between files, type imports included", () => {
  const graph = new Map(
    files.map((file) => [
      file,
      importsOf(file)
        .filter((specifier) => specifier.startsWith("."))
        .map((specifier) => {
          const target = resolve(dirname(file), specifier);
          return files.find((f) => f === `${target}.ts` || f === join(target, "index.ts"));
        })
        .filter((target): target is string => target !== undefined),
    ]),
  );
  const cycles: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (file: string, path: string[]): void => {
    if (state.get(file) === "done") return;
    if (state.get(file) === "visiting") {
      cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(SOURCE, f)).join(" -> "));
      return;
    }
    state.set(file, "visiting");
    for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
    state.set(file, "done");
  };
  for (const file of files) visit(file, []);
  expect(cycles).toEqual([]);
});
