import { kindLabel } from '../../lib/record-labels.ts';
import type { Region, TrendSeries } from './trends-query.ts';

export type SeriesBy = 'category' | 'kind';

const WEEK = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

/** "Mar 10, 2025": weeks are ISO weeks in UTC, named by their Monday. */
export const weekLabel = (iso: string) => WEEK.format(new Date(iso));
/** "2025-03-10", short enough for an axis. */
export const weekAxisLabel = (iso: string) => iso.slice(0, 10);

/** A county's name, or an H3 cell by its index. */
export function regionLabel(region: Region): string {
  if (region.type === 'county') return region.name ?? `County ${region.id}`;
  return `H3 cell ${region.id} (resolution ${region.resolution ?? '?'})`;
}

/** How the series of one answer are named: by behaviour category or by record kind. */
export type SeriesLabels = {
  /** The column heading for a series key. */
  heading: string;
  key: (key: string) => string;
  series: (s: Pick<TrendSeries, 'key' | 'region'>) => string;
};

export function seriesLabels(by: SeriesBy, behaviourName: (code: string) => string): SeriesLabels {
  const key = by === 'category' ? behaviourName : kindLabel;
  return {
    heading: by === 'category' ? 'Category' : 'Kind',
    key,
    series: (s) => `${key(s.key)} · ${regionLabel(s.region)}`,
  };
}

/** p- and q-values: three significant digits, in scientific notation when tiny. */
export function formatP(p: number): string {
  return p < 0.001 ? p.toExponential(2) : p.toPrecision(3);
}
