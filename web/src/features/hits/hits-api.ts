import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema';
import { fetchAllPages, useCursorPages } from '../../lib/cursor-pages.ts';

export type Hit = components['schemas']['Hit'];
export type AccessRequest = components['schemas']['AccessRequest'];
export type Direction = 'incoming' | 'outgoing';

const PAGE = 25;

/** The agency's cross-agency hits, newest first, page by page. */
export function useHits() {
  return useCursorPages(['hits'], (cursor) =>
    unwrap(api.GET('/api/v1/hits', { params: { query: { cursor, limit: PAGE } } })),
  );
}

/** Requests made by the agency's users (outgoing) or for the agency's records (incoming). */
export function useAccessRequests(direction: Direction) {
  return useCursorPages(['access-requests', direction], (cursor) =>
    unwrap(
      api.GET('/api/v1/access-requests', {
        params: { query: { direction, cursor, limit: PAGE } },
      }),
    ),
  );
}

/**
 * The agency's outgoing requests by hit, so each pointer says whether it was asked for (a
 * request names its hit; there are few, and the list stops at 2,000).
 */
export function useRequestsByHit() {
  return useQuery({
    queryKey: ['access-requests', 'outgoing', 'all'],
    queryFn: async () => {
      const all = await fetchAllPages(
        (cursor) =>
          unwrap(
            api.GET('/api/v1/access-requests', {
              params: { query: { direction: 'outgoing', cursor, limit: 200 } },
            }),
          ),
        2000,
      );
      const byHit = new Map<string, AccessRequest[]>();
      for (const r of all) byHit.set(r.hitId, [...(byHit.get(r.hitId) ?? []), r]);
      return byHit;
    },
  });
}

/** XS-04: ask the owning agency for the record behind a pointer hit. */
export function useRequestAccess() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ hitId, reason }: { hitId: string; reason: string }) =>
      unwrap(
        api.POST('/api/v1/hits/{id}/access-requests', {
          params: { path: { id: hitId } },
          body: { reason },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['access-requests'] }),
  });
}
