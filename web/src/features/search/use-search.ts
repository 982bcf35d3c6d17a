import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema';
import { apiQuery, hasSearch } from './search-query.ts';

export type SearchResult = components['schemas']['SearchResult'];
export type SearchHit = components['schemas']['SearchHit'];
export type SearchFacets = components['schemas']['SearchFacets'];

const PAGE_SIZE = 20;

/**
 * The search in the address, page by page ("More"). Facets, total and pointers come with the
 * first page only. A purpose (criminal intelligence, CI-07) goes along as X-Purpose.
 */
export function useSearch(params: URLSearchParams, purpose: string) {
  const savedId = params.get('saved');
  const headers = purpose ? { 'x-purpose': purpose } : undefined;
  const query = useInfiniteQuery({
    queryKey: ['search', params.toString(), purpose],
    enabled: savedId !== null || hasSearch(params),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam: cursor }) =>
      savedId
        ? unwrap(
            api.GET('/api/v1/search/saved/{id}/run', {
              params: { path: { id: savedId }, query: { cursor, limit: PAGE_SIZE } },
              headers,
            }),
          )
        : unwrap(
            api.GET('/api/v1/search', {
              params: { query: { ...apiQuery(params), cursor, limit: PAGE_SIZE } },
              headers,
            }),
          ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const first = query.data?.pages[0];
  return {
    ...query,
    hits: query.data?.pages.flatMap((p) => p.items) ?? [],
    facets: first?.facets ?? null,
    total: first?.total ?? null,
    pointers: first?.pointers ?? [],
  };
}
