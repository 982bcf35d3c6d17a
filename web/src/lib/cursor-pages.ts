import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';

/** One page of a list endpoint: `{ items, nextCursor }` (the API's cursor pagination). */
export type CursorPage<T> = { items: T[]; nextCursor: string | null };
export type FetchPage<T> = (cursor: string | undefined) => Promise<CursorPage<T>>;

/**
 * A long list read page by page ("Load more"): `items` holds every page loaded so far.
 *   const users = useCursorPages(['users'], (cursor) =>
 *     unwrap(api.GET('/api/v1/users', { params: { query: { cursor } } })));
 */
export function useCursorPages<T>(
  queryKey: QueryKey,
  fetchPage: FetchPage<T>,
  /** Re-read the loaded pages every so often while the items are still changing. */
  refetchInterval?: (items: T[]) => number | false,
) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (q) =>
      refetchInterval?.(q.state.data?.pages.flatMap((p) => p.items) ?? []) ?? false,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...query, items };
}

/**
 * Every page of a list that stays small (agencies, sources, sharing groups): for pickers and
 * for naming ids. Stops at `max` items so a runaway list cannot hang the screen.
 */
export async function fetchAllPages<T>(fetchPage: FetchPage<T>, max = 5000): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && all.length < max);
  return all;
}
