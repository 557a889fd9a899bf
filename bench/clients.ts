import Cloudflare from "cloudflare";
import { request } from "undici";
import { listUserInvites } from "../provider";

/** One way of listing the invites at `url`; resolves to how many it got. */
export type ListImplementation = (url: string) => Promise<number>;

const TOKEN = "FAKE-test-token-not-a-real-cloudflare-00";

/**
 * The contenders, all against the same emulator page. The floor is the least any client can do:
 * one undici request on the global (keep-alive) dispatcher and `JSON.parse`, no validation.
 */
/** The contenders by name. */
export interface Implementations {
  readonly floor: ListImplementation;
  readonly listUserInvites: ListImplementation;
  readonly "official SDK (cloudflare)": ListImplementation;
}

export function implementations(): Implementations {
  const sdk = new Cloudflare({ apiToken: TOKEN, baseURL: "http://127.0.0.1:1", maxRetries: 0 });
  const sdkFor = new Map<string, Cloudflare>();
  return {
    floor: async (url) => {
      const response = await request(`${url}/user/invites`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      return (JSON.parse(await response.body.text()) as { result: unknown[] }).result.length;
    },
    listUserInvites: async (url) => (await listUserInvites({ baseUrl: url, apiToken: TOKEN })).length,
    "official SDK (cloudflare)": async (url) => {
      const client = sdkFor.get(url) ?? sdk.withOptions({ baseURL: url });
      sdkFor.set(url, client);
      let count = 0;
      for await (const invite of client.user.invites.list()) if (invite) count++;
      return count;
    },
  };
}
