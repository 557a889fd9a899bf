import Cloudflare from "cloudflare";
import { request } from "undici";
import { listUserMemberships, MEMBERSHIPS_PER_PAGE } from "../provider";
import { readUserMemberships } from "../provider/pulumi/runtime";
import { FAKE_CREDENTIALS, startCloudflareEmulator, manyMemberships } from "../provider/testing";
import { compareListings, SIZES } from "./clientTime";
import type { Verdicts } from "./verdicts";

/** Rounds at each of the client bench's sizes: 1, 20 and 200 pages. */
const ROUNDS: Record<(typeof SIZES)[number], number> = { 10: 200, 1_000: 40, 10_000: 10 };
const TOKEN = FAKE_CREDENTIALS.apiToken;

/**
 * The contenders for listing every membership, 50 a page. The floor is the least any client can
 * do: one undici request per page on the global dispatcher, `JSON.parse`, and `total_pages` to
 * stop. The official SDK auto-paginates `client.memberships.list()` with the same page size; it
 * stops on an empty page, so it always asks for one page more.
 */
function contenders(): Record<string, (url: string) => Promise<number>> {
  const sdk = new Cloudflare({ apiToken: TOKEN, baseURL: "http://127.0.0.1:1", maxRetries: 0 });
  const sdkFor = new Map<string, Cloudflare>();
  return {
    floor: async (url) => {
      let count = 0;
      for (let page = 1, pages = 1; page <= pages; page++) {
        const response = await request(`${url}/memberships?page=${page}&per_page=${MEMBERSHIPS_PER_PAGE}`, {
          headers: { authorization: `Bearer ${TOKEN}` },
        });
        const body = JSON.parse(await response.body.text()) as {
          result: unknown[];
          result_info: { total_pages: number };
        };
        count += body.result.length;
        pages = body.result_info.total_pages;
      }
      return count;
    },
    listUserMemberships: async (url) => (await listUserMemberships({ baseUrl: url, apiToken: TOKEN })).length,
    "official SDK (cloudflare)": async (url) => {
      const client = sdkFor.get(url) ?? sdk.withOptions({ baseURL: url });
      sdkFor.set(url, client);
      let count = 0;
      for await (const membership of client.memberships.list({ per_page: MEMBERSHIPS_PER_PAGE })) {
        if (membership) count++;
      }
      return count;
    },
  };
}

/**
 * Wall time of listing every membership at 10, 1,000 and 10,000 (1, 20 and 200 pages), the
 * contenders interleaved against emulators in their own processes; then the request log of a
 * `UserMemberships` read, which must cost at most 2 + ceil(M / 50) requests.
 */
export async function membershipsSection(
  urls: Readonly<Record<number, string>>,
  verdicts: Verdicts,
): Promise<void> {
  await compareListings(contenders(), urls, verdicts, {
    rounds: ROUNDS,
    title: "Wall time of listing every membership, 50 a page",
    column: "all pages of",
    items: "memberships",
    subject: "listUserMemberships",
  });
  const counts: string[] = [];
  for (const size of [0, ...SIZES]) {
    const emulator = await startCloudflareEmulator({ memberships: manyMemberships(size) });
    await readUserMemberships({ baseUrl: emulator.url, apiToken: TOKEN }, {});
    const allowed = 2 + Math.ceil(size / 50);
    counts.push(`${emulator.requests.length} for ${size.toLocaleString("en")} (at most ${allowed})`);
    verdicts.atMost(
      `UserMemberships read of ${size.toLocaleString("en")} memberships: requests / (2 + ceil(M/50))`,
      emulator.requests.length / allowed,
      1,
    );
    await emulator.close();
  }
  console.log(`\nHTTP requests per UserMemberships read (the pages, and the user): ${counts.join("; ")}`);
}
