import * as pulumi from "@pulumi/pulumi";
import {
  readUserInvites,
  stackSettingsFrom,
  type UserInvitesInputs,
  type UserInvitesOutputs,
} from "./runtime";
import type { UserInvitesArgs } from "./userInvites";

/** Arguments of {@link getUserInvites}: the same as the resource's, as plain values. */
export type GetUserInvitesArgs = UserInvitesInputs;

/** What {@link getUserInvites} returns: the same fields as the resource's outputs. */
export type GetUserInvitesResult = UserInvitesOutputs;

/** Arguments of {@link getUserInvitesOutput}: the resource's args, each may be a Pulumi `Input`. */
export type GetUserInvitesOutputArgs = UserInvitesArgs;

/**
 * Reads the invitations in the program itself, without a resource in state, the way
 * `aws.getCallerIdentity` works. Credentials: the args, then the stack config
 * (`cloudflare:apiToken`, ...), then `CLOUDFLARE_*`. Runs on every preview and update.
 */
export async function getUserInvites(args: GetUserInvitesArgs = {}): Promise<GetUserInvitesResult> {
  return readUserInvites(
    args,
    stackSettingsFrom((key) => pulumi.runtime.getConfig(key)),
  );
}

/**
 * {@link getUserInvites} for `Input` args, returning an `Output`. As with Pulumi's own invokes,
 * the result is secret if any arg is (a secret token makes the whole result secret).
 */
export function getUserInvitesOutput(
  args: GetUserInvitesOutputArgs = {},
): pulumi.Output<GetUserInvitesResult> {
  return pulumi.output(args).apply((plain) => getUserInvites(plain as GetUserInvitesArgs));
}
