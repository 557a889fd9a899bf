import * as pulumi from "@pulumi/pulumi";
import type { InputName, InputValue } from "../cloudflare/inputs";
import type { Invite } from "../cloudflare/invite";
import type { OrganizationNotEnforcingTwoFactor } from "../checks/twoFactor";
import { INVITES_SHAPE } from "./inputs";
import { UserInvitesPolicyView } from "./policyView";
import { CloudflareUserProvider, USER_INVITES_ID } from "./provider";
import { readResourceProps } from "./readResource";

export { USER_INVITES_TYPE } from "../core/typeTokens";

/** An input as a Pulumi program gives it: each value, and each item of a list, may be an `Input`. */
export type ArgOf<Value> = Value extends readonly (infer Item)[]
  ? pulumi.Input<pulumi.Input<Item>[]>
  : pulumi.Input<Value>;

/**
 * Arguments of {@link UserInvites} (and of `getUserInvitesOutput`): every input of the client,
 * each optional (see `INPUTS`). The credentials default to the stack config (`cloudflare:apiToken`,
 * ...), then the `CLOUDFLARE_*` variables, and are always stored as secrets.
 */
export type UserInvitesArgs = { readonly [K in InputName]?: ArgOf<InputValue<K>> };

// One provider object for every resource: the SDK serializes a provider once and caches the text.
const provider = new CloudflareUserProvider("invites");

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
  /**
   * Organizations reached by a pending or accepted invite that do not enforce two-factor
   * authentication (`organizationIsEnforcingTwoFactor: false`) or do not say (`null`): what the policy pack and
   * `audit` flag by default.
   */
  declare readonly organizationsNotEnforcingTwoFactor: pulumi.Output<OrganizationNotEnforcingTwoFactor[]>;
  /** Invites per status; `pending`, `accepted`, `rejected` and `expired` are always present. */
  declare readonly inviteCountByStatus: pulumi.Output<Record<string, number>>;
  /** Pending invites whose `expiresOn` has passed: they can no longer be accepted. */
  declare readonly pendingInvitesPastExpiry: pulumi.Output<Invite[]>;
  /** The status filter, as given. */
  declare readonly statuses: pulumi.Output<string[] | undefined>;
  /** The organization filter, as given. */
  declare readonly organizationIds: pulumi.Output<string[] | undefined>;
  /** The API root, when given as an argument. */
  declare readonly baseUrl: pulumi.Output<string | undefined>;

  constructor(name: string, args: UserInvitesArgs = {}, opts: pulumi.CustomResourceOptions = {}) {
    const read = readResourceProps(INVITES_SHAPE, args, opts, USER_INVITES_ID);
    super(provider, name, read.props, read.opts, "cloudflare", "UserInvites");
    // Registered for what it does in the engine, not kept: it is how policies see this read.
    new UserInvitesPolicyView(name, this.invites, { parent: this });
  }
}
