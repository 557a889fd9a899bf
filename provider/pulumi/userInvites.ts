import * as pulumi from "@pulumi/pulumi";
import { CREDENTIAL_KEYS } from "../cloudflare/credentials";
import type { Invite, InviteStatus } from "../cloudflare/invite";
import type { OrganizationNotEnforcingTwoFactor } from "../views/twoFactor";
import { CloudflareConfigError } from "../core/errors";
import { formatProblems, unknownKeyProblems } from "../core/problems";
import { INPUT_KEYS, PUBLIC_INPUT_KEYS } from "./inputs";
import { UserInvitesPolicyView } from "./policyView";
import { UserInvitesProvider, USER_INVITES_ID } from "./provider";
import type { UserInvitesOutputs } from "./runtime";

export { USER_INVITES_TYPE } from "./typeTokens";

/** Arguments of {@link UserInvites} (and of `getUserInvitesOutput`); every field is optional. */
export interface UserInvitesArgs {
  /** Keep only invites with these statuses, e.g. `["pending"]`. */
  readonly statuses?: pulumi.Input<pulumi.Input<InviteStatus>[]>;
  /** Keep only invites into these organizations (32-character hex ids). */
  readonly organizationIds?: pulumi.Input<pulumi.Input<string>[]>;
  /** API root; default `cloudflare:baseUrl`, `CLOUDFLARE_BASE_URL`, else Cloudflare's. */
  readonly baseUrl?: pulumi.Input<string>;
  /** API token; default `cloudflare:apiToken`, then `CLOUDFLARE_API_TOKEN`. The resource always stores it as a secret. */
  readonly apiToken?: pulumi.Input<string>;
  /** Global API key, with `apiEmail`; default `cloudflare:apiKey`, `CLOUDFLARE_API_KEY`. Always a secret. */
  readonly apiKey?: pulumi.Input<string>;
  /** Email of the Global API key's user; default `cloudflare:email`, `CLOUDFLARE_EMAIL`. Always a secret. */
  readonly apiEmail?: pulumi.Input<string>;
}

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
  /**
   * Organizations reached by a pending or accepted invite that do not enforce two-factor
   * authentication (`enforcesTwoFactor: false`) or do not say (`null`): what the policy pack and
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
    // Only the known keys are passed on below, so a misspelt one must be refused here, where the
    // program still has it (the engine does not call the provider's check before a read).
    const unknown = unknownKeyProblems(args, INPUT_KEYS, "argument");
    if (unknown.length > 0) {
      throw new CloudflareConfigError(`Invalid UserInvites arguments: ${formatProblems(unknown)}.`);
    }
    const outputs: Record<
      Exclude<keyof UserInvitesOutputs, (typeof PUBLIC_INPUT_KEYS)[number]>,
      undefined
    > = {
      invites: undefined,
      pendingOrganizationIds: undefined,
      organizationsNotEnforcingTwoFactor: undefined,
      inviteCountByStatus: undefined,
      pendingInvitesPastExpiry: undefined,
    };
    const props: Record<string, unknown> = { ...outputs };
    for (const key of PUBLIC_INPUT_KEYS) props[key] = args[key];
    for (const key of CREDENTIAL_KEYS) {
      props[key] = args[key] === undefined ? undefined : pulumi.secret(args[key]);
    }
    super(
      provider,
      name,
      props,
      {
        ...opts,
        id: opts.id ?? USER_INVITES_ID,
        additionalSecretOutputs: [...(opts.additionalSecretOutputs ?? []), ...CREDENTIAL_KEYS],
      },
      "cloudflare",
      "UserInvites",
    );
    // Registered for what it does in the engine, not kept: it is how policies see this read.
    new UserInvitesPolicyView(name, this.invites, { parent: this });
  }
}
