import { readFileSync } from "node:fs";
import Module from "node:module";
import { dirname, join } from "node:path";
import type * as zod from "zod";

/**
 * zod, loaded on first use, without loading its translations first. Every zod entry point
 * requires `v4/locales/index.cjs`, which requires all of its 64 locale modules at once: about a
 * third of zod's load time (30 to 35 ms of about 80 on these machines), for messages in
 * languages this package never shows. zod is only loaded to explain a page the generated
 * validators refuse, or to read an error's body, but then in the middle of a `pulumi preview`. Before the first
 * load, that index is put in `require.cache` as an object with the same exports, each a getter
 * that loads its locale module when read: `z.locales.fr` is the very same function, loaded when
 * somebody asks for it. zod's English messages are loaded by zod itself, apart from the index.
 *
 * Nothing is changed when zod is already loaded, when the index does not have the shape this
 * expects (another zod version), or when `require.cache` is not Node's own (a test runner's).
 * `tests/core/zod.test.ts` checks, in a plain Node process and in the provider host, that
 * every locale is still there and works.
 */
export function loadZod(): typeof zod {
  deferZodLocales();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
  return require("zod") as typeof zod;
}

function deferZodLocales(): void {
  try {
    const indexPath = require.resolve("zod/v4/locales");
    if (require.cache[indexPath] !== undefined || require.cache[require.resolve("zod")] !== undefined) return;
    const source = readFileSync(indexPath, "utf8");
    const entries = [
      ...source.matchAll(/require\("\.\/([\w-]+\.cjs)"\);\s*Object\.defineProperty\(exports, "(\w+)"/g),
    ];
    // Every locale the index requires must be matched, or the stand-in would lack one: leave zod as it is.
    if (entries.length === 0 || entries.length !== source.split('require("./').length - 1) return;
    const exports: Record<string, unknown> = {};
    Object.defineProperty(exports, "__esModule", { value: true });
    for (const [, file, name] of entries) {
      Object.defineProperty(exports, name as string, {
        enumerable: true,
        get: () => {
          // eslint-disable-next-line @typescript-eslint/no-require-imports -- one locale, on demand
          const locale = require(join(dirname(indexPath), file as string)) as {
            __esModule?: boolean;
            default?: unknown;
          };
          return locale.__esModule ? locale.default : locale;
        },
      });
    }
    const stand_in = new Module(indexPath);
    stand_in.filename = indexPath;
    stand_in.loaded = true;
    stand_in.exports = exports;
    require.cache[indexPath] = stand_in;
  } catch {
    // Whatever went wrong, zod loads as it always does.
  }
}
