import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema';

export type TrendsParams = NonNullable<paths['/api/v1/trends']['get']['parameters']['query']>;

const fetchTrends = (query: TrendsParams) =>
  unwrap(api.GET('/api/v1/trends', { params: { query } }));

export type Trends = Awaited<ReturnType<typeof fetchTrends>>;
export type TrendSeries = Trends['series'][number];
export type TrendFlag = Trends['flags'][number];
export type Region = TrendSeries['region'];

/** Weekly counts and flagged surges of the records the viewer may see (docs/trends.md). */
export function useTrends(query: TrendsParams) {
  return useQuery({
    queryKey: ['trends', query],
    queryFn: () => fetchTrends(query),
    placeholderData: keepPreviousData,
  });
}
