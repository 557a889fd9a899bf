import { LISTED_PROBLEMS } from "../core/limits";
import { formatProblems, type Problem } from "../core/problems";
import { CloudflareConfigError } from "./errors";
import { INPUTS, type InputDeclaration, type InputSpec, type InputValues } from "./inputs";

/** Which invites to keep: the `statuses` and `organizationIds` inputs. Applied after every page is fetched. */
export type InviteFilters = Pick<InputValues, "statuses" | "organizationIds">;

/** The filters of a declaration: its list inputs, each naming the field it matches. */
function filtersOf(declaration: InputDeclaration): [string, InputSpec][] {
  return Object.entries(declaration).filter(([, spec]) => spec.matches !== undefined);
}

/**
 * Lists what is wrong with the filters of a declaration (invitations' by default), property by
 * property. Used by the client, and by the providers' `check` and `read` (the engine does not call
 * `check` before a read).
 */
export function filterProblems(
  filters: Readonly<Record<string, unknown>>,
  declaration: InputDeclaration = INPUTS,
): Problem[] {
  return filtersOf(declaration).flatMap(([name, spec]) => {
    const item = spec.item ?? { one: "value", many: "values" };
    const problemOf = (value: unknown): string | undefined => {
      if (spec.values !== undefined) {
        return typeof value === "string" && spec.values.includes(value)
          ? undefined
          : `unknown ${item.one} ${quoted(value)}; expected one of ${spec.values.join(", ")}`;
      }
      if (spec.pattern !== undefined) {
        return typeof value === "string" && spec.pattern.regex.test(value)
          ? undefined
          : `malformed ${item.one} ${quoted(value)}; expected ${spec.pattern.expected}`;
      }
      return typeof value === "string" ? undefined : `expected a string, got ${quoted(value)}`;
    };
    return listProblems(filters[name], name, item.many, problemOf);
  });
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
export function assertValidFilters(
  filters: Readonly<Record<string, unknown>>,
  declaration: InputDeclaration = INPUTS,
): void {
  const problems = filterProblems(filters, declaration);
  if (problems.length > 0) {
    throw new CloudflareConfigError(`Invalid filter: ${formatProblems(problems)}.`);
  }
}

/**
 * Keeps the items that match every given filter of the declaration (invitations' by default):
 * an item matches a filter when its field (`status`, `organizationId`, `accountId`) is one of the
 * filter's values. Without filters the list is returned as it is: no pass over it, no copy.
 */
export function applyFilters<Item extends object>(
  items: Item[],
  filters: Readonly<Record<string, unknown>>,
  declaration: InputDeclaration = INPUTS,
): Item[] {
  const active: [string, Set<unknown>][] = [];
  for (const [name, spec] of filtersOf(declaration)) {
    const values = filters[name];
    if (Array.isArray(values) && values.length > 0) active.push([spec.matches as string, new Set(values)]);
  }
  if (active.length === 0) return items;
  return items.filter((item) =>
    active.every(([field, values]) => {
      const value = (item as Record<string, unknown>)[field];
      return value !== undefined && values.has(value);
    }),
  );
}
