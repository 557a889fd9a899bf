import type { z as Z } from "zod";
import { LISTED_PROBLEMS } from "../core/limits";
import { PACKAGE_NAME, VERSION } from "../core/version";
import type { ApiErrorDetail } from "./errors";
import type { Invite } from "./invite";
import type { Membership, UserTwoFactorStatus } from "./membership";

/**
 * The wire format of Cloudflare's API v4 answers for `GET /user/invites`, `GET /memberships` and
 * `GET /user`, and its mapping to the public camelCase {@link Invite}, {@link Membership} and
 * {@link UserTwoFactorStatus}.
 *
 * The zod schemas below state the shape. Lenient where Cloudflare has changed it before (unknown
 * keys, `null` in optional fields, pre-2024 role objects, statuses that are no longer documented),
 * strict where the data would be wrong (no `organization_id`, a `result` that is not a list, a date
 * that is not a date). A good page is accepted by the type guards `isListEnvelope` and
 * `isWireInvite`, which check the same rules by hand (with the same date pattern), build no copy
 * and need no zod; only a page they refuse is handed to zod, which explains what is wrong (or,
 * should the two ever disagree, decides). tests/cloudflare/wire.test.ts keeps them in agreement
 * with fast-check. zod is loaded on that first need, and the schemas are kept on `globalThis`,
 * never in a module variable: a zod schema captured by a dynamic provider's closure cannot be
 * serialized ("bound safeParseAsync could not be serialized").
 */

/**
 * An ISO 8601 date-time as Cloudflare writes them: `2024-05-01T12:00:00Z`, with or without
 * seconds, fraction and offset. The one pattern of the schema and of the guard.
 */
export const DATE_TIME_PATTERN =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$/;

function zod(): typeof Z {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only to explain a refused page
  return (require("zod") as { z: typeof Z }).z;
}

/** Builds the schema of one message in `errors` / `messages` (`error_chain` is read by hand, bounded). */
function buildMessageSchema(z: typeof Z) {
  return z.object({
    code: z.union([z.number(), z.string()]).optional(),
    message: z.string().optional(),
    error_chain: z.array(z.unknown()).optional(),
  });
}

/** Builds the schema of one invite on the wire. */
export function buildInviteSchema(z: typeof Z = zod()) {
  const optionalString = z.string().nullish();
  const dateTime = z.string().regex(DATE_TIME_PATTERN, { error: "expected an ISO 8601 date-time" }).nullish();
  return z.object({
    id: optionalString,
    organization_id: z.string({
      error: (issue) => (issue.input === undefined ? "missing organization_id" : "expected a string"),
    }),
    organization_name: optionalString,
    invited_member_id: optionalString,
    invited_member_email: optionalString,
    invited_by: optionalString,
    invited_on: dateTime,
    expires_on: dateTime,
    organization_is_enforcing_twofactor: z.boolean().nullish(),
    // Until Nov 2024 roles were objects {id, name, description, permissions}: their names are kept.
    roles: z.array(z.union([z.string(), z.object({ name: z.string() })])).nullish(),
    status: optionalString,
  });
}

/**
 * Builds the schema of a List Invitations envelope, without the invites themselves: they are
 * validated apart, so a bad envelope is reported before thousands of invites are looked at.
 */
export function buildListEnvelopeSchema(z: typeof Z = zod()) {
  const message = buildMessageSchema(z);
  const count = z.number().int().nonnegative().nullish();
  return z.object({
    success: z.boolean(),
    errors: z.array(message).nullish(),
    messages: z.array(message).nullish(),
    result: z.array(z.unknown(), {
      error: (issue) =>
        issue.input === null || issue.input === undefined
          ? "missing result: expected a list of invites"
          : "expected a list of invites",
    }),
    result_info: z
      .object({ page: count, per_page: count, count: count, total_count: count, total_pages: count })
      .nullish(),
  });
}

