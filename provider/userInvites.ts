import * as pulumi from "@pulumi/pulumi";
import { UserInvitesProvider, USER_INVITES_ID } from "./provider";
import type { UserInvitesOutputs } from "./runtime";
import type { Invite, InviteStatus } from "./schema";
import type { OrganizationWithoutTwoFactor } from "./summary";
import { UserInvitesPolicyView } from "./policyView";

/** Arguments of {@link UserInvites}; every field is optional. */
export interface UserInvitesArgs {
  /** Keep only invites with these statuses, e.g. `["pending"]`. */
  readonly status?: pulumi.Input<pulumi.Input<InviteStatus>[]>;
  /** Keep only invites into these organizations (32-character hex ids). */
  readonly organizationIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** API root; default `cloudflare:baseUrl`, `CLOUDFLARE_BASE_URL`, else Cloudflare's. */
  readonly baseUrl?: pulumi.Input<string>;
  /** API token; default `cloudflare:apiToken`, then `CLOUDFLARE_API_TOKEN`. Always stored as a secret. */
  readonly apiToken?: pulumi.Input<string>;
  /** Global API key, with `apiEmail`; default `cloudflare:apiKey`, `CLOUDFLARE_API_KEY`. Always a secret. */
  readonly apiKey?: pulumi.Input<string>;
  /** Email of the Global API key's user; default `cloudflare:email`, `CLOUDFLARE_EMAIL`. Always a secret. */
  readonly apiEmail?: pulumi.Input<string>;
}

/** The Pulumi type token of the resource: match on it in policies (`isType` does not see dynamic resources). */
export const USER_INVITES_TYPE = "pulumi-nodejs:dynamic/cloudflare:UserInvites";

const CREDENTIAL_ARGS = ["apiToken", "apiKey", "apiEmail"] as const;

// One provider object for every resource: the SDK serializes a provider once and caches the text.
const provider = new UserInvitesProvider();

/**
 * The invitations of the Cloudflare user whose credentials the stack uses (`GET /user/invites`),
 * as a read-only resource. It is read "get"-style: the engine calls the provider's `read` on every
 * `pulumi preview` and `pulumi up`, so outputs are always fresh, and nothing is ever created in or
 * deleted from Cloudflare (`pulumi destroy` only forgets it). It registers a
 * {@link UserInvitesPolicyView} child holding its `invites`, which is what CrossGuard policies see.
 */
export class UserInvites extends pulumi.dynamic.Resource {
  /** Every invitation that matches the filters, ordered by organization id, then invite id. */
  declare readonly invites: pulumi.Output<Invite[]>;
  /** Ids of organizations with a pending invite, sorted. */
  declare readonly pendingOrganizationIds: pulumi.Output<string[]>;
  /** Organizations reached by an invite that do not enforce two-factor auth (`enforcesTwoFactor: false`) or do not say (`null`). */
  declare readonly organizationsNotEnforcingTwoFactor: pulumi.Output<OrganizationWithoutTwoFactor[]>;
  /** Invites per status; `pending`, `accepted`, `rejected` and `expired` are always present. */
  declare readonly inviteCountByStatus: pulumi.Output<Record<string, number>>;
  /** Pending invites whose `expiresOn` has passed: they can no longer be accepted. */
  declare readonly pendingInvitesPastExpiry: pulumi.Output<Invite[]>;
  /** The status filter, as given. */
  declare readonly status: pulumi.Output<string[] | undefined>;
  /** The organization filter, as given. */
  declare readonly organizationIds: pulumi.Output<string[] | undefined>;
  /** The API root, when given as an argument. */
  declare readonly baseUrl: pulumi.Output<string | undefined>;

  constructor(name: string, args: UserInvitesArgs = {}, opts: pulumi.CustomResourceOptions = {}) {
    const outputs: Record<
      Exclude<keyof UserInvitesOutputs, "status" | "organizationIds" | "baseUrl">,
      undefined
    > = {
      invites: undefined,
      pendingOrganizationIds: undefined,
      organizationsNotEnforcingTwoFactor: undefined,
      inviteCountByStatus: undefined,
      pendingInvitesPastExpiry: undefined,
    };
    const props: Record<string, unknown> = {
      ...outputs,
      status: args.status,
      organizationIds: args.organizationIds,
      baseUrl: args.baseUrl,
    };
    for (const key of CREDENTIAL_ARGS) {
      props[key] = args[key] === undefined ? undefined : pulumi.secret(args[key]);
    }
    super(
      provider,
      name,
      props,
      {
        ...opts,
        id: opts.id ?? USER_INVITES_ID,
        additionalSecretOutputs: [...(opts.additionalSecretOutputs ?? []), ...CREDENTIAL_ARGS],
      },
      "cloudflare",
      "UserInvites",
    );
    // Registered for what it does in the engine, not kept: it is how policies see this read.
    new UserInvitesPolicyView(name, this.invites, { parent: this });
  }
}
