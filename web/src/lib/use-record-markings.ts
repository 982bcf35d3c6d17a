import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { components } from '../api/schema';

type TimelineItem = components['schemas']['Timeline']['items'][number];
/** What a marking banner needs of one record. */
export type RecordMarking = Pick<
  TimelineItem,
  'recordId' | 'tlp' | 'caveats' | 'ownerAgencyId' | 'ownerAgencyName'
>;

/** The timeline answers at most this many ids at once. */
const IDS_PER_CALL = 500;

/**
 * The markings of records a view names only by id (graph nodes, access requests), read through
 * `GET /timeline?ids=` — the visibility rule applies, so records the viewer may not see are
 * simply absent. Keeps the previous answer while a larger set loads, so a banner never blanks.
 */
export function useRecordMarkings(ids: readonly string[]) {
  const sorted = [...new Set(ids)].sort();
  return useQuery({
    queryKey: ['record-markings', sorted],
    enabled: sorted.length > 0,
    placeholderData: keepPreviousData,
    queryFn: async (): Promise<RecordMarking[]> => {
      const chunks: string[][] = [];
      for (let i = 0; i < sorted.length; i += IDS_PER_CALL)
        chunks.push(sorted.slice(i, i + IDS_PER_CALL));
      const answers = await Promise.all(
        chunks.map((chunk) =>
          unwrap(
            api.GET('/api/v1/timeline', {
              params: { query: { ids: chunk.join(','), format: 'json', limit: IDS_PER_CALL } },
            }),
          ),
        ),
      );
      return answers.flatMap((a) => (typeof a === 'string' ? [] : a.items));
    },
  });
}
