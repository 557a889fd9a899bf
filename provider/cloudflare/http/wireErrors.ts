import type { z as Z } from "zod";
import type { ApiErrorDetail } from "../../core/errors";
import { PACKAGE_NAME, VERSION } from "../../core/version";
import { loadZod } from "../../core/zod";

/**
 * Cloudflare's error lists (`errors`, with nested `error_chain`s) as the wire sends them, and
 * their reading into {@link ApiErrorDetail}s. Every API v4 answer carries them, whatever the
 * endpoint; the list envelope reuses the message schema.
 */

/** A Cloudflare `Message`, reduced to the fields this package reads. */
export interface WireMessage {
  code?: number | string | undefined;
  message?: string | undefined;
  /** Nested messages, checked one level at a time by whoever reads them (see `errorsFromJson`). */
  error_chain?: unknown[] | undefined;
}

/**
 * Builds the schema of one message in `errors` / `messages`. `error_chain` is not described
 * recursively: a recursive schema recurses once per level of nesting, and a server (or anything
 * between it and us) could nest deeper than the call stack allows. Readers flatten it themselves,
 * to a bounded depth.
 */
export function buildMessageSchema(): Z.ZodType<WireMessage> {
  const z = loadZod();
  return z.object({
    code: z.union([z.number(), z.string()]).optional(),
    message: z.string().optional(),
    error_chain: z.array(z.unknown()).optional(),
  });
}

/**
 * Builds the schema of an error envelope. Every field is optional: a failing endpoint may answer
 * with anything, and the status code alone must still produce a useful error.
 */
export function buildErrorEnvelopeSchema() {
  const z = loadZod();
  const message = buildMessageSchema();
  return z.object({
    success: z.boolean().optional(),
    errors: z.array(message).nullish(),
    messages: z.array(message).nullish(),
  });
}

interface ErrorSchemas {
  readonly errorEnvelope: ReturnType<typeof buildErrorEnvelopeSchema>;
  readonly message: ReturnType<typeof buildMessageSchema>;
}

/**
 * The schemas, built on first use and kept on `globalThis` (never in a module variable, which the
 * provider's closure could capture: zod schemas cannot be serialized).
 */
function errorSchemas(): ErrorSchemas {
  const key = Symbol.for(`${PACKAGE_NAME}@${VERSION}/error-schemas`);
  const holder = globalThis as { [key]?: ErrorSchemas };
  return (holder[key] ??= { errorEnvelope: buildErrorEnvelopeSchema(), message: buildMessageSchema() });
}

/** How deep `error_chain`s are followed: real ones are one or two levels. */
const MAX_ERROR_CHAIN_DEPTH = 8;
/** How many messages are kept from one response, however many it sends. */
const MAX_ERROR_MESSAGES = 20;

/**
 * Flattens `errors` and their `error_chain`s into a list, depth first, without recursion and to a
 * bounded depth and length; anything unreadable gives an empty list.
 */
export function errorsFromJson(body: unknown): ApiErrorDetail[] {
  const { errorEnvelope, message: messageSchema } = errorSchemas();
  const parsed = errorEnvelope.safeParse(body);
  if (!parsed.success) return [];
  const flat: ApiErrorDetail[] = [];
  const pending: { message: unknown; depth: number }[] = (parsed.data.errors ?? [])
    .map((message) => ({ message, depth: 0 }))
    .reverse();
  while (pending.length > 0 && flat.length < MAX_ERROR_MESSAGES) {
    const { message, depth } = pending.pop() as { message: unknown; depth: number };
    const m = messageSchema.safeParse(message);
    if (!m.success) continue;
    const code = typeof m.data.code === "number" ? m.data.code : Number.parseInt(m.data.code ?? "", 10);
    flat.push({ code: Number.isSafeInteger(code) ? code : null, message: m.data.message ?? "" });
    if (depth + 1 < MAX_ERROR_CHAIN_DEPTH) {
      for (const nested of [...(m.data.error_chain ?? [])].reverse())
        pending.push({ message: nested, depth: depth + 1 });
    }
  }
  return flat;
}

/** The errors of a body given as text; text that is not JSON has none. */
export function errorsFromText(text: string): ApiErrorDetail[] {
  try {
    return errorsFromJson(JSON.parse(text));
  } catch {
    return [];
  }
}
