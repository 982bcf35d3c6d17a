/**
 * Date slices: how a search finds its newest matches without reading every match. Kept apart
 * from the service so the rule can be tested on its own.
 */
const DAY_MS = 86_400_000;
/** The first slice: the last 30 days before the newest record. */
const FIRST_DAYS = 30;
/** At most this many slices before the run over all matches. */
const MAX_SLICES = 3;
/** Margin on the width a slice's count suggests, so the next one rarely falls short. */
const MARGIN = 1.5;

/** The dates a search may match between, newest first. */
export type DateSpan = { newest: Date; oldest: Date };

export type Slicing<T> = {
  /** The matches dated from `since` (null: all), cut at what is wanted. */
  run(since: Date | null): Promise<T>;
  /** How many matches a run found. */
  count(found: T): number;
  /** How many are wanted: a run that found this many is the answer. */
  wanted: number;
};

/**
 * The newest matches, a date slice at a time: `run(since)` over the matches dated from
 * `since`, back from the newest date, until a slice holds what is wanted; the last run is
 * over all.
 * Exact: when a slice holds enough, every match outside it is older than all of them. The
 * next slice is as wide as the last one's count says it must be (matches spread evenly in
 * time), with a margin, and at least twice as wide; a slice that found nothing, or one that
 * would reach over a third of all dates, gives way to the run over all. A common word at a million records is answered from its last weeks,
 * not from every record that holds it; a rare one pays for one small slice before the run
 * over all (docs/search.md "Totals, facets and the window").
 */
export async function slicedNewestFirst<T>(span: DateSpan | null, s: Slicing<T>): Promise<T> {
  if (span === null) return s.run(null);
  // A slice over more than a third of all dates costs about what the run over all does.
  const widest = (span.newest.getTime() - span.oldest.getTime()) / DAY_MS / 3;
  let days = FIRST_DAYS;
  for (let i = 0; i < MAX_SLICES && days < widest; i++) {
    const found = await s.run(new Date(span.newest.getTime() - days * DAY_MS));
    const n = s.count(found);
    if (n >= s.wanted) return found;
    if (n === 0) break;
    days = Math.max(2 * days, Math.ceil((days * s.wanted * MARGIN) / n));
  }
  return s.run(null);
}
