import { z } from "zod";

/**
 * The wire format of `GET /user/invites`, and its transform into the public camelCase {@link Invite}.
 *
 * Lenient where Cloudflare has changed the shape before (unknown keys, `null` in optional fields,
 * pre-2024 role objects, statuses that are no longer documented), strict where the data would be
 * wrong (no `organization_id`, a `result` that is not a list, a date that is not a date).
 *
 * The schemas are built by functions, never at module level: a zod schema captured by a dynamic
 * provider's closure cannot be serialized ("bound safeParseAsync could not be serialized").
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

/** Builds the schema of one message in `errors` / `messages`, including nested `error_chain`s. */
export function buildMessageSchema() {
  const message: z.ZodType<WireMessage> = z.lazy(() =>
    z.object({
      code: z.union([z.number(), z.string()]).optional(),
      message: z.string().optional(),
      error_chain: z.array(message).optional(),
    }),
  );
  return message;
}

/** A Cloudflare `Message`, reduced to the fields this package reads. */
export interface WireMessage {
  code?: number | string | undefined;
  message?: string | undefined;
  error_chain?: WireMessage[] | undefined;
}

/** Builds the schema of one invite on the wire, transformed into an {@link Invite}. */
export function buildInviteSchema() {
  const optionalString = z.string().nullish();
  const dateTime = z
    .string()
    .refine((value) => !Number.isNaN(Date.parse(value)), {
      message: "expected an ISO 8601 date-time",
    })
    .nullish();
  // Until Nov 2024 roles were objects {id, name, description, permissions}: keep their names.
  const role = z.union([z.string(), z.object({ name: z.string() }).transform((r) => r.name)]);
  return z
    .object({
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
      roles: z.array(role).nullish(),
      status: optionalString,
    })
    .transform(toInvite);
}

/** The wire invite after validation, before it becomes camelCase. */
interface ValidatedWireInvite {
  id?: string | null | undefined;
  organization_id: string;
  organization_name?: string | null | undefined;
  invited_member_id?: string | null | undefined;
  invited_member_email?: string | null | undefined;
  invited_by?: string | null | undefined;
  invited_on?: string | null | undefined;
  expires_on?: string | null | undefined;
  organization_is_enforcing_twofactor?: boolean | null | undefined;
  roles?: string[] | null | undefined;
  status?: string | null | undefined;
}

/**
 * Maps a validated wire invite to the public shape. Absent and `null` optional fields are left
 * out rather than set to `undefined`: Pulumi outputs must be plain JSON.
 */
function toInvite(wire: ValidatedWireInvite): Invite {
  const invite: { -readonly [K in keyof Invite]: Invite[K] } = {
    organizationId: wire.organization_id,
    invitedMemberId: wire.invited_member_id ?? null,
    roles: wire.roles ?? [],
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
 * Builds the schema of a successful List Invitations envelope. `errors` and `messages` default to
 * empty lists; `result_info` is optional and only its numeric paging fields are read.
 */
export function buildListEnvelopeSchema() {
  const message = buildMessageSchema();
  const count = z.number().int().nonnegative().nullish();
  return z.object({
    success: z.boolean(),
    errors: z.array(message).nullish(),
    messages: z.array(message).nullish(),
    result: z.array(buildInviteSchema(), {
      error: (issue) =>
        issue.input === null || issue.input === undefined
          ? "missing result: expected a list of invites"
          : "expected a list of invites",
    }),
    result_info: z
      .object({
        page: count,
        per_page: count,
        count: count,
        total_count: count,
        total_pages: count,
      })
      .nullish(),
  });
}

/** A successful List Invitations page after validation. */
export type ListEnvelope = z.output<ReturnType<typeof buildListEnvelopeSchema>>;

/** Paging facts from `result_info`, when Cloudflare sends them. */
export type ResultInfo = NonNullable<ListEnvelope["result_info"]>;

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
