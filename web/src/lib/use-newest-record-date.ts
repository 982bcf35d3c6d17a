import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';

/**
 * When the newest located record the viewer may see began (null: none), so time controls
 * (the map's slider, the trends window) end where the viewer's data ends — today on a live
 * system, the demo world's reference date on a demo. One point from GET /geo/records (newest
 * first); the window up to tomorrow leaves out records without a start time.
 */
export function useNewestRecordDate() {
  return useQuery({
    queryKey: ['geo', 'newest-record'],
    queryFn: async () => {
      const to = new Date(Date.now() + 86_400_000).toISOString();
      const answer = await unwrap(
        api.GET('/api/v1/geo/records', {
          params: { query: { bbox: '-180,-90,180,90', to, limit: 1 } },
        }),
      );
      const newest = answer.features[0]?.properties.occurredFrom;
      return newest ? new Date(newest) : null;
    },
    staleTime: 5 * 60_000,
  });
}
