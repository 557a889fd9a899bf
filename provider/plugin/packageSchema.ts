import {
  INPUT_NAMES,
  INPUTS,
  MEMBERSHIP_INPUTS,
  type InputDeclaration,
  type InputSpec,
} from "../cloudflare/inputs";
import { KNOWN_INVITE_STATUSES } from "../cloudflare/invite";
import { KNOWN_MEMBERSHIP_STATUSES } from "../cloudflare/membership";
import {
  PLUGIN_FUNCTION_TOKEN,
  PLUGIN_MEMBERSHIPS_FUNCTION_TOKEN,
  PLUGIN_MEMBERSHIPS_RESOURCE_TOKEN,
  PLUGIN_PACKAGE,
  PLUGIN_RESOURCE_TOKEN,
} from "../core/typeTokens";
import { VERSION } from "../core/version";
import {
  COMPUTED_OUTPUT_KEYS,
  ECHOED_INPUT_KEYS,
  MEMBERSHIP_OUTPUT_KEYS,
  MEMBERSHIPS_SHAPE,
} from "../pulumi/inputs";

/**
 * The Pulumi package schema of the provider plugin, derived from the declarations of the inputs
 * (`INPUTS`, `MEMBERSHIP_INPUTS`) and the outputs each read computes: what `pulumi package
 * get-schema` prints, what SDK generators read, and what the committed `schema.json` holds. The
 * tokens it names are core/typeTokens.ts's.
 */

const INVITE_TYPE = `${PLUGIN_PACKAGE}:index:Invite`;
const ORGANIZATION_TYPE = `${PLUGIN_PACKAGE}:index:OrganizationNotEnforcingTwoFactor`;
const STATUS_TYPE = `${PLUGIN_PACKAGE}:index:InviteStatus`;
const MEMBERSHIP_TYPE = `${PLUGIN_PACKAGE}:index:Membership`;
const ACCOUNT_TYPE = `${PLUGIN_PACKAGE}:index:AccountNotEnforcingTwoFactor`;
const MEMBERSHIP_STATUS_TYPE = `${PLUGIN_PACKAGE}:index:MembershipStatus`;

type Property = Record<string, unknown>;

const ref = (token: string) => ({ $ref: `#/types/${token}` });
const string = (description: string): Property => ({ type: "string", description });
const list = (items: Property, description: string): Property => ({ type: "array", items, description });

/** One input as a schema property: its type, description, secrecy, default and environment. */
function inputProperty(spec: InputSpec, statusType: string): Property {
  const property: Property =
    spec.type === "integer"
      ? { type: "integer", description: spec.description }
      : spec.type === "string[]"
        ? list(spec.values === undefined ? { type: "string" } : ref(statusType), spec.description)
        : string(spec.description);
  if (spec.secret) property["secret"] = true;
  if (spec.env !== undefined) property["defaultInfo"] = { environment: [spec.env] };
  return property;
}

/**
 * The inputs of a declaration (invitations' by default), by name: a resource's input properties,
 * a function's inputs, the provider's config.
 */
function inputProperties(
  names: readonly string[] = INPUT_NAMES,
  declaration: InputDeclaration = INPUTS,
  statusType = STATUS_TYPE,
): Record<string, Property> {
  return Object.fromEntries(
    names.map((name) => [name, inputProperty(declaration[name] as InputSpec, statusType)]),
  );
}

/** Every input of the memberships' read. */
function membershipInputProperties(names: readonly string[] = Object.keys(MEMBERSHIP_INPUTS)) {
  return inputProperties(names, MEMBERSHIP_INPUTS, MEMBERSHIP_STATUS_TYPE);
}

