import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as api from "../provider";
import { INPUTS, MEMBERSHIP_INPUTS, type InputSpec } from "../provider/cloudflare/inputs";
import { REPO_ROOT } from "./helpers/providerHost";

// The README's reference tables, kept true to the code they describe.
const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");
const section = (title: string) => {
  const start = readme.indexOf(`## ${title}`);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
};

/** Every declared input of both reads, by name. */
const DECLARED: Readonly<Record<string, InputSpec>> = { ...MEMBERSHIP_INPUTS, ...INPUTS };

test("the Arguments table has a row for every declared input, with its default and fallbacks", () => {
  const rows = section("Arguments")
    .split("\n")
    .filter((line) => line.startsWith("| `"));
  for (const [name, spec] of Object.entries(DECLARED)) {
    const row = rows.find((line) => line.split("|")[1]?.includes(`\`${name}\``));
    expect({ name, row: row !== undefined }).toEqual({ name, row: true });
    if (spec.defaultValue !== undefined) expect(row).toContain(String(spec.defaultValue));
    if (spec.config !== undefined) expect(row).toContain(`\`${spec.config}\``);
    if (spec.env !== undefined) expect(row).toContain(`\`${spec.env}\``);
  }
  // And no row for an input that does not exist.
  const documented = rows.flatMap((line) =>
    [...(line.split("|")[1] ?? "").matchAll(/`(\w+)`/g)].map((m) => m[1]),
  );
  expect(documented.filter((name) => DECLARED[name as string] === undefined)).toEqual([]);
});

test("the Errors table names every error class the package exports, with its kind", () => {
  const table = section("Errors");
  const classes = Object.keys(api).filter(
    (name) => /^Cloudflare\w+Error$/.test(name) && name !== "CloudflareInvitesError",
  );
  for (const name of classes) {
    const row = table.split("\n").find((line) => line.startsWith(`| \`${name}\``));
    expect({ name, row: row !== undefined }).toEqual({ name, row: true });
  }
});
