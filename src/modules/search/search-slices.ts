/**
 * Date slices: how a search finds its newest matches without reading every match. Kept apart
 * from the service so the rule can be tested on its own.
 */
/** How far back each date slice reaches from the newest match, in days: four times the last. */
const SLICE_DAYS = [30, 120, 480] as const;
const DAY_MS = 86_400_000;

/**
 * The newest matches, a date slice at a time: `run(since)` over the matches dated from
 * `since`, widening back from `top` until `enough` of them are found, the last run over all.
 * Exact: when a slice holds enough, every match outside it is older than all of them. A
 * common word at a million records is answered from its last weeks, not from every record
 * that holds it; a rare one pays for at most three cheap slices, each four times wider
 * (docs/search.md "Performance").
 */
export async function slicedNewestFirst<T>(
  top: Date | null,
  run: (since: Date | null) => Promise<T>,
  enough: (found: T) => boolean,
): Promise<T> {
  if (top !== null) {
    for (const days of SLICE_DAYS) {
      const found = await run(new Date(top.getTime() - days * DAY_MS));
      if (enough(found)) return found;
    }
  }
  return run(null);
}
