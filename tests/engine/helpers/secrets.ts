import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** Every file below `dir`, recursively. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesBelow(path) : [path];
  });
}

/**
 * Where any of `secrets` appears, whole, in `texts` (labelled) or in the files below `dirs`:
 * an empty list when nothing leaked.
 */
export function findSecrets(
  secrets: readonly string[],
  texts: Readonly<Record<string, string>>,
  dirs: readonly string[] = [],
): string[] {
  const places: string[] = [];
  const haystacks = [
    ...Object.entries(texts),
    ...dirs.flatMap(filesBelow).map((file) => [file, readFileSync(file, "utf8")] as const),
  ];
  for (const [label, text] of haystacks) {
    for (const secret of secrets) if (text.includes(secret)) places.push(`${label} holds a credential`);
  }
  return places;
}

/**
 * Where any of `secrets` appears in what a user of the sandbox could see: a state export, everything
 * its CLI printed, and its backend's files. An empty list when nothing leaked.
 */
export function leaksInSandbox(
  sandbox: { readonly transcript: readonly string[]; readonly backend: string },
  secrets: readonly string[],
  exported: string,
): string[] {
  return findSecrets(secrets, { "stack export": exported, "CLI output": sandbox.transcript.join("\n") }, [
    sandbox.backend,
  ]);
}
