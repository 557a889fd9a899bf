import * as pulumi from "@pulumi/pulumi";
import { CloudflareConfigError } from "../cloudflare/errors";
import { CREDENTIAL_KEYS, meaningsIn } from "../cloudflare/inputs";
import { formatProblems, unknownKeyProblems } from "../core/problems";
import type { ReadShape } from "./inputs";

/**
 * What `UserInvites` and `UserMemberships` hand to `pulumi.dynamic.Resource`: the same steps for
 * both, from their shape.
 *
 * Only the known keys are passed on, so a misspelt one is refused here, where the program still
 * has it (the engine does not call the provider's check before a read). Each output must be
 * present in props to exist; the credentials go as secrets, and stay secret in the outputs.
 */
export function readResourceProps(
  shape: ReadShape,
  args: object,
  opts: pulumi.CustomResourceOptions,
  id: string,
): { props: Record<string, unknown>; opts: pulumi.CustomResourceOptions } {
  const given = args as Readonly<Record<string, unknown>>;
  const names = Object.keys(shape.declaration);
  const unknown = unknownKeyProblems(given, names, "argument", { meant: meaningsIn(shape.declaration) });
  if (unknown.length > 0) {
    throw new CloudflareConfigError(`Invalid ${shape.resource} arguments: ${formatProblems(unknown)}.`);
  }
  const props: Record<string, unknown> = {};
  for (const key of shape.computed) props[key] = undefined;
  for (const key of names) props[key] = given[key];
  for (const key of CREDENTIAL_KEYS) {
    props[key] = given[key] === undefined ? undefined : pulumi.secret(given[key]);
  }
  return {
    props,
    opts: {
      ...opts,
      id: opts.id ?? id,
      additionalSecretOutputs: [...(opts.additionalSecretOutputs ?? []), ...CREDENTIAL_KEYS],
    },
  };
}