/** One invite on the wire, as validated (validation keeps the JSON object as it is). */
export type WireInvite = Z.input<ReturnType<typeof buildInviteSchema>>;
/** A List Invitations envelope on the wire. */
type WireListEnvelope = Z.input<ReturnType<typeof buildListEnvelopeSchema>>;
/** Paging facts from `result_info`, when Cloudflare sends them. */
export type ResultInfo = NonNullable<WireListEnvelope["result_info"]>;

// --- The guards: the schemas' rules, by hand ---

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isNullish = (v: unknown) => v === undefined || v === null;
const optionalString = (v: unknown) => isNullish(v) || typeof v === "string";
const optionalDate = (v: unknown) => isNullish(v) || (typeof v === "string" && DATE_TIME_PATTERN.test(v));
const optionalCount = (v: unknown) => isNullish(v) || (Number.isSafeInteger(v) && (v as number) >= 0);

function isMessage(v: unknown): boolean {
  return (
    isObject(v) &&
    (v["code"] === undefined || typeof v["code"] === "number" || typeof v["code"] === "string") &&
    (v["message"] === undefined || typeof v["message"] === "string") &&
    (v["error_chain"] === undefined || Array.isArray(v["error_chain"]))
  );
}

const optionalMessages = (v: unknown) => isNullish(v) || (Array.isArray(v) && v.every(isMessage));

/** Whether `v` is a List Invitations envelope that {@link buildListEnvelopeSchema} accepts. */
export function isListEnvelope(v: unknown): v is WireListEnvelope {
  if (!isObject(v) || typeof v["success"] !== "boolean" || !Array.isArray(v["result"])) return false;
  if (!optionalMessages(v["errors"]) || !optionalMessages(v["messages"])) return false;
  const info = v["result_info"];
  if (isNullish(info)) return true;
  return (
    isObject(info) &&
    optionalCount(info["page"]) &&
    optionalCount(info["per_page"]) &&
    optionalCount(info["count"]) &&
    optionalCount(info["total_count"]) &&
    optionalCount(info["total_pages"])
  );
}

/** Whether `v` is an invite that {@link buildInviteSchema} accepts. */
export function isWireInvite(v: unknown): v is WireInvite {
  if (!isObject(v) || typeof v["organization_id"] !== "string") return false;
  const roles = v["roles"];
  return (
    optionalString(v["id"]) &&
    optionalString(v["organization_name"]) &&
    optionalString(v["invited_member_id"]) &&
    optionalString(v["invited_member_email"]) &&
    optionalString(v["invited_by"]) &&
    optionalDate(v["invited_on"]) &&
    optionalDate(v["expires_on"]) &&
    (isNullish(v["organization_is_enforcing_twofactor"]) ||
      typeof v["organization_is_enforcing_twofactor"] === "boolean") &&
    (isNullish(roles) ||
      (Array.isArray(roles) &&
        roles.every((r) => typeof r === "string" || (isObject(r) && typeof r["name"] === "string")))) &&
    optionalString(v["status"])
  );
}

// --- Memberships and the user, on the wire ---

/** Builds the schema of one membership on the wire (`GET /memberships`). */
export function buildMembershipSchema(z: typeof Z = zod()) {
  const optionalString = z.string().nullish();
  const grant = z.object({ read: z.boolean().nullish(), write: z.boolean().nullish() }).nullish();
  return z.object({
    id: optionalString,
    status: optionalString,
    account: z.object(
      {
        id: z.string({
          error: (issue) => (issue.input === undefined ? "missing account.id" : "expected a string"),
        }),
        name: optionalString,
        settings: z.object({ enforce_twofactor: z.boolean().nullish() }).nullish(),
      },
      { error: (issue) => (issue.input === undefined ? "missing account" : "expected an object") },
    ),
    roles: z.array(z.string()).nullish(),
    permissions: z.record(z.string(), grant).nullish(),
  });
}

