import { implementations } from "./clients";
import { interleave } from "./interleave";
import { emulatorProcess } from "./processes";
import { median, ms, ratioRows, table, type Samples } from "./stats";
import type { Verdicts } from "./verdicts";

export const SIZES = [10, 1_000, 10_000] as const;
const ROUNDS: Record<(typeof SIZES)[number], number> = { 10: 300, 1_000: 80, 10_000: 30 };
const CONTENDERS = ["floor", "listUserInvites", "official SDK (cloudflare)"] as const;

/**
 * Wall time of one listing at each size, the three contenders interleaved against one emulator
 * process; then, at 10,000, the floor and the client against a chunked body, which the client
 * counts against `maxResponseBytes` as it streams.
 */
export async function clientTime(urls: Readonly<Record<number, string>>, verdicts: Verdicts): Promise<void> {
  const impls = implementations();
  const samples: Samples = {};
  for (const size of SIZES) {
    const url = urls[size] ?? "";
    const bySize = await interleave(
      CONTENDERS.map((name) => ({
        name,
        run: () => (impls[name] as (u: string) => Promise<number>)(url),
        expected: size,
      })),
      ROUNDS[size],
    );
    for (const name of CONTENDERS) (samples[name] ??= {})[size] = bySize[name] ?? [];
  }
  console.log(
    `Wall time of one listing, median [interquartile range] of interleaved runs (${SIZES.map((s) => `${ROUNDS[s]} at ${s.toLocaleString("en")}`).join(", ")}):\n`,
  );
  console.log(
    table([
      ["one page of", ...SIZES.map((n) => `${n.toLocaleString("en")} invites`)],
      ...ratioRows(CONTENDERS, SIZES, samples, "floor", ms),
    ]),
  );
  const at = (name: string, size: number) => median(samples[name]?.[size] ?? []);
  verdicts.atMost(
    "listUserInvites vs floor at 10,000 invites",
    at("listUserInvites", 10_000) / at("floor", 10_000),
    1.3,
    "aiming at 1.2x",
  );
  for (const size of SIZES) {
    verdicts.atMost(
      `listUserInvites vs official SDK at ${size.toLocaleString("en")} invites`,
      at("listUserInvites", size) / at("official SDK (cloudflare)", size),
      1,
    );
  }
  await chunkedCost(verdicts, at("listUserInvites", 10_000) / at("floor", 10_000));
}

/**
 * The response-size limit, counted chunk by chunk on a body without `content-length`: the
 * client's ratio to the floor on a chunked body, against its ratio on a body with a length.
 */
async function chunkedCost(verdicts: Verdicts, ratioWithLength: number): Promise<void> {
  const chunked = await emulatorProcess(10_000, true);
  try {
    const impls = implementations();
    const names = ["floor, chunked body", "listUserInvites, chunked body"];
    const samples = await interleave(
      [
        {
          name: names[0] as string,
          run: () => (impls["floor"] as (u: string) => Promise<number>)(chunked.url),
          expected: 10_000,
        },
        {
          name: names[1] as string,
          run: () => (impls["listUserInvites"] as (u: string) => Promise<number>)(chunked.url),
          expected: 10_000,
        },
      ],
      ROUNDS[10_000],
    );
    const bySize: Samples = Object.fromEntries(names.map((n) => [n, { 10_000: samples[n] ?? [] }]));
    console.log(
      `\nThe same 10,000 invites in 64 KiB chunks, no content-length (counted against maxResponseBytes as they stream):\n`,
    );
    console.log(
      table([
        ["chunked page of", "10,000 invites"],
        ...ratioRows(names, [10_000], bySize, names[0] as string, ms),
      ]),
    );
    const ratioChunked =
      median(samples[names[1] as string] ?? []) / median(samples[names[0] as string] ?? []);
    verdicts.atMost(
      "size limit counted while streaming: (client/floor on a chunked body) / (client/floor with content-length)",
      ratioChunked / ratioWithLength,
      1.05,
      `${ratioChunked.toFixed(2)}x chunked, ${ratioWithLength.toFixed(2)}x with a length`,
    );
  } finally {
    chunked.close();
  }
}
