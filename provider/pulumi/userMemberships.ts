import * as pulumi from "@pulumi/pulumi";
import type { MEMBERSHIP_INPUTS, MembershipInputValues } from "../cloudflare/inputs";
import type { Membership } from "../cloudflare/membership";
import type { AccountNotEnforcingTwoFactor } from "../checks/twoFactor";
import { MEMBERSHIPS_SHAPE } from "./inputs";
import { UserMembershipsPolicyView } from "./policyView";
import { CloudflareUserProvider, USER_MEMBERSHIPS_ID } from "./provider";
import { readResourceProps } from "./readResource";
import type { ArgOf } from "./userInvites";

export { USER_MEMBERSHIPS_TYPE } from "../core/typeTokens";

/**
 * Arguments of {@link UserMemberships} (and of `getUserMembershipsOutput`): the filters
 * (`statuses`, `accountIds`) and every connection input of `UserInvites`, each optional.
 */
export type UserMembershipsArgs = {
  readonly [K in keyof typeof MEMBERSHIP_INPUTS]?: ArgOf<NonNullable<MembershipInputValues[K]>>;
};

// One provider object for every resource, as for UserInvites.
const provider = new CloudflareUserProvider("memberships");

/**
 * The memberships of the Cloudflare user whose credentials the stack uses (`GET /memberships`),
 * beside the user's own two-factor status (`GET /user`), as a read-only resource read on every
 * preview and up, like `UserInvites`. It answers what invitations cannot once accepted: which
 * accounts the user holds access to, and whether they (and the user) enforce two-factor
 * authentication. The token needs User > Memberships > Read and User > User Details > Read.
 * It registers a {@link UserMembershipsPolicyView} child, which is what CrossGuard policies see.
 */
export class UserMemberships extends pulumi.dynamic.Resource {
  /** Every membership that matches the filters, ordered by account id, then membership id. */
  declare readonly memberships: pulumi.Output<Membership[]>;
  /** Account ids by membership status; `accepted`, `pending` and `rejected` are always present. */
  declare readonly accountIdsByStatus: pulumi.Output<Record<string, string[]>>;
  /**
   * Accounts of accepted memberships that do not enforce two-factor authentication
   * (`accountIsEnforcingTwoFactor: false`) or do not say (`null`): what the policy pack and `audit` flag.
   */
  declare readonly accountsNotEnforcingTwoFactor: pulumi.Output<AccountNotEnforcingTwoFactor[]>;
  /** Memberships per status; `accepted`, `pending` and `rejected` are always present. */
  declare readonly membershipCountByStatus: pulumi.Output<Record<string, number>>;
  /** Whether the user has two-factor authentication turned on. */
  declare readonly twoFactorAuthenticationEnabled: pulumi.Output<boolean>;
  /** Whether one of the user's accounts requires two-factor authentication, so it cannot be turned off. */
  declare readonly twoFactorAuthenticationLocked: pulumi.Output<boolean>;
  /** The status filter, as given. */
  declare readonly statuses: pulumi.Output<string[] | undefined>;
  /** The account filter, as given. */
  declare readonly accountIds: pulumi.Output<string[] | undefined>;
  /** The API root, when given as an argument. */
  declare readonly baseUrl: pulumi.Output<string | undefined>;

  constructor(name: string, args: UserMembershipsArgs = {}, opts: pulumi.CustomResourceOptions = {}) {
    const read = readResourceProps(MEMBERSHIPS_SHAPE, args, opts, USER_MEMBERSHIPS_ID);
    super(provider, name, read.props, read.opts, "cloudflare", "UserMemberships");
    // Registered for what it does in the engine, not kept: it is how policies see this read.
    new UserMembershipsPolicyView(
      name,
      { memberships: this.memberships, twoFactorAuthenticationEnabled: this.twoFactorAuthenticationEnabled },
      { parent: this },
    );
  }
}