/** Every output of the memberships' read: what it computes, and the echoed inputs. */
function membershipOutputProperties(): Record<string, Property> {
  const boolean = (description: string): Property => ({ type: "boolean", description });
  const computed: Record<(typeof MEMBERSHIP_OUTPUT_KEYS)[number], Property> = {
    memberships: list(
      ref(MEMBERSHIP_TYPE),
      "Every membership that matches the filters, ordered by account id, then membership id.",
    ),
    accountIdsByStatus: {
      type: "object",
      additionalProperties: { type: "array", items: { type: "string" } },
      description: "Account ids by membership status; accepted, pending and rejected are always present.",
    },
    accountsNotEnforcingTwoFactor: list(
      ref(ACCOUNT_TYPE),
      "Accounts of accepted memberships that do not enforce two-factor authentication, or do not say.",
    ),
    membershipCountByStatus: {
      type: "object",
      additionalProperties: { type: "integer" },
      description: "Memberships per status; accepted, pending and rejected are always present.",
    },
    twoFactorAuthenticationEnabled: boolean("Whether the user has two-factor authentication turned on."),
    twoFactorAuthenticationLocked: boolean(
      "Whether one of the user's accounts requires two-factor authentication, so it cannot be turned off.",
    ),
  };
  return { ...computed, ...membershipInputProperties(MEMBERSHIPS_SHAPE.echoed) };
}

/** Every output: what the resource's read computes, and the echoed inputs. */
function outputProperties(): Record<string, Property> {
  const computed: Record<(typeof COMPUTED_OUTPUT_KEYS)[number], Property> = {
    invites: list(
      ref(INVITE_TYPE),
      "Every invitation that matches the filters, ordered by organization id, then invite id.",
    ),
    pendingOrganizationIds: list({ type: "string" }, "Ids of organizations with a pending invite, sorted."),
    organizationsNotEnforcingTwoFactor: list(
      ref(ORGANIZATION_TYPE),
      "Organizations reached by a pending or accepted invite that do not enforce two-factor authentication, or do not say.",
    ),
    inviteCountByStatus: {
      type: "object",
      additionalProperties: { type: "integer" },
      description: "Invites per status; pending, accepted, rejected and expired are always present.",
    },
    pendingInvitesPastExpiry: list(ref(INVITE_TYPE), "Pending invites whose expiresOn has passed."),
  };
  return { ...computed, ...inputProperties(ECHOED_INPUT_KEYS) };
}

