import { CloudflareConfigError } from "./errors";
import { KNOWN_INVITE_STATUSES, LEGACY_INVITE_STATUSES, type Invite } from "./schema";

/** Which invites to keep. Filters apply after every page is fetched. */
export interface InviteFilters {
  /** Keep only invites with one of these statuses. */
  readonly status?: readonly string[] | undefined;
  /** Keep only invites into these organizations (32-character hex ids). */
  readonly organizationIds?: readonly string[] | undefined;
}

/** A problem with one filter value, named the way the resource's `check` reports it. */
export interface FilterProblem {
  readonly property: string;
  readonly reason: string;
}

/** Every status a filter (or an audit) may name: the documented ones and the legacy ones. */
export const FILTERABLE_STATUSES: readonly string[] = [...KNOWN_INVITE_STATUSES, ...LEGACY_INVITE_STATUSES];
const ORGANIZATION_ID = /^[0-9a-f]{32}$/;

/**
 * Lists what is wrong with the filters, property by property. Used by the client, and by the
 * provider's `check` and `read` (the engine does not call `check` before a read).
 */
export function filterProblems(filters: InviteFilters): FilterProblem[] {
  const problems: FilterProblem[] = [];
  const { status, organizationIds } = filters;
  if (status !== undefined && !Array.isArray(status)) {
    problems.push({ property: "status", reason: "expected a list of statuses" });
  } else {
    for (const [i, value] of (status ?? []).entries()) {
      if (typeof value !== "string" || !FILTERABLE_STATUSES.includes(value)) {
        problems.push({
          property: `status[${i}]`,
          reason: `unknown invite status ${JSON.stringify(value)}; expected one of ${FILTERABLE_STATUSES.join(", ")}`,
        });
      }
    }
  }
  if (organizationIds !== undefined && !Array.isArray(organizationIds)) {
    problems.push({ property: "organizationIds", reason: "expected a list of organization ids" });
  } else {
    for (const [i, value] of (organizationIds ?? []).entries()) {
      if (typeof value !== "string" || !ORGANIZATION_ID.test(value)) {
        problems.push({
          property: `organizationIds[${i}]`,
          reason: `malformed organization id ${JSON.stringify(value)}; expected 32 lowercase hex characters, as shown in the Cloudflare dashboard URL`,
        });
      }
    }
  }
  return problems;
}

/** Throws a {@link CloudflareConfigError} naming every bad filter value, if there is any. */
export function assertValidFilters(filters: InviteFilters): void {
  const problems = filterProblems(filters);
  if (problems.length > 0) {
    throw new CloudflareConfigError(
      `Invalid filter: ${problems.map((p) => `${p.property}: ${p.reason}`).join("; ")}.`,
    );
  }
}

/** Keeps the invites that match every given filter; an absent or empty filter keeps everything. */
export function applyFilters(invites: readonly Invite[], filters: InviteFilters): Invite[] {
  const statuses = filters.status?.length ? new Set(filters.status) : undefined;
  const organizations = filters.organizationIds?.length ? new Set(filters.organizationIds) : undefined;
  return invites.filter(
    (invite) =>
      (statuses === undefined || (invite.status !== undefined && statuses.has(invite.status))) &&
      (organizations === undefined || organizations.has(invite.organizationId)),
  );
}
