import { CloudflareApiError, CloudflareResponseError, listUserInvites } from "../../../provider";
import { morePagesRemain } from "../../../provider/cloudflare/client";
import {
  faults,
  manyInvites,
  referenceEnvelope,
  sampleInvites,
  successEnvelope,
} from "../../../provider/testing";
import { clientOptions, emulator, thrown } from "../../helpers/emulator";

const ids = (invites: readonly { id?: string }[]) => invites.map((i) => i.id).sort();

test("every page is fetched once, with page and per_page after the first", async () => {
  const wire = manyInvites(45);
  const emu = await emulator({ invites: wire, perPage: 20 });
  const invites = await listUserInvites(clientOptions(emu));
  expect(ids(invites)).toEqual(ids(wire.map((w) => ({ id: w.id ?? "" }))));
  expect(emu.requests.map((r) => r.query)).toEqual([
    {},
    { page: "2", per_page: "20" },
    { page: "3", per_page: "20" },
  ]);
});

test("a server that ignores page: stops at the first page that adds nothing, no duplicates", async () => {
  const wire = manyInvites(20);
  const emu = await emulator({ invites: wire, perPage: 10, ignorePage: true });
  const invites = await listUserInvites(clientOptions(emu));
  expect(invites).toHaveLength(10);
  expect(new Set(ids(invites)).size).toBe(10);
  expect(emu.requests).toHaveLength(2);
});

test("the reference page's envelope (total_count 2000, one invite) ends after one more request", async () => {
  const envelope = referenceEnvelope();
  const emu = await emulator({ faultFor: () => faults.envelope(envelope) });
  const invites = await listUserInvites(clientOptions(emu));
  expect(invites.map((i) => i.id)).toEqual(["4f5f0c14a2a41d5063dd301b2f829f04"]);
  expect(emu.requests).toHaveLength(2);
});

test("pages that overlap (an invite arrived between requests) are merged without duplicates", async () => {
  const [a, b, c, d] = sampleInvites();
  const info = (page: number, total_count: number) => ({ page, per_page: 2, total_count, count: 2 });
  // Page 1 is read before an invite is added at the front, pushing `b` onto page 2.
  const emu = await emulator({
    faults: [
      faults.envelope(successEnvelope([a, b], info(1, 4))),
      faults.envelope(successEnvelope([b, c], info(2, 5))),
      faults.envelope(successEnvelope([d], { ...info(3, 5), count: 1 })),
    ],
  });
  const invites = await listUserInvites(clientOptions(emu, { maxPages: 3 }));
  expect(ids(invites)).toEqual(ids([a, b, c, d].map((w) => ({ id: w?.id ?? "" }))));
  expect(emu.requests).toHaveLength(3);
});

test("a page that vanished (empty) ends the list", async () => {
  const [a, b] = sampleInvites();
  const emu = await emulator({
    faults: [
      faults.envelope(successEnvelope([a, b], { page: 1, per_page: 2, total_count: 6 })),
      faults.envelope(successEnvelope([], { page: 2, per_page: 2, total_count: 6 })),
    ],
  });
  expect(await listUserInvites(clientOptions(emu))).toHaveLength(2);
  expect(emu.requests).toHaveLength(2);
});

test("a later page that fails for good fails the call: never a partial list", async () => {
  const emu = await emulator({
    invites: manyInvites(30),
    perPage: 10,
    faultFor: (request) => (request.query["page"] === "3" ? faults.serverError(503) : undefined),
  });
  const error = await thrown(() => listUserInvites(clientOptions(emu, { maxRetries: 1 })));
  expect(error).toBeInstanceOf(CloudflareApiError);
  expect(error.message).toContain("GET /client/v4/user/invites?page=3&per_page=10 failed with HTTP 503");
});

test("a later page that fails once is retried and the list is complete", async () => {
  const emu = await emulator({
    invites: manyInvites(30),
    perPage: 10,
    faults: [undefined, faults.rateLimited(0)],
  });
  expect(await listUserInvites(clientOptions(emu))).toHaveLength(30);
  expect(emu.requests).toHaveLength(4);
});

test("more pages than maxPages is an error, not a truncated list", async () => {
  const emu = await emulator({ invites: manyInvites(50), perPage: 10 });
  const error = await thrown(() => listUserInvites(clientOptions(emu, { maxPages: 3 })));
  expect(error).toBeInstanceOf(CloudflareResponseError);
  // Said as soon as the first page announces more pages than allowed: no request is wasted.
  expect(error.message).toContain("reports 5 pages of invites, more than maxPages (3) allows");
  expect(emu.requests).toHaveLength(1);
});

test("without result_info a single page is the whole list", async () => {
  const emu = await emulator({ invites: manyInvites(30), omitResultInfo: true });
  expect(await listUserInvites(clientOptions(emu))).toHaveLength(30);
  expect(emu.requests).toHaveLength(1);
});

test("morePagesRemain reads total_pages first, then total_count", () => {
  expect(morePagesRemain(undefined, 1)).toBe(false);
  expect(morePagesRemain({ total_pages: 3 }, 2)).toBe(true);
  expect(morePagesRemain({ total_pages: 3, total_count: 1000, per_page: 1 }, 3)).toBe(false);
  expect(morePagesRemain({ total_count: 41, per_page: 20 }, 2)).toBe(true);
  expect(morePagesRemain({ total_count: 40, per_page: 20 }, 2)).toBe(false);
  expect(morePagesRemain({ per_page: 20 }, 1)).toBe(false);
});
