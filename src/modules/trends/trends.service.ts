/**
 * The trends module owns emerging-trend detection: weekly counts of the records a viewer may
 * see, per SAR behaviour category (or record kind) and region (county or H3 parent cell),
 * tested against a moving baseline (detection.ts; the method is explained in docs/trends.md).
 * It owns no tables: counts are read from records under the visibility rule, so a viewer's
 * series never include, nor let anyone infer, records they may not see. It does not alert
 * anyone: flags are part of the answer, for an analyst (or a script) to read.
 */
import type { ServiceContext } from '../../shared/context.ts';
import { auditActor } from '../../shared/context.ts';
import { appendAudit } from '../audit/audit.service.ts';
import type { DetectionParams } from './detection.ts';
import { compareSeries, testCounts, type WeekWindow } from './series.ts';
import { windowTooLong } from './trends.errors.ts';
import { createTrendsRepository } from './trends.repository.ts';
import { MAX_FLAGS, MAX_WEEKS, type TrendsQuery, type TrendsResponse } from './trends.schemas.ts';
import { WEEK_MS, weekRange, weekStartIso } from './weeks.ts';

const DEFAULT_WEEKS = 52;

export const METHOD_NAME = 'poisson-conditional-binomial';
const METHOD_DESCRIPTION =
  'Each week is tested against the mean of the baselineWeeks weeks that end guardWeeks before it, ' +
  'by the exact conditional test of two Poisson rates (binomial upper tail). Each week, the ' +
  'series of this request that could reach significance form one family; a week is flagged ' +
  'when its Benjamini–Hochberg adjusted p-value (qValue) is at most fdr and it has at least ' +
  'minCount records. See docs/trends.md.';

/** The weeks a query asks for: `to` defaults to now, `from` to 52 weeks before `to`. */
export function weekWindow(query: TrendsQuery, now: Date, params: DetectionParams): WeekWindow {
  const toMs = query.to ? Date.parse(query.to) : now.getTime();
  const fromMs = query.from ? Date.parse(query.from) : toMs - DEFAULT_WEEKS * WEEK_MS;
  const { first, end } = weekRange(fromMs, toMs);
  if (end <= first) throw windowTooLong('from must be before to');
  if (end - first > MAX_WEEKS + 1)
    throw windowTooLong(`Ask for at most ${MAX_WEEKS} weeks at a time (asked for ${end - first})`);
  return { fetchFirst: first - params.baselineWeeks - params.guardWeeks, first, end };
}

/**
 * Weekly series and flags for one viewer, audited as a read in the same transaction. This is
 * also what the benchmark times for "trend computation for the whole state over two years".
 */
export async function computeTrends(
  ctx: ServiceContext,
  query: TrendsQuery,
): Promise<TrendsResponse> {
  const params: DetectionParams = {
    baselineWeeks: query.baselineWeeks,
    guardWeeks: query.guardWeeks,
    fdr: query.fdr,
    minCount: query.minCount,
  };
  const weeks = weekWindow(query, ctx.clock.now(), params);
  const { rows, history, marking } = await ctx.db.transaction(async (tx) => {
    const repo = createTrendsRepository({ db: tx, viewer: ctx.viewer });
    const start = await repo.historyStart(weeks.fetchFirst, weeks.end);
    const filter = {
      series: query.series,
      category: query.category,
      kind: query.kind,
      region: query.region,
      regionId: query.regionId,
      firstWeek: weeks.fetchFirst,
      endWeek: weeks.end,
    };
    const { counts, marking } = await repo.weeklyCounts(filter);
    await appendAudit(tx, auditActor(ctx), [
      {
        action: 'trends.read',
        objectType: 'record',
        details: { query: auditedQuery(query, weeks), countCells: counts.length },
      },
    ]);
    return { rows: counts, history: { start }, marking };
  });
  return {
    ...shape(testCounts(rows, weeks, history, query.region, params), query, weeks, params),
    marking,
  };
}

function shape(
  tested: ReturnType<typeof testCounts>,
  query: TrendsQuery,
  weeks: WeekWindow,
  params: DetectionParams,
): Omit<TrendsResponse, 'marking'> {
  const candidates = query.flaggedOnly
    ? tested.series.filter((s) => s.flaggedWeeks.length > 0)
    : tested.series;
  const series = candidates.sort(compareSeries).slice(0, query.limit);
  const flags = tested.flags.sort(
    (a, b) => a.week.localeCompare(b.week) || a.pValue - b.pValue || a.key.localeCompare(b.key),
  );
  return {
    weeks: Array.from({ length: weeks.end - weeks.first }, (_, i) => weekStartIso(weeks.first + i)),
    testedFrom: tested.testedFrom === null ? null : weekStartIso(tested.testedFrom),
    series: series.map(({ bestQ: _, ...s }) => s),
    seriesTotal: candidates.length,
    truncated: candidates.length > series.length,
    flags: flags.slice(0, MAX_FLAGS),
    flagsTotal: flags.length,
    method: { name: METHOD_NAME, ...params, description: METHOD_DESCRIPTION },
  };
}

/** The question asked, as the audit log keeps it (the answer is counts, no record content). */
function auditedQuery(query: TrendsQuery, weeks: WeekWindow) {
  const region =
    query.region.type === 'county' ? 'county' : `h3:${String(query.region.resolution)}`;
  return {
    ...query,
    region,
    from: weekStartIso(weeks.first),
    to: weekStartIso(weeks.end),
  };
}
