/**
 * The emulator in its own process, so it does not share a core with the client being measured.
 * Prints its URL on the first line; serves `count` synthetic invites on one page, with
 * `content-length`, or in chunks when the second argument is `chunked`, and `count` memberships,
 * paged as Cloudflare pages them.
 */
import { manyInvites, manyMemberships, startCloudflareEmulator } from "../provider/testing";

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 10);
  const chunked = process.argv[3] === "chunked";
  const emulator = await startCloudflareEmulator({
    invites: manyInvites(count),
    memberships: manyMemberships(count),
    chunked,
  });
  process.stdout.write(`${emulator.url}\n`);
  process.stdin.resume();
  process.stdin.on("end", () => void emulator.close().then(() => process.exit(0)));
}

void main();
