import type { z as Z } from "zod";
import { LISTED_PROBLEMS } from "../core/limits";
import { PACKAGE_NAME, VERSION } from "../core/version";
import { buildMessageSchema } from "./http/wireErrors";
import { loadZod } from "../core/zod";
import { isInviteList, isListEnvelope } from "./generated/validators";
import type { Invite } from "./invite";

/**
 * The wire format of `GET /user/invites`, and its mapping to the public camelCase {@link Invite}.
 * zod is the only statement of the wire shape: validation, and the explanation of a bad page.
 *
 * Lenient where Cloudflare has changed the shape before (unknown keys, `null` in optional fields,
 * pre-2024 role objects, statuses that are no longer documented), strict where the data would be
 * wrong (no `organization_id`, a `result` that is not a list, a date that is not a date).
 *
 * The schemas are plain objects of plain checks (no refinements or transforms), which zod's
 * compiler turns into plain validating functions: `npm run generate` writes them to
 * generated/validators.ts, and a test keeps that file equal to what the compiler makes of these
 * schemas today. A good page is checked by those functions, which build no parsed copy and need no
 * zod loaded, and mapped straight from the JSON; only a page they refuse is handed to zod's
 * `safeParse`, which explains what is wrong (or, should the two ever disagree, decides). The
 * schemas are built on that first need and kept on `globalThis`, never in a module variable: a zod
 * schema captured by a dynamic provider's closure cannot be serialized ("bound safeParseAsync could
 * not be serialized").
 */

/** Builds the schema of one invite on the wire. */
export function buildInviteSchema() {
  const z = loadZod();
  const optionalString = z.string().nullish();
  const dateTime = z.iso
    .datetime({ offset: true, local: true, error: "expected an ISO 8601 date-time" })
    .nullish();
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

/** One invite on the wire, as validated (validation keeps the JSON object as it is). */
export type WireInviteShape = Z.input<ReturnType<typeof buildInviteSchema>>;

/**
 * Builds the schema of a List Invitations envelope, without the invites themselves: they are
 * validated apart, so a bad envelope is reported before thousands of invites are looked at.
 */
export function buildListEnvelopeSchema() {
  const z = loadZod();
  const message = buildMessageSchema();
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

/** The list schemas. */
export interface ListSchemas {
  readonly envelope: ReturnType<typeof buildListEnvelopeSchema>;
  readonly invites: Z.ZodArray<ReturnType<typeof buildInviteSchema>>;
}

/**
 * The schemas, built on first use and kept on `globalThis` under a key naming this version, so
 * that every call after the first skips building them, and so that nothing the provider's closure
 * captures ever holds one.
 */
export function schemas(): ListSchemas {
  const key = Symbol.for(`${PACKAGE_NAME}@${VERSION}/list-schemas`);
  const holder = globalThis as { [key]?: ListSchemas };
  return (holder[key] ??= {
    envelope: buildListEnvelopeSchema(),
    invites: loadZod().array(buildInviteSchema()),
  });
}

/** Paging facts from `result_info`, when Cloudflare sends them. */
export type ResultInfo = NonNullable<Z.output<ReturnType<typeof buildListEnvelopeSchema>>["result_info"]>;

/** A List Invitations page, validated and mapped. */
export interface ListPage {
  readonly invites: Invite[];
  readonly resultInfo: ResultInfo | null | undefined;
}

/**
 * Validates a List Invitations body and maps its invites. On failure, returns a readable list of
 * problems, each with its place, e.g. `✖ missing organization_id → at result[3].organization_id`.
 */
export function parseListPage(body: unknown): { ok: true; page: ListPage } | { ok: false; problems: string } {
  let page: Z.input<ListSchemas["envelope"]>;
  if (isListEnvelope(body)) page = body as typeof page;
  else {
    const parsed = schemas().envelope.safeParse(body);
    if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error.issues) };
    page = parsed.data;
  }
  let items: readonly WireInviteShape[];
  if (isInviteList(page.result)) items = page.result as WireInviteShape[];
  else {
    const parsed = schemas().invites.safeParse(page.result);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ ...issue, path: ["result", ...issue.path] }));
      return { ok: false, problems: describeIssues(issues) };
    }
    items = parsed.data;
  }
  const mapped = new Array<Invite>(items.length);
  for (let i = 0; i < items.length; i++) mapped[i] = toInvite(items[i] as WireInviteShape);
  return { ok: true, page: { invites: mapped, resultInfo: page.result_info } };
}

/** zod's readable list of problems, for the first few of them, then how many more there were. */
function describeIssues(issues: readonly Z.core.$ZodIssue[]): string {
  const z = loadZod();
  const shown = z.prettifyError(new z.ZodError(issues.slice(0, LISTED_PROBLEMS)));
  const more = issues.length - LISTED_PROBLEMS;
  return more > 0 ? `${shown}\n… and ${more.toLocaleString("en")} more problems` : shown;
}

/**
 * Maps a validated wire invite to the public shape. Absent and `null` optional fields are left
 * out rather than set to `undefined`: Pulumi outputs must be plain JSON.
 */
export function toInvite(wire: WireInviteShape): Invite {
  const invite: { -readonly [K in keyof Invite]: Invite[K] } = {
    organizationId: wire.organization_id,
    invitedMemberId: wire.invited_member_id ?? null,
    roles: wire.roles ? roleNames(wire.roles) : [],
  };
  if (wire.id != null) invite.id = wire.id;
  if (wire.organization_name != null) invite.organizationName = wire.organization_name;
  if (wire.invited_member_email != null) invite.invitedMemberEmail = wire.invited_member_email;
  if (wire.invited_by != null) invite.invitedBy = wire.invited_by;
  if (wire.invited_on != null) invite.invitedOn = wire.invited_on;
  if (wire.expires_on != null) invite.expiresOn = wire.expires_on;
  if (wire.organization_is_enforcing_twofactor != null) {
    invite.organizationIsEnforcingTwoFactor = wire.organization_is_enforcing_twofactor;
  }
  if (wire.status != null) invite.status = wire.status;
  return invite;
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
