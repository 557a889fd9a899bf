import { z } from "zod";
import { LISTED_PROBLEMS } from "./bounded";
import { PACKAGE_NAME, VERSION } from "./version";

/**
 * The wire format of `GET /user/invites`, and its mapping to the public camelCase {@link Invite}.
 *
 * Lenient where Cloudflare has changed the shape before (unknown keys, `null` in optional fields,
 * pre-2024 role objects, statuses that are no longer documented), strict where the data would be
 * wrong (no `organization_id`, a `result` that is not a list, a date that is not a date).
 *
 * The schemas are plain objects of plain checks (no refinements or transforms), which keeps them
 * on zod's compiled fast path; the camelCase mapping is a separate function. They are built once
 * per process and kept on `globalThis`, never in a module variable: a zod schema captured by a
 * dynamic provider's closure cannot be serialized ("bound safeParseAsync could not be serialized").
 */

/** The statuses Cloudflare documents today. */
export const KNOWN_INVITE_STATUSES = ["pending", "accepted", "rejected", "expired"] as const;

/** Statuses older organization invites carried; still accepted as filter values. */
export const LEGACY_INVITE_STATUSES = ["canceled", "left"] as const;

/**
 * An invite's status: one of the documented values, or whatever string Cloudflare sent
 * (kept as it is, so a new status never breaks a read).
 */
export type InviteStatus = (typeof KNOWN_INVITE_STATUSES)[number] | (string & {});

/** One invitation to join a Cloudflare organization, as exposed to Pulumi programs. */
export interface Invite {
  /** Invite identifier. Absent only if Cloudflare omits it. */
  readonly id?: string;
  /** The organization (account) the invite is for. Always present. */
  readonly organizationId: string;
  /** The organization's display name. */
  readonly organizationName?: string;
  /** The invited member's id; `null` until the invite is accepted. */
  readonly invitedMemberId: string | null;
  /** The invited member's email address. */
  readonly invitedMemberEmail?: string;
  /** Email of the user who sent the invite. */
  readonly invitedBy?: string;
  /** When the invite was sent, as Cloudflare wrote it (ISO 8601). */
  readonly invitedOn?: string;
  /** When the invite stops being active (ISO 8601). */
  readonly expiresOn?: string;
  /** Whether the organization requires two-factor auth; absent when Cloudflare does not say. */
  readonly organizationIsEnforcingTwoFactor?: boolean;
  /** Role names granted by the invite; empty when none are listed. */
  readonly roles: readonly string[];
  /** `pending`, `accepted`, `rejected`, `expired`, or another string Cloudflare sent. */
  readonly status?: InviteStatus;
}

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
export function buildMessageSchema(): z.ZodType<WireMessage> {
  return z.object({
    code: z.union([z.number(), z.string()]).optional(),
    message: z.string().optional(),
    error_chain: z.array(z.unknown()).optional(),
  });
}

/** Builds the schema of one invite on the wire. */
export function buildInviteSchema() {
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

/** One invite on the wire after validation. */
export type ValidatedWireInvite = z.output<ReturnType<typeof buildInviteSchema>>;

/**
 * Builds the schema of a List Invitations envelope, without the invites themselves: they are
 * validated apart, so a bad envelope is reported before thousands of invites are looked at.
 */
export function buildListEnvelopeSchema() {
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

/**
 * Builds the schema of an error envelope. Every field is optional: a failing endpoint may answer
 * with anything, and the status code alone must still produce a useful error.
 */
export function buildErrorEnvelopeSchema() {
  const message = buildMessageSchema();
  return z.object({
    success: z.boolean().optional(),
    errors: z.array(message).nullish(),
    messages: z.array(message).nullish(),
  });
}

/** The schemas of this package, built once per process. */
export interface Schemas {
  readonly envelope: ReturnType<typeof buildListEnvelopeSchema>;
  readonly invites: z.ZodArray<ReturnType<typeof buildInviteSchema>>;
  readonly errorEnvelope: ReturnType<typeof buildErrorEnvelopeSchema>;
  readonly message: ReturnType<typeof buildMessageSchema>;
}

/**
 * The schemas, built on first use and kept on `globalThis` under a key naming this version, so
 * that every call after the first skips building and compiling them, and so that nothing the
 * provider's closure captures ever holds one.
 */
export function schemas(): Schemas {
  const key = Symbol.for(`${PACKAGE_NAME}@${VERSION}/schemas`);
  const holder = globalThis as { [key]?: Schemas };
  return (holder[key] ??= {
    envelope: buildListEnvelopeSchema(),
    invites: z.array(buildInviteSchema()),
    errorEnvelope: buildErrorEnvelopeSchema(),
    message: buildMessageSchema(),
  });
}

/** Paging facts from `result_info`, when Cloudflare sends them. */
export type ResultInfo = NonNullable<z.output<ReturnType<typeof buildListEnvelopeSchema>>["result_info"]>;

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
  const { envelope, invites } = schemas();
  const parsed = envelope.safeParse(body);
  if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error.issues) };
  // One array parse: zod's compiled loop is faster than an item-by-item safeParse.
  const items = invites.safeParse(parsed.data.result);
  if (!items.success) {
    const issues = items.error.issues.map((issue) => ({ ...issue, path: ["result", ...issue.path] }));
    return { ok: false, problems: describeIssues(issues) };
  }
  return { ok: true, page: { invites: items.data.map(toInvite), resultInfo: parsed.data.result_info } };
}

/** zod's readable list of problems, for the first few of them, then how many more there were. */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = z.prettifyError(new z.ZodError(issues.slice(0, LISTED_PROBLEMS)));
  const more = issues.length - LISTED_PROBLEMS;
  return more > 0 ? `${shown}\n… and ${more.toLocaleString("en")} more problems` : shown;
}

/**
 * Maps a validated wire invite to the public shape. Absent and `null` optional fields are left
 * out rather than set to `undefined`: Pulumi outputs must be plain JSON.
 */
export function toInvite(wire: ValidatedWireInvite): Invite {
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

/** Role names; zod's own array is kept when it already holds only names (the usual case). */
function roleNames(roles: readonly (string | { name: string })[]): string[] {
  return roles.every((role) => typeof role === "string")
    ? (roles as string[])
    : roles.map((role) => (typeof role === "string" ? role : role.name));
}
