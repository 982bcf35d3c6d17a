import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { components } from '../api/schema';
import { fetchAllPages } from './cursor-pages.ts';

export type Source = components['schemas']['Source'];

/** The sources the user may see: their agency's (an administrator: every agency's). */
export function useSources() {
  return useQuery({
    queryKey: ['sources', 'all'],
    queryFn: () =>
      fetchAllPages((cursor) =>
        unwrap(api.GET('/api/v1/sources', { params: { query: { cursor, limit: 500 } } })),
      ),
  });
}
