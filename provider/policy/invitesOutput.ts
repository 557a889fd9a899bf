import type { Invite } from "../cloudflare/invite";

/** The `invites` output as CrossGuard hands it to a policy; no dependency on `@pulumi/policy`. */

/** A resource's `invites` output as a policy sees it: known, or not yet (during a preview). */
export type InvitesOutput =
  | { readonly known: true; readonly invites: readonly Invite[] }
  | { readonly known: false; readonly reason: string };

/**
 * Reads the `invites` output from a resource's properties as CrossGuard hands them over. During a
 * preview an output may be unknown: CrossGuard's proxy throws `UnknownValueError` on access, or the
 * output is simply absent. Either way the answer says so instead of passing or crashing.
 */
export function readInvitesOutput(props: Readonly<Record<string, unknown>>): InvitesOutput {
  let value: unknown;
  try {
    value = props["invites"];
    if (Array.isArray(value)) {
      // Touch each organization id, so an unknown nested value is found here and not later.
      const invites = value.map((invite: Invite) => ({ ...invite, organizationId: invite.organizationId }));
      if (invites.every((invite) => typeof invite.organizationId === "string"))
        return { known: true, invites };
      return { known: false, reason: "its invites output is not a list of invites" };
    }
  } catch (error) {
    // CrossGuard's class; matched by name so this package needs no @pulumi/policy.
    if (error instanceof Error && error.constructor.name === "UnknownValueError") {
      return { known: false, reason: error.message };
    }
    throw error;
  }
  if (value === undefined) return { known: false, reason: "its invites output is not known yet" };
  return { known: false, reason: "its invites output is not a list of invites" };
}
