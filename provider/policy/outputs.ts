import type { Invite } from "../cloudflare/invite";
import type { Membership } from "../cloudflare/membership";

/**
 * The reads' outputs as CrossGuard hands them to a policy; no dependency on `@pulumi/policy`.
 * During a preview an output may be unknown: CrossGuard's proxy throws `UnknownValueError` on
 * access, or the output is simply absent. Either way the answer says so instead of passing or
 * crashing.
 */

/** An output as a policy sees it: known, or not yet (during a preview), with the reason. */
export type KnownOutput<Value> =
  { readonly known: true; readonly value: Value } | { readonly known: false; readonly reason: string };

/** A resource's `invites` output as a policy sees it. */
export type InvitesOutput =
  | { readonly known: true; readonly invites: readonly Invite[] }
  | { readonly known: false; readonly reason: string };

/** Reads the `invites` output from a resource's properties as CrossGuard hands them over. */
export function readInvitesOutput(props: Readonly<Record<string, unknown>>): InvitesOutput {
  const output = readListOutput<Invite>(props, "invites", "invites", "organizationId");
  return output.known ? { known: true, invites: output.value } : output;
}

/** Reads the `memberships` output, as {@link readInvitesOutput} reads `invites`. */
export function readMembershipsOutput(
  props: Readonly<Record<string, unknown>>,
): KnownOutput<readonly Membership[]> {
  return readListOutput<Membership>(props, "memberships", "memberships", "accountId");
}

/** Reads the user's `twoFactorAuthenticationEnabled` output. */
export function readTwoFactorEnabledOutput(props: Readonly<Record<string, unknown>>): KnownOutput<boolean> {
  return guarded("twoFactorAuthenticationEnabled", "a boolean", () => {
    const value = props["twoFactorAuthenticationEnabled"];
    return typeof value === "boolean" ? { known: true, value } : value;
  });
}

/** A list output whose items each have the string field `key` (touched, so an unknown one is found here). */
function readListOutput<Item>(
  props: Readonly<Record<string, unknown>>,
  name: string,
  noun: string,
  key: keyof Item & string,
): KnownOutput<readonly Item[]> {
  return guarded(name, `a list of ${noun}`, () => {
    const value = props[name];
    if (!Array.isArray(value)) return value;
    const items = value.map((item: Item) => ({ ...item, [key]: item[key] }));
    return items.every((item) => typeof item[key] === "string") ? { known: true, value: items } : null;
  });
}

/**
 * Runs `read`, which returns a known output, or the raw value when it is not one; maps that value
 * and CrossGuard's `UnknownValueError` to a reason.
 */
function guarded<Value>(name: string, expected: string, read: () => unknown): KnownOutput<Value> {
  let value: unknown;
  try {
    value = read();
  } catch (error) {
    // CrossGuard's class; matched by name so this package needs no @pulumi/policy.
    if (error instanceof Error && error.constructor.name === "UnknownValueError") {
      return { known: false, reason: error.message };
    }
    throw error;
  }
  if (typeof value === "object" && value !== null && (value as { known?: unknown }).known === true) {
    return value as KnownOutput<Value>;
  }
  if (value === undefined) return { known: false, reason: `its ${name} output is not known yet` };
  return { known: false, reason: `its ${name} output is not ${expected}` };
}
