/**
 * How many problems a message lists before it says how many more there are: a message stays
 * readable, and small, however many problems a response or an argument has.
 */
export const LISTED_PROBLEMS = 5;