/** Builds the schema of a `GET /user` envelope: the two-factor fields are what is read. */
export function buildUserEnvelopeSchema(z: typeof Z = zod()) {
  const message = buildMessageSchema(z);
  return z.object({
    success: z.boolean(),
    errors: z.array(message).nullish(),
    messages: z.array(message).nullish(),
    result: z.object(
      {
        id: z.string().nullish(),
        two_factor_authentication_enabled: z.boolean({
          error: (issue) =>
            issue.input === undefined ? "missing two_factor_authentication_enabled" : "expected a boolean",
        }),
        two_factor_authentication_locked: z.boolean().nullish(),
      },
      {
        error: (issue) =>
          isNullish(issue.input) ? "missing result: expected the user" : "expected an object",
      },
    ),
  });
}

/** One membership on the wire, as validated. */
export type WireMembership = Z.input<ReturnType<typeof buildMembershipSchema>>;
/** A `GET /user` envelope on the wire, as validated. */
type WireUserEnvelope = Z.input<ReturnType<typeof buildUserEnvelopeSchema>>;

const optionalBoolean = (v: unknown) => isNullish(v) || typeof v === "boolean";

/** Whether `v` is a membership that {@link buildMembershipSchema} accepts. */
export function isWireMembership(v: unknown): v is WireMembership {
  if (!isObject(v) || !optionalString(v["id"]) || !optionalString(v["status"])) return false;
  const account = v["account"];
  if (!isObject(account) || typeof account["id"] !== "string" || !optionalString(account["name"]))
    return false;
  const settings = account["settings"];
  if (!isNullish(settings) && !(isObject(settings) && optionalBoolean(settings["enforce_twofactor"])))
    return false;
  const roles = v["roles"];
  if (!isNullish(roles) && !(Array.isArray(roles) && roles.every((r) => typeof r === "string"))) return false;
  const permissions = v["permissions"];
  if (isNullish(permissions)) return true;
  return (
    isObject(permissions) &&
    Object.values(permissions).every(
      (grant) =>
        isNullish(grant) ||
        (isObject(grant) && optionalBoolean(grant["read"]) && optionalBoolean(grant["write"])),
    )
  );
}

/** Whether `v` is a `GET /user` envelope that {@link buildUserEnvelopeSchema} accepts. */
function isUserEnvelope(v: unknown): v is WireUserEnvelope {
  if (!isObject(v) || typeof v["success"] !== "boolean") return false;
  if (!optionalMessages(v["errors"]) || !optionalMessages(v["messages"])) return false;
  const user = v["result"];
  return (
    isObject(user) &&
    optionalString(user["id"]) &&
    typeof user["two_factor_authentication_enabled"] === "boolean" &&
    optionalBoolean(user["two_factor_authentication_locked"])
  );
}

/** Maps a validated wire membership to the public shape; absent optional fields are left out. */
export function toMembership(wire: WireMembership): Membership {
  return withoutAbsent<Membership>({
    accountId: wire.account.id,
    roles: wire.roles ?? [],
    permissions: wire.permissions ? grantNames(wire.permissions) : [],
    id: wire.id ?? undefined,
    accountName: wire.account.name ?? undefined,
    accountIsEnforcingTwoFactor: wire.account.settings?.enforce_twofactor ?? undefined,
    status: wire.status ?? undefined,
  });
}

/**
 * `{dns_records: {read: true, write: false}, ...}` as `["dns_records:read", ...]`, sorted. Cloudflare
 * sends the areas in alphabetical order, so the names come out sorted and the sort is skipped: a
 * membership is mapped for every one of thousands, and this is most of its cost.
 */
function grantNames(permissions: NonNullable<WireMembership["permissions"]>): string[] {
  const names: string[] = [];
  let sorted = true;
  const add = (name: string) => {
    if (sorted && names.length > 0 && (names[names.length - 1] as string) > name) sorted = false;
    names.push(name);
  };
  // A parsed JSON object has only its own keys, so `for...in` needs no `hasOwnProperty` check.
  for (const area in permissions) {
    const grant = permissions[area];
    if (grant?.read) add(`${area}:read`);
    if (grant?.write) add(`${area}:write`);
  }
  return sorted ? names : names.sort();
}

// --- A page: checked, explained when refused, mapped ---

