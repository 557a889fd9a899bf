import { CloudflareResponseError } from "../core/errors";
import { redact } from "../core/redact";
import { rayText } from "./http/failure";
import { getJson } from "./http/getJson";
import type { RequestSettings } from "./http/types";
import type { Invite } from "./invite";
import { inviteIdentity } from "./order";
import { parseListPage, type ResultInfo } from "./schema";

/**
 * Fetches page after page while `result_info` says more remain. Stops on an empty page or one
 * that adds no new invite (a server that ignores `page`), and fails past `maxPages`: the list is
 * whole, or the call throws. Repeats are left in (`orderInvites` drops them); the keys seen are
 * only collected once a second page is needed, since on the first every invite is new.
 */
export async function fetchAllPages(
  settings: RequestSettings,
  baseUrl: URL,
  maxPages: number,
): Promise<Invite[]> {
  let all: Invite[] = [];
  let seen: Set<string> | undefined;
  let perPage: number | undefined;
  for (let page = 1; ; page++) {
    const response = await getJson(settings, pageUrl(baseUrl, page, perPage));
    const parsed = parseListPage(response.body);
    if (!parsed.ok) {
      throw new CloudflareResponseError(
        redact(
          `Cloudflare API GET ${response.path} answered HTTP ${response.status} with a response ` +
            `this package cannot use${rayText(response.rayId)}:\n${parsed.problems}\n` +
            `If Cloudflare changed the format, please report it with the cf-ray id.`,
          settings.secrets,
        ),
        { method: "GET", path: response.path, status: response.status, rayId: response.rayId },
      );
    }
    const { invites, resultInfo: info } = parsed.page;
    let added = invites.length;
    if (page === 1) all = invites;
    else {
      seen ??= new Set(all.map(inviteIdentity));
      added = 0;
      for (const invite of invites) {
        const key = inviteIdentity(invite);
        if (!seen.has(key)) {
          seen.add(key);
          all.push(invite);
          added++;
        }
      }
    }
    if (invites.length === 0 || added === 0 || !morePagesRemain(info, page)) break;
    if (page >= maxPages) {
      throw new CloudflareResponseError(
        `Cloudflare API GET ${response.path} still reports more invites after ${page} pages ` +
          `(maxPages). Raise maxPages if this user really has that many invitations.`,
        { method: "GET", path: response.path, status: response.status, rayId: response.rayId },
      );
    }
    perPage = info?.per_page ?? undefined;
  }
  return all;
}

/** Whether `result_info` says there are pages after `page`. Without totals, there are none. */
export function morePagesRemain(info: ResultInfo | null | undefined, page: number): boolean {
  if (!info) return false;
  if (info.total_pages != null) return page < info.total_pages;
  if (info.total_count != null && info.per_page) return page * info.per_page < info.total_count;
  return false;
}

/** The first page is asked for exactly as the official SDKs do (no query); later ones name page and size. */
function pageUrl(baseUrl: URL, page: number, perPage: number | undefined): URL {
  const url = new URL(`${baseUrl.pathname}/user/invites`, baseUrl);
  if (page > 1) {
    url.searchParams.set("page", String(page));
    if (perPage !== undefined) url.searchParams.set("per_page", String(perPage));
  }
  return url;
}
