/**
 * `npm run schema`: writes provider/plugin/schema.json, the plugin's package schema as its
 * `getSchema` returns it (derived from INPUTS and MEMBERSHIP_INPUTS), formatted as the repository's
 * Prettier formats it, so `npm run lint` passes. tests/plugin/plugin.test.ts keeps the file equal.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { packageSchema } from "../provider/plugin/packageSchema";

export const SCHEMA_FILE = join(__dirname, "..", "provider", "plugin", "schema.json");

async function main(): Promise<void> {
  // Loaded here, not at the top: the tests import SCHEMA_FILE, and Prettier cannot load under Jest.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
  const prettier = require("prettier") as typeof import("prettier");
  const options = (await prettier.resolveConfig(SCHEMA_FILE)) ?? {};
  const text = await prettier.format(JSON.stringify(packageSchema()), { ...options, parser: "json" });
  writeFileSync(SCHEMA_FILE, text);
  console.log(`wrote ${SCHEMA_FILE}`);
}

if (require.main === module) void main();
