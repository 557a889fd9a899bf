import type { StackValidationPolicy } from "@pulumi/policy";
import { runPoliciesOffline, type OfflinePolicyResource } from "../../provider/testing";

/** A resource as CrossGuard hands it to a policy: its type, URN, name (the URN's last part) and props. */
export function policyResource(
  props: Record<string, unknown>,
  type: string,
  urn: string,
  parent?: { urn: string },
): OfflinePolicyResource {
  return { type, urn, name: urn.split("::").pop() ?? "", props, ...(parent ? { parent } : {}) };
}

/** Calls the rule object the way CrossGuard does; returns what it reported and whether it could not run. */
export async function validate(
  policy: StackValidationPolicy,
  resources: OfflinePolicyResource[],
  config: object = {},
): Promise<{
  violations: { message: string; urn: string | undefined }[];
  notApplicable: string | undefined;
}> {
  const run = await runPoliciesOffline([policy], resources, {
    [policy.name]: config as Record<string, unknown>,
  });
  return {
    violations: run.findings.map((f) => ({ message: f.message, urn: f.urn })),
    notApplicable: run.notApplicable[0]?.reason,
  };
}
