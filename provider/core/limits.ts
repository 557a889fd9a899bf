/**
 * Bounds shared by every layer. Plain numbers only: the provider is serialized by value when
 * used from source.
 */

/**
 * How many problems a message lists before it says how many more there are: a message stays
 * readable, and small, however many problems a response or an argument has.
 */
export const LISTED_PROBLEMS = 5;

/** The longest delay Node's timers accept (2^31 - 1 ms, about 24.8 days): a bound for every time option. */
export const MAX_TIMER_MS = 2_147_483_647;

/** One day in milliseconds: expiry windows are given in days, dates compared in milliseconds. */
export const DAY_MS = 86_400_000;
