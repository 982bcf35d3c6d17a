import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { components } from '../api/schema';
import { fetchAllPages } from './cursor-pages.ts';

export type Agency = components['schemas']['Agency'];

/** Every agency of the center (a few dozen): for pickers and for naming agency ids. */
export function useAgencies() {
  return useQuery({
    queryKey: ['agencies', 'all'],
    queryFn: () =>
      fetchAllPages((cursor) =>
        unwrap(api.GET('/api/v1/agencies', { params: { query: { cursor, limit: 500 } } })),
      ),
    staleTime: 60_000,
  });
}

/** An agency's name by id, or a short form of the id while the list loads. */
export function useAgencyName(): (id: string) => string {
  const { data } = useAgencies();
  const names = new Map(data?.map((a) => [a.id, a.name]));
  return (id) => names.get(id) ?? `agency ${id.slice(0, 8)}…`;
}
