import { LISTED_PROBLEMS } from "../core/limits";
import { formatProblems, type Problem } from "../core/problems";
import { CloudflareConfigError } from "./errors";
import { INPUTS, type InputValues } from "./inputs";
import type { Invite } from "./invite";

/** Which invites to keep: the `statuses` and `organizationIds` inputs. Applied after every page is fetched. */
export type InviteFilters = Pick<InputValues, "statuses" | "organizationIds">;

/**
 * Lists what is wrong with the filters, property by property. Used by the client, and by the
 * provider's `check` and `read` (the engine does not call `check` before a read).
 */
export function filterProblems(filters: InviteFilters): Problem[] {
  const statuses: readonly string[] = INPUTS.statuses.values;
  const { regex, expected } = INPUTS.organizationIds.pattern;
  return [
    ...listProblems(filters.statuses, "statuses", "statuses", (value) =>
      typeof value === "string" && statuses.includes(value)
        ? undefined
        : `unknown invite status ${quoted(value)}; expected one of ${statuses.join(", ")}`,
    ),
    ...listProblems(filters.organizationIds, "organizationIds", "organization ids", (value) =>
      typeof value === "string" && regex.test(value)
        ? undefined
        : `malformed organization id ${quoted(value)}; expected ${expected}`,
    ),
  ];
}

/**
 * The problems of one list filter: not a list; an empty list (which would filter everything out,
 * or, read as "no filter", silently check nothing: either way not what was meant); or its bad
 * items, the first few of them and then how many more.
 */
function listProblems(
  list: unknown,
  property: string,
  what: string,
  problemOf: (value: unknown) => string | undefined,
): Problem[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) return [{ property, reason: `expected a list of ${what}` }];
  if (list.length === 0) {
    return [
      {
        property,
        reason: `the list is empty; give at least one, or leave the filter out to keep all ${what}`,
      },
    ];
  }
  const problems: Problem[] = [];
  let more = 0;
  for (const [i, value] of list.entries()) {
    const reason = problemOf(value);
    if (reason === undefined) continue;
    if (problems.length < LISTED_PROBLEMS) problems.push({ property: `${property}[${i}]`, reason });
    else more++;
  }
  if (more > 0) problems.push({ property, reason: `and ${more.toLocaleString("en")} more invalid ${what}` });
  return problems;
}

/** A caller's value in a message, cut short: a filter value is not a secret, but it may be huge. */
function quoted(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** Throws a {@link CloudflareConfigError} naming the bad filter values, if there is any. */
export function assertValidFilters(filters: InviteFilters): void {
  const problems = filterProblems(filters);
  if (problems.length > 0) {
    throw new CloudflareConfigError(`Invalid filter: ${formatProblems(problems)}.`);
  }
}

/**
 * Keeps the invites that match every given filter. Without filters the list is returned as it is:
 * no pass over it, no copy.
 */
export function applyFilters(invites: Invite[], filters: InviteFilters): Invite[] {
  if (!filters.statuses?.length && !filters.organizationIds?.length) return invites;
  const statuses = filters.statuses?.length ? new Set<string>(filters.statuses) : undefined;
  const organizations = filters.organizationIds?.length ? new Set(filters.organizationIds) : undefined;
  return invites.filter(
    (invite) =>
      (statuses === undefined || (invite.status !== undefined && statuses.has(invite.status))) &&
      (organizations === undefined || organizations.has(invite.organizationId)),
  );
}
