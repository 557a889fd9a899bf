import { request } from "undici";
import { DEFAULTS } from "../provider";
import { readBody } from "../provider/cloudflare/request";
import { FAKE_CREDENTIALS } from "../provider/testing";
import { contender, implementations } from "./clients";
import { interleave } from "./interleave";
import { emulatorProcess } from "./processes";
import { median, ms, ratioRows, samplesAt, table, type Samples } from "./stats";
import type { Verdicts } from "./verdicts";

export const SIZES = [10, 1_000, 10_000] as const;
const ROUNDS: Record<(typeof SIZES)[number], number> = { 10: 300, 1_000: 80, 10_000: 30 };

/**
 * Wall time of one listing at each size, the three contenders interleaved against one emulator
 * process; then, at 10,000, the floor and the client against a chunked body, which the client
 * counts against `maxResponseBytes` as it streams.
 */
export async function clientTime(urls: Readonly<Record<number, string>>, verdicts: Verdicts): Promise<void> {
  const impls = implementations();
  // The floor, ours, the SDK, and ours as it was at BENCH_BEFORE when that is set.
  const contenders = Object.fromEntries(Object.keys(impls).map((name) => [name, contender(impls, name)]));
  await compareListings(contenders, urls, verdicts, {
    rounds: ROUNDS,
    title: "Wall time of one listing",
    column: "one page of",
    items: "invites",
    subject: "listUserInvites",
  });
  await chunkedCost(verdicts);
}

/** What a listing comparison measures and how it is labelled. */
export interface ListingComparison {
  readonly rounds: Readonly<Record<(typeof SIZES)[number], number>>;
  readonly title: string;
  /** The table's first header cell: "one page of". */
  readonly column: string;
  /** What is listed: "invites". */
  readonly items: string;
  /** The contender the targets are about; measured against "floor" and "official SDK (cloudflare)". */
  readonly subject: string;
}

/**
 * Interleaves the contenders at each size, prints medians with their ratios to the floor, and
 * checks the targets: the subject at most 1.3x the floor at 10,000, and no slower than the
 * official SDK at any size.
 */
export async function compareListings(
  contenders: Readonly<Record<string, (url: string) => Promise<number>>>,
  urls: Readonly<Record<number, string>>,
  verdicts: Verdicts,
  what: ListingComparison,
): Promise<void> {
  const names = Object.keys(contenders);
  const samples: Samples = {};
  for (const size of SIZES) {
    const url = urls[size] ?? "";
    const bySize = await interleave(
      names.map((name) => ({
        name,
        run: () => (contenders[name] as (u: string) => Promise<number>)(url),
        expected: size,
      })),
      what.rounds[size],
    );
    for (const name of names) (samples[name] ??= {})[size] = bySize[name] ?? [];
  }
  console.log(
    `\n${what.title}, median [interquartile range] of interleaved runs (${SIZES.map((s) => `${what.rounds[s]} at ${s.toLocaleString("en")}`).join(", ")}):\n`,
  );
  console.log(
    table([
      [what.column, ...SIZES.map((n) => `${n.toLocaleString("en")} ${what.items}`)],
      ...ratioRows(names, SIZES, samples, "floor", ms),
    ]),
  );
  const at = (name: string, size: number) => median(samples[name]?.[size] ?? []);
  verdicts.atMost(
    `${what.subject} vs floor at 10,000 ${what.items}`,
    at(what.subject, 10_000) / at("floor", 10_000),
    1.3,
    "aiming at 1.2x",
  );
  for (const size of SIZES) {
    verdicts.atMost(
      `${what.subject} vs official SDK at ${size.toLocaleString("en")} ${what.items}`,
      at(what.subject, size) / at("official SDK (cloudflare)", size),
      1,
    );
  }
}

/**
 * The response-size limit on a body without `content-length`, which the client counts chunk by
 * chunk: reading such a body with that counting, against undici's own `text()` (no limit at all),
 * on the same chunked 10,000-invite page; and the whole client on it, beside the floor.
 */
async function chunkedCost(verdicts: Verdicts): Promise<void> {
  const chunked = await emulatorProcess(10_000, true);
  try {
    const impls = implementations();
    const url = `${chunked.url}/user/invites`;
    const headers = { authorization: `Bearer ${FAKE_CREDENTIALS.apiToken}` };
    const length = (text: string) => (JSON.parse(text) as { result: unknown[] }).result.length;
    const names = {
      text: "body read by undici's text(), no limit",
      counted: "body counted against maxResponseBytes",
      floor: "floor, chunked body",
      client: "listUserInvites, chunked body",
    };
    const samples = await interleave(
      [
        {
          name: names.text,
          run: async () => length(await (await request(url, { headers })).body.text()),
          expected: 10_000,
        },
        {
          name: names.counted,
          run: async () => {
            const body = await readBody(
              (await request(url, { headers })).body,
              undefined,
              DEFAULTS.maxResponseBytes,
            );
            return body.tooLarge ? -1 : length(body.text);
          },
          expected: 10_000,
        },
        {
          name: names.floor,
          run: () => contender(impls, "floor")(chunked.url),
          expected: 10_000,
        },
        {
          name: names.client,
          run: () => contender(impls, "listUserInvites")(chunked.url),
          expected: 10_000,
        },
      ],
      ROUNDS[10_000],
    );
    console.log(
      `\nThe same 10,000 invites in 64 KiB chunks, no content-length, so counted against maxResponseBytes as they stream (each read includes JSON.parse):\n`,
    );
    console.log(
      table([
        ["chunked page of", "10,000 invites"],
        // Two comparisons, each with its own baseline: the body alone, then the whole listing.
        ...ratioRows([names.text, names.counted], [10_000], samplesAt(10_000, samples), names.text, ms),
        ...ratioRows([names.floor, names.client], [10_000], samplesAt(10_000, samples), names.floor, ms),
      ]),
    );
    verdicts.atMost(
      "size limit counted while streaming: a chunked 10,000-invite body counted vs read by undici's text()",
      median(samples[names.counted] ?? []) / median(samples[names.text] ?? []),
      1.05,
    );
  } finally {
    chunked.close();
  }
}
