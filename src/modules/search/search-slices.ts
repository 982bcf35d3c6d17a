/**
 * Date slices: how a search finds its newest matches without reading every match. Kept apart
 * from the service so the rule can be tested on its own.
 */
const DAY_MS = 86_400_000;
/** The first slice: the last 30 days before the newest record. */
const FIRST_DAYS = 30;
/** At most this many slices before the run over all matches. */
const MAX_SLICES = 4;
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
  /** The date of the newest record that could match, older than `date` (null: none). */
  newestBefore(date: Date): Promise<Date | null>;
};

/**
 * The newest matches, a date slice at a time: `run(since)` over the matches dated from
 * `since`, back from the newest date, until a slice holds what is wanted; the last run is
 * over all. Exact: when a slice holds enough, every match outside it is older than all of
 * them; when nothing matched and nothing older could, the empty slice is all there is. The
 * next slice is as wide as the last one's count says it must be (matches spread evenly in
 * time), with a margin, and at least twice as wide; after a slice that found nothing the
 * next one starts again from the newest record older than it. After four slices, or when
 * the next would reach over a third of the dates left, the run over all follows. A common
 * word at a million records is answered from its last weeks, not from every record that
 * holds it; a rare one pays for a small slice or two before the run over all
 * (docs/search.md "Totals, facets and the window").
 */
export async function slicedNewestFirst<T>(span: DateSpan | null, s: Slicing<T>): Promise<T> {
  if (span === null) return s.run(null);
  let top = span.newest;
  let days = FIRST_DAYS;
  // A slice over more than a third of the dates left costs about what the run over all does.
  const widest = () => (top.getTime() - span.oldest.getTime()) / DAY_MS / 3;
  for (let i = 0; i < MAX_SLICES && days < widest(); i++) {
    const since = new Date(top.getTime() - days * DAY_MS);
    const found = await s.run(since);
    const n = s.count(found);
    if (n >= s.wanted) return found;
    if (n > 0) {
      days = Math.max(2 * days, Math.ceil((days * s.wanted * MARGIN) / n));
      continue;
    }
    // Nothing in this slice: the next starts at the newest record before it, so a stretch
    // without records (or a few stray recent ones) costs one step, not the run over all.
    const before = await s.newestBefore(since);
    if (before === null) return found;
    top = before;
  }
  return s.run(null);
}
