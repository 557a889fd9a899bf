import { INPUT_NAMES, INPUTS, type InputSpec } from "../cloudflare/inputs";
import { KNOWN_INVITE_STATUSES } from "../cloudflare/invite";
import { PLUGIN_FUNCTION_TOKEN, PLUGIN_PACKAGE, PLUGIN_RESOURCE_TOKEN } from "../core/typeTokens";
import { VERSION } from "../core/version";
import { COMPUTED_OUTPUT_KEYS, ECHOED_INPUT_KEYS } from "../pulumi/inputs";

/**
 * The Pulumi package schema of the provider plugin, derived from the one declaration of the inputs
 * (`INPUTS`) and the outputs the resource computes (`COMPUTED_OUTPUT_KEYS`): what `pulumi package
 * get-schema` prints, what SDK generators read, and what the committed `schema.json` holds.
 */

export { PLUGIN_FUNCTION_TOKEN, PLUGIN_PACKAGE, PLUGIN_RESOURCE_TOKEN } from "../core/typeTokens";

const INVITE_TYPE = `${PLUGIN_PACKAGE}:index:Invite`;
const ORGANIZATION_TYPE = `${PLUGIN_PACKAGE}:index:OrganizationNotEnforcingTwoFactor`;
const STATUS_TYPE = `${PLUGIN_PACKAGE}:index:InviteStatus`;

type Property = Record<string, unknown>;

const ref = (token: string) => ({ $ref: `#/types/${token}` });
const string = (description: string): Property => ({ type: "string", description });
const list = (items: Property, description: string): Property => ({ type: "array", items, description });

/** One input as a schema property: its type, description, secrecy, default and environment. */
function inputProperty(name: string, spec: InputSpec): Property {
  const property: Property =
    spec.type === "integer"
      ? { type: "integer", description: spec.description }
      : spec.type === "string[]"
        ? list(name === "statuses" ? ref(STATUS_TYPE) : { type: "string" }, spec.description)
        : string(spec.description);
  if (spec.secret) property["secret"] = true;
  if (spec.env !== undefined) property["defaultInfo"] = { environment: [spec.env] };
  return property;
}

/** Every input, by name: the resource's input properties, the function's inputs, the provider's config. */
function inputProperties(names: readonly string[] = INPUT_NAMES): Record<string, Property> {
  return Object.fromEntries(
    names.map((name) => [name, inputProperty(name, INPUTS[name as keyof typeof INPUTS])]),
  );
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
  const credentials = INPUT_NAMES.filter((name) => (INPUTS[name] as InputSpec).config !== undefined);
  return {
    name: PLUGIN_PACKAGE,
    displayName: "Cloudflare user invitations",
    version: VERSION,
    description:
      "Cloudflare user invitations (GET /user/invites) as a read-only resource and a function, with typed outputs.",
    keywords: ["pulumi", "cloudflare", "invites", "category/infrastructure"],
    license: "Apache-2.0",
    config: { variables: inputProperties(credentials) },
    provider: {
      description: "The provider of Cloudflare user invitations.",
      inputProperties: inputProperties(credentials),
    },
    types: {
      [STATUS_TYPE]: {
        type: "string",
        description: "An invitation status a filter may name.",
        enum: (INPUTS.statuses.values as readonly string[]).map((value) => ({ value })),
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
    },
    functions: {
      [PLUGIN_FUNCTION_TOKEN]: {
        description: "Lists the invitations of the Cloudflare user whose credentials are used.",
        inputs: { properties: inputProperties() },
        outputs: { properties: outputs, required: [...COMPUTED_OUTPUT_KEYS] },
      },
    },
    language: {
      nodejs: { respectSchemaVersion: true },
      python: { packageName: "pulumi_cloudflare_user_invites", respectSchemaVersion: true },
      csharp: { rootNamespace: "PulumiCloudflareUserInvites", respectSchemaVersion: true },
    },
  };
}
