import Cloudflare from "cloudflare";
import { request } from "undici";
import { listUserInvites } from "../provider";

/** One way of listing the invites at `url`; resolves to the list it got. */
export type ListImplementation = (url: string) => Promise<readonly unknown[]>;

const TOKEN = "FAKE-test-token-not-a-real-cloudflare-00";

/**
 * The packed package of another commit (`BENCH_BEFORE=<git ref> npm run bench`), installed by
 * bench/baseline.ts, whose path the bench passes to its child processes in this variable.
 */
export const BEFORE_PACKAGE_VARIABLE = "BENCH_BEFORE_PACKAGE";

/** The name of the "before" contender, when there is one. */
export const BEFORE = "listUserInvites, before";

/**
 * The contenders, all against the same emulator page. The floor is the least any client can do:
 * one undici request on the global (keep-alive) dispatcher and `JSON.parse`, no validation.
 */
export function implementations(): Record<string, ListImplementation> {
  const sdk = new Cloudflare({ apiToken: TOKEN, baseURL: "http://127.0.0.1:1", maxRetries: 0 });
  const sdkFor = new Map<string, Cloudflare>();
  const contenders: Record<string, ListImplementation> = {
    floor: async (url) => {
      const response = await request(`${url}/user/invites`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      return (JSON.parse(await response.body.text()) as { result: unknown[] }).result;
    },
    listUserInvites: (url) => listUserInvites({ baseUrl: url, apiToken: TOKEN }),
    "official SDK (cloudflare)": async (url) => {
      const client = sdkFor.get(url) ?? sdk.withOptions({ baseURL: url });
      sdkFor.set(url, client);
      const invites: unknown[] = [];
      for await (const invite of client.user.invites.list()) invites.push(invite);
      return invites;
    },
  };
  const before = process.env[BEFORE_PACKAGE_VARIABLE];
  if (before) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- another commit's build, by path
    const old = require(before) as { listUserInvites: typeof listUserInvites };
    contenders[BEFORE] = (url) => old.listUserInvites({ baseUrl: url, apiToken: TOKEN });
  }
  return contenders;
}

/** The contender named `name`, counting what it listed, or an error saying there is none. */
export function contender(
  impls: Readonly<Record<string, ListImplementation>>,
  name: string,
): (url: string) => Promise<number> {
  const run = impls[name];
  if (run === undefined) throw new Error(`no contender named ${name}`);
  return async (url) => (await run(url)).length;
}
