import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_NAME, VERSION } from "../../provider/core/version";

test("the User-Agent version and name match package.json", () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as {
    name: string;
    version: string;
  };
  expect(VERSION).toBe(pkg.version);
  expect(PACKAGE_NAME).toBe(pkg.name);
});