/** The package schema, as an object (`JSON.stringify` it for the engine). */
export function packageSchema(): Record<string, unknown> {
  const outputs = outputProperties();
  const membershipOutputs = membershipOutputProperties();
  const credentials = INPUT_NAMES.filter((name) => (INPUTS[name] as InputSpec).config !== undefined);
  return {
    name: PLUGIN_PACKAGE,
    displayName: "Cloudflare user invitations and memberships",
    version: VERSION,
    description:
      "Cloudflare user invitations (GET /user/invites) and memberships (GET /memberships, GET /user) as read-only resources and functions, with typed outputs.",
    keywords: ["pulumi", "cloudflare", "invites", "memberships", "category/infrastructure"],
    license: "Apache-2.0",
    config: { variables: inputProperties(credentials) },
    provider: {
      description: "The provider of Cloudflare user invitations and memberships.",
      inputProperties: inputProperties(credentials),
    },
    types: {
      [STATUS_TYPE]: {
        type: "string",
        description: "An invitation status a filter may name.",
        enum: (INPUTS.statuses.values as readonly string[]).map((value) => ({ value })),
      },
      [MEMBERSHIP_STATUS_TYPE]: {
        type: "string",
        description: "A membership status a filter may name.",
        enum: KNOWN_MEMBERSHIP_STATUSES.map((value) => ({ value })),
      },
      [MEMBERSHIP_TYPE]: {
        type: "object",
        description: "The user's membership of one Cloudflare account.",
        properties: {
          id: string("Membership identifier."),
          accountId: string("The account (organization) the membership is of."),
          accountName: string("The account's display name."),
          accountIsEnforcingTwoFactor: {
            type: "boolean",
            description:
              "Whether the account enforces two-factor authentication; absent when Cloudflare does not say.",
          },
          status: string(`${KNOWN_MEMBERSHIP_STATUSES.join(", ")}, or another status Cloudflare sent.`),
          roles: list({ type: "string" }, "Role names the user holds in the account."),
          permissions: list(
            { type: "string" },
            "Granted permissions as <area>:read or <area>:write, sorted.",
          ),
        },
        required: ["accountId", "roles", "permissions"],
      },
      [ACCOUNT_TYPE]: {
        type: "object",
        description: "An account of an accepted membership that does not enforce two-factor authentication.",
        properties: {
          accountId: string("The account's id."),
          accountName: string("The account's name, when Cloudflare gave one."),
          accountIsEnforcingTwoFactor: {
            type: "boolean",
            description:
              "false: it does not enforce two-factor authentication; null: Cloudflare did not say.",
          },
        },
        required: ["accountId"],
      },
      [INVITE_TYPE]: {
        type: "object",
        description: "One invitation to join a Cloudflare organization.",
        properties: {
          id: string("Invite identifier."),
          organizationId: string("The organization (account) the invite is for."),
          organizationName: string("The organization's display name."),
          invitedMemberId: string("The invited member's id; null until the invite is accepted."),
          invitedMemberEmail: string("The invited member's email address."),
          invitedBy: string("Email of the user who sent the invite."),
          invitedOn: string("When the invite was sent (ISO 8601)."),
          expiresOn: string("When the invite stops being active (ISO 8601)."),
          organizationIsEnforcingTwoFactor: {
            type: "boolean",
            description:
              "Whether the organization enforces two-factor authentication; absent when Cloudflare does not say.",
          },
          roles: list({ type: "string" }, "Role names granted by the invite."),
          status: string(`${KNOWN_INVITE_STATUSES.join(", ")}, or another status Cloudflare sent.`),
        },
        required: ["organizationId", "roles"],
      },
      [ORGANIZATION_TYPE]: {
        type: "object",
        description:
          "An organization reached by a counted invite that does not enforce two-factor authentication.",
        properties: {
          organizationId: string("The organization's id."),
          organizationName: string("The organization's name, when Cloudflare gave one."),
          organizationIsEnforcingTwoFactor: {
            type: "boolean",
            description:
              "false: it does not enforce two-factor authentication; null: Cloudflare did not say.",
          },
        },
        required: ["organizationId"],
      },
    },
    resources: {
      [PLUGIN_RESOURCE_TOKEN]: {
        description:
          "The invitations of the Cloudflare user whose credentials are used, read again on every update (and on every preview when declared with `get`). Nothing is created in or deleted from Cloudflare.",
        inputProperties: inputProperties(),
        properties: outputs,
        required: [...COMPUTED_OUTPUT_KEYS],
      },
      [PLUGIN_MEMBERSHIPS_RESOURCE_TOKEN]: {
        description:
          "The memberships of the Cloudflare user whose credentials are used, and the user's own two-factor status, read again on every update (and on every preview when declared with `get`). Needs User > Memberships > Read and User > User Details > Read.",
        inputProperties: membershipInputProperties(),
        properties: membershipOutputs,
        required: [...MEMBERSHIP_OUTPUT_KEYS],
      },
    },
    functions: {
      [PLUGIN_FUNCTION_TOKEN]: {
        description: "Lists the invitations of the Cloudflare user whose credentials are used.",
        inputs: { properties: inputProperties() },
        outputs: { properties: outputs, required: [...COMPUTED_OUTPUT_KEYS] },
      },
      [PLUGIN_MEMBERSHIPS_FUNCTION_TOKEN]: {
        description:
          "Lists the memberships of the Cloudflare user whose credentials are used, with the user's own two-factor status.",
        inputs: { properties: membershipInputProperties() },
        outputs: { properties: membershipOutputs, required: [...MEMBERSHIP_OUTPUT_KEYS] },
      },
    },
    language: {
      nodejs: { respectSchemaVersion: true },
      python: { packageName: "pulumi_cloudflare_user_invites", respectSchemaVersion: true },
      csharp: { rootNamespace: "PulumiCloudflareUserInvites", respectSchemaVersion: true },
    },
  };
}
