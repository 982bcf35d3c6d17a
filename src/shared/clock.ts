/** One place to read the time, so tests and jobs can use a fixed clock. */
export type Clock = { now(): Date };
export const systemClock: Clock = { now: () => new Date() };
