/**
 * The 10,000-invite read under another Node.js (started by bench/nodeVersions.ts with that
 * version's binary): the floor and the client, interleaved, against the emulator at the URL given.
 * Prints each one's samples as JSON.
 */
import { contender, implementations } from "./clients";
import { interleave } from "./interleave";

async function main(): Promise<void> {
  const [url = ""] = process.argv.slice(2);
  const impls = implementations();
  const names = ["floor", "listUserInvites"] as const;
  const samples = await interleave(
    names.map((name) => ({
      name,
      run: () => contender(impls, name)(url),
      expected: 10_000,
    })),
    30,
  );
  process.stdout.write(JSON.stringify(samples));
}

void main();
