/**
 * `npm run schema`: writes provider/plugin/schema.json, the plugin's package schema as its
 * `getSchema` returns it (derived from INPUTS). tests/plugin/schema.test.ts keeps the file equal.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { packageSchema } from "../provider/plugin/packageSchema";

export const SCHEMA_FILE = join(__dirname, "..", "provider", "plugin", "schema.json");

if (require.main === module) {
  writeFileSync(SCHEMA_FILE, `${JSON.stringify(packageSchema(), null, 2)}\n`);
  console.log(`wrote ${SCHEMA_FILE}`);
}