/** How the items of one list endpoint are checked, explained and mapped. */
export interface ItemCodec<Wire, Item> {
  /** The items' plural, for messages and the schemas' cache: `invites`. */
  readonly noun: string;
  /** The hand-written guard: a good item passes without zod. */
  readonly guard: (value: unknown) => value is Wire;
  /** The zod schema, built once a page is refused, to explain why. */
  readonly schema: (z: typeof Z) => Z.ZodType;
  /** The wire item to its public shape. */
  readonly map: (wire: Wire) => Item;
}

/** The invites of `GET /user/invites`. */
export const INVITE_CODEC: ItemCodec<WireInvite, Invite> = {
  noun: "invites",
  guard: isWireInvite,
  schema: buildInviteSchema,
  map: toInvite,
};

/** The memberships of `GET /memberships`. */
export const MEMBERSHIP_CODEC: ItemCodec<WireMembership, Membership> = {
  noun: "memberships",
  guard: isWireMembership,
  schema: buildMembershipSchema,
  map: toMembership,
};

/** A list page, validated and mapped. */
export interface ListPage<Item> {
  readonly items: Item[];
  readonly resultInfo: ResultInfo | null | undefined;
}

/**
 * A schema, built on its first use and kept on `globalThis` under this version's key and `name`
 * (never in a module variable: see the comment at the top).
 */
function cachedSchema<T>(name: string, build: (z: typeof Z) => T): T {
  const key = Symbol.for(`${PACKAGE_NAME}@${VERSION}/schema/${name}`);
  const holder = globalThis as { [key]?: T };
  if (holder[key] === undefined) holder[key] = build(zod());
  return holder[key];
}

/**
 * Validates a list body and maps its items (invites unless another codec is given). On failure,
 * returns a readable list of problems, each with its place, e.g.
 * `✖ missing organization_id → at result[3].organization_id`.
 */
export function parseListPage<Wire = WireInvite, Item = Invite>(
  body: unknown,
  codec: ItemCodec<Wire, Item> = INVITE_CODEC as unknown as ItemCodec<Wire, Item>,
): { ok: true; page: ListPage<Item> } | { ok: false; problems: string } {
  let page: WireListEnvelope;
  if (isListEnvelope(body)) page = body;
  else {
    const parsed = cachedSchema("list-envelope", buildListEnvelopeSchema).safeParse(body);
    if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error.issues) };
    page = parsed.data;
  }
  let items: readonly Wire[];
  const result = page.result;
  if (result.every(codec.guard)) items = result;
  else {
    const schema = cachedSchema(`list-of-${codec.noun}`, (z) => z.array(codec.schema(z)));
    const parsed = schema.safeParse(result);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ ...issue, path: ["result", ...issue.path] }));
      return { ok: false, problems: describeIssues(issues) };
    }
    items = parsed.data as Wire[];
  }
  const mapped = new Array<Item>(items.length);
  for (let i = 0; i < items.length; i++) mapped[i] = codec.map(items[i] as Wire);
  return { ok: true, page: { items: mapped, resultInfo: page.result_info } };
}

/** Validates a `GET /user` body and reads the user's two-factor status, or says what is wrong. */
export function parseUser(
  body: unknown,
): { ok: true; user: UserTwoFactorStatus } | { ok: false; problems: string } {
  let envelope: WireUserEnvelope;
  if (isUserEnvelope(body)) envelope = body;
  else {
    const parsed = cachedSchema("user-envelope", buildUserEnvelopeSchema).safeParse(body);
    if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error.issues) };
    envelope = parsed.data;
  }
  return {
    ok: true,
    user: {
      twoFactorAuthenticationEnabled: envelope.result.two_factor_authentication_enabled,
      twoFactorAuthenticationLocked: envelope.result.two_factor_authentication_locked ?? false,
    },
  };
}

/** zod's readable list of problems, for the first few of them, then how many more there were. */
function describeIssues(issues: readonly Z.core.$ZodIssue[]): string {
  const z = zod();
  const shown = z.prettifyError(new z.ZodError(issues.slice(0, LISTED_PROBLEMS)));
  const more = issues.length - LISTED_PROBLEMS;
  return more > 0 ? `${shown}\n… and ${more.toLocaleString("en")} more problems` : shown;
}

