/** How many problems a message lists before it says how many more there are. */
export const LISTED_PROBLEMS = 5;

/**
 * The first {@link LISTED_PROBLEMS} items joined, then how many were left out: a message stays
 * readable (and small) however many problems a response or an argument has.
 */
export function firstFew(items: readonly string[], separator = "; ", max = LISTED_PROBLEMS): string {
  const shown = items.slice(0, max).join(separator);
  const more = items.length - max;
  return more > 0 ? `${shown}${separator}and ${more.toLocaleString("en")} more` : shown;
}
