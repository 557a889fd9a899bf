import * as pulumi from "@pulumi/pulumi";
import type { Invite } from "../cloudflare/invite";
import type { Membership } from "../cloudflare/membership";
import { USER_INVITES_POLICY_VIEW_TYPE, USER_MEMBERSHIPS_POLICY_VIEW_TYPE } from "../core/typeTokens";

export { USER_INVITES_POLICY_VIEW_TYPE, USER_MEMBERSHIPS_POLICY_VIEW_TYPE } from "../core/typeTokens";

/**
 * What CrossGuard sees of a `UserInvites` read. The engine keeps "get"-style reads out of the
 * resources it hands to `validateStack` (they are recorded as reads, not as resources the stack
 * manages), so without this a policy would never see the invitations and would pass every stack.
 * A component's registered outputs are handed to policies, in previews too, so each `UserInvites`
 * registers one of these as its child with its `invites` output and nothing else.
 */
export class UserInvitesPolicyView extends pulumi.ComponentResource {
  /** The parent's `invites` output. */
  public readonly invites: pulumi.Output<Invite[]>;

  constructor(name: string, invites: pulumi.Output<Invite[]>, opts: pulumi.ComponentResourceOptions) {
    super(USER_INVITES_POLICY_VIEW_TYPE, name, {}, opts);
    this.invites = invites;
    this.registerOutputs({ invites });
  }
}

/**
 * What CrossGuard sees of a `UserMemberships` read, for the same reason as
 * {@link UserInvitesPolicyView}: its `memberships` and the user's `twoFactorAuthenticationEnabled`.
 */
export class UserMembershipsPolicyView extends pulumi.ComponentResource {
  /** The parent's `memberships` output. */
  public readonly memberships: pulumi.Output<Membership[]>;
  /** The parent's `twoFactorAuthenticationEnabled` output. */
  public readonly twoFactorAuthenticationEnabled: pulumi.Output<boolean>;

  constructor(
    name: string,
    outputs: {
      readonly memberships: pulumi.Output<Membership[]>;
      readonly twoFactorAuthenticationEnabled: pulumi.Output<boolean>;
    },
    opts: pulumi.ComponentResourceOptions,
  ) {
    super(USER_MEMBERSHIPS_POLICY_VIEW_TYPE, name, {}, opts);
    this.memberships = outputs.memberships;
    this.twoFactorAuthenticationEnabled = outputs.twoFactorAuthenticationEnabled;
    this.registerOutputs({ ...outputs });
  }
}
