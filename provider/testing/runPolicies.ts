import type {
  EnforcementLevel,
  PolicyResource,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";

/**
 * Runs stack policies' own rule objects over resources, the way CrossGuard calls them, without the
 * Pulumi CLI: for the demo and the tests. (Constructing a PolicyPack would start a gRPC server.)
 */

/** A resource as the policies see it. */
export interface OfflinePolicyResource {
  readonly type: string;
  readonly urn: string;
  readonly name: string;
  readonly props: Record<string, unknown>;
  /** The parent resource, as CrossGuard gives it: only its URN is used here. */
  readonly parent?: { readonly urn: string };
}

/** One reported violation. */
export interface PolicyFinding {
  readonly policy: string;
  readonly enforcementLevel: EnforcementLevel;
  readonly message: string;
  readonly urn: string | undefined;
}

/** What a run produced. */
export interface PolicyRun {
  readonly findings: readonly PolicyFinding[];
  /** Policies that said they could not run, with their reason. */
  readonly notApplicable: readonly { readonly policy: string; readonly reason: string }[];
}

class NotApplicableSignal extends Error {}

/** Runs each policy with its config (`{ [policyName]: { enforcementLevel?, ...props } }`). */
export async function runPoliciesOffline(
  policies: readonly StackValidationPolicy[],
  resources: readonly OfflinePolicyResource[],
  config: Readonly<Record<string, Record<string, unknown>>> = {},
): Promise<PolicyRun> {
  const findings: PolicyFinding[] = [];
  const notApplicable: { policy: string; reason: string }[] = [];
  const policyResources = resources.map(
    (r) =>
      ({
        ...r,
        opts: {},
        dependencies: [],
        propertyDependencies: {},
        isType: () => false,
        asType: () => undefined,
      }) as unknown as PolicyResource,
  );
  for (const policy of policies) {
    const { enforcementLevel: configured, ...policyConfig } = config[policy.name] ?? {};
    const enforcementLevel =
      (configured as EnforcementLevel | undefined) ?? policy.enforcementLevel ?? "advisory";
    if (enforcementLevel === "disabled") continue;
    const args: StackValidationArgs = {
      resources: policyResources,
      getConfig: <T extends object>() => policyConfig as T,
      stackTags: new Map(),
      notApplicable: (reason?: string): never => {
        throw new NotApplicableSignal(reason);
      },
    };
    try {
      await policy.validateStack(args, (message, urn) =>
        findings.push({ policy: policy.name, enforcementLevel, message, urn }),
      );
    } catch (error) {
      if (!(error instanceof NotApplicableSignal)) throw error;
      notApplicable.push({ policy: policy.name, reason: error.message });
    }
  }
  return { findings, notApplicable };
}

/** Prints a run in the spirit of `pulumi preview`'s "Policies" section. */
export function formatPolicyRun(run: PolicyRun, pack: string): string {
  const mandatory = run.findings.some((f) => f.enforcementLevel === "mandatory");
  const lines = [`Policies:`, `    ${mandatory ? "x" : "ok"} ${pack}`];
  for (const finding of run.findings) {
    const target = finding.urn ? `  (${finding.urn.split("::").slice(-2).join(": ")})` : "";
    lines.push(
      `        - [${finding.enforcementLevel}]  ${finding.policy}${target}`,
      `          ${finding.message}`,
    );
  }
  for (const { policy, reason } of run.notApplicable)
    lines.push(`        - [not applicable]  ${policy}: ${reason}`);
  return lines.join("\n");
}