/**
 * Maps a validated wire invite to the public shape. Absent and `null` optional fields are left
 * out rather than set to `undefined`: Pulumi outputs must be plain JSON.
 */
export function toInvite(wire: WireInvite): Invite {
  return withoutAbsent<Invite>({
    organizationId: wire.organization_id,
    invitedMemberId: wire.invited_member_id ?? null,
    roles: wire.roles ? roleNames(wire.roles) : [],
    id: wire.id ?? undefined,
    organizationName: wire.organization_name ?? undefined,
    invitedMemberEmail: wire.invited_member_email ?? undefined,
    invitedBy: wire.invited_by ?? undefined,
    invitedOn: wire.invited_on ?? undefined,
    expiresOn: wire.expires_on ?? undefined,
    organizationIsEnforcingTwoFactor: wire.organization_is_enforcing_twofactor ?? undefined,
    status: wire.status ?? undefined,
  });
}

/**
 * Every field of `Item`, an absent one as `undefined`. Keyed by `Required<Item>`'s keys rather than
 * with `-?`, which would also strip the `undefined` again where `exactOptionalPropertyTypes` is off
 * (as in a Pulumi program that compiles this source).
 */
type EveryField<Item> = { -readonly [K in keyof Required<Item>]: Item[K] | undefined };

/**
 * `fields` without its `undefined` ones. An item is built as one literal with every field, so all
 * items share one shape whose fields V8 keeps inside the object: about 25 bytes an item less than
 * adding the optional fields one by one (0.25 MB of a 10,000-invite read), and faster. Cloudflare
 * sends every field, so the `delete` (which makes that one object a slower dictionary) is rare.
 */
function withoutAbsent<Item>(fields: EveryField<Item>): Item {
  for (const key in fields) if (fields[key] === undefined) delete fields[key];
  return fields as Item;
}

/**
 * Role names, objects of the pre-2024 shape reduced to their `name`. A list of names (the usual
 * case) is kept as it is: it belongs to this call's own freshly parsed JSON, which nothing else holds.
 */
function roleNames(roles: readonly (string | { name: string })[]): string[] {
  for (const role of roles) {
    if (typeof role !== "string") return roles.map((r) => (typeof r === "string" ? r : r.name));
  }
  return roles as string[];
}

// --- Cloudflare's error lists, on any answer ---

/** How deep `error_chain`s are followed: real ones are one or two levels. */
const MAX_ERROR_CHAIN_DEPTH = 8;
/** How many messages are kept from one response, however many it sends. */
const MAX_ERROR_MESSAGES = 20;

/**
 * Flattens `errors` and their `error_chain`s into a list, depth first, without recursion and to a
 * bounded depth and length (a server could nest deeper than the call stack allows). Read by hand
 * and leniently: a failing endpoint may answer with anything, and the status alone must still
 * make a useful error; a message without a readable code or text keeps what it has.
 */
export function errorsFromJson(body: unknown): ApiErrorDetail[] {
  if (!isObject(body) || !Array.isArray(body["errors"])) return [];
  const flat: ApiErrorDetail[] = [];
  const pending = (body["errors"] as unknown[]).map((message) => ({ message, depth: 0 })).reverse();
  while (pending.length > 0 && flat.length < MAX_ERROR_MESSAGES) {
    const { message, depth } = pending.pop() as { message: unknown; depth: number };
    if (!isMessage(message)) continue;
    const m = message as Json;
    const raw = m["code"];
    const code = typeof raw === "number" ? raw : Number.parseInt(typeof raw === "string" ? raw : "", 10);
    flat.push({
      code: Number.isSafeInteger(code) ? code : null,
      message: typeof m["message"] === "string" ? m["message"] : "",
    });
    if (depth + 1 < MAX_ERROR_CHAIN_DEPTH) {
      for (const nested of [...((m["error_chain"] as unknown[] | undefined) ?? [])].reverse())
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
