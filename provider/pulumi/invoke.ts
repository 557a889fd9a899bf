import * as pulumi from "@pulumi/pulumi";
import { CloudflareConfigError } from "../cloudflare/errors";
import type { InputValues, MembershipInputValues } from "../cloudflare/inputs";
import type { Invite } from "../cloudflare/invite";
import type { InviteSummary } from "../checks/summary";
import {
  readUserInvites,
  readUserMemberships,
  stackSettingsFrom,
  type UserMembershipsOutputs,
} from "./runtime";
import type { UserInvitesArgs } from "./userInvites";
import type { UserMembershipsArgs } from "./userMemberships";

/**
 * The invokes, in the shape of `@pulumi/cloudflare`'s `getX` / `getXOutput` pairs. They read in the
 * program itself, the way `aws.getCallerIdentity` works: nothing is stored in state, and the read
 * happens on every preview and update.
 */

/** Arguments of {@link getUserInvites}: every input of the client, each optional (see `INPUTS`). */
export type GetUserInvitesArgs = InputValues;

/**
 * Arguments of {@link getUserInvitesOutput}: the resource's, each may be an `Input`. A secret arg
 * (a token from `config.requireSecret`, say) makes the whole result secret.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a name of its own, as @pulumi/cloudflare's invokes have
export interface GetUserInvitesOutputArgs extends UserInvitesArgs {}

/** What {@link getUserInvites} returns: the invites, the summaries, and the filters as given. */
export interface GetUserInvitesResult extends InviteSummary {
  /** Every invitation that matches the filters, ordered by organization id, then invite id. */
  readonly invites: readonly Invite[];
  /** The status filter, as given. */
  readonly statuses?: readonly string[] | undefined;
  /** The organization filter, as given. */
  readonly organizationIds?: readonly string[] | undefined;
  /** The API root, when given as an argument. */
  readonly baseUrl?: string | undefined;
}

/**
 * Lists the invitations of the Cloudflare user the credentials belong to (`GET /user/invites`).
 * Credentials: the args, then the stack config (`cloudflare:apiToken`, ...), then `CLOUDFLARE_*`.
 *
 * `opts` is Pulumi's `InvokeOptions`: `parent`, `version` and `pluginDownloadURL` select nothing
 * here (the read runs in the program, with no plugin), and a `provider` is refused, because its
 * credentials cannot be read back from it: pass `apiToken` instead.
 */
export async function getUserInvites(
  args: GetUserInvitesArgs = {},
  opts: pulumi.InvokeOptions = {},
): Promise<GetUserInvitesResult> {
  refuseProvider(opts, "getUserInvites");
  return readUserInvites(args, programSettings(), { onlyInputs: true });
}

/**
 * {@link getUserInvites} for `Input` args, returning an `Output`. As with Pulumi's own invokes,
 * the result is secret if any arg is (a secret token makes the whole result secret), and
 * `opts.dependsOn` delays the read until those resources are created (their ids are known), so
 * in a preview that creates them the result is unknown.
 */
export function getUserInvitesOutput(
  args: GetUserInvitesOutputArgs = {},
  opts: pulumi.InvokeOutputOptions = {},
): pulumi.Output<GetUserInvitesResult> {
  refuseProvider(opts, "getUserInvites");
  return whenReady(args, opts, (plain) => getUserInvites(plain as GetUserInvitesArgs));
}

/** Arguments of {@link getUserMemberships}: the filters and every connection input, each optional. */
export type GetUserMembershipsArgs = MembershipInputValues;

/** Arguments of {@link getUserMembershipsOutput}: the resource's, each may be an `Input`. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a name of its own, as @pulumi/cloudflare's invokes have
export interface GetUserMembershipsOutputArgs extends UserMembershipsArgs {}

/** What {@link getUserMemberships} returns: the `UserMemberships` resource's outputs. */
export type GetUserMembershipsResult = UserMembershipsOutputs;

/**
 * Lists the memberships of the Cloudflare user the credentials belong to (`GET /memberships`) and
 * reads its own two-factor status (`GET /user`). Credentials and `opts` as for {@link getUserInvites}.
 */
export async function getUserMemberships(
  args: GetUserMembershipsArgs = {},
  opts: pulumi.InvokeOptions = {},
): Promise<GetUserMembershipsResult> {
  refuseProvider(opts, "getUserMemberships");
  return readUserMemberships(args, programSettings(), { onlyInputs: true });
}

/** {@link getUserMemberships} for `Input` args, returning an `Output`, as {@link getUserInvitesOutput}. */
export function getUserMembershipsOutput(
  args: GetUserMembershipsOutputArgs = {},
  opts: pulumi.InvokeOutputOptions = {},
): pulumi.Output<GetUserMembershipsResult> {
  refuseProvider(opts, "getUserMemberships");
  return whenReady(args, opts, (plain) => getUserMemberships(plain as GetUserMembershipsArgs));
}

/** The program's stack config, read the way `@pulumi/cloudflare` reads it. */
function programSettings() {
  return stackSettingsFrom((key) => pulumi.runtime.getConfig(key));
}

/**
 * Calls `invoke` with the plain args once they, and the resources of `opts.dependsOn`, are known:
 * the result is secret if any arg is, and unknown in a preview that creates those resources.
 */
function whenReady<Result>(
  args: object,
  opts: pulumi.InvokeOutputOptions,
  invoke: (plain: unknown) => Promise<Result>,
): pulumi.Output<Result> {
  const ready = pulumi.output(opts.dependsOn ?? []).apply((value) => {
    const resources = Array.isArray(value) ? value : [value];
    return pulumi.all(resources.map((r) => (pulumi.CustomResource.isInstance(r) ? r.id : r.urn)));
  });
  return pulumi.all([pulumi.output(args), ready]).apply(([plain]) => invoke(plain));
}

function refuseProvider(opts: pulumi.InvokeOptions, name: string): void {
  if (opts.provider !== undefined) {
    throw new CloudflareConfigError(
      `${name} does not use a provider resource: its credentials cannot be read back from one. ` +
        "Pass apiToken (or apiKey + apiEmail) in the args, or set cloudflare:apiToken.",
    );
  }
}
