import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema';
import { useCursorPages } from '../../lib/cursor-pages.ts';

export type RecordView = components['schemas']['Record'];
export type RecordVersion = components['schemas']['RecordVersion'];
export type AccessLogEntry = components['schemas']['RecordAccessLogEntry'];

/** Criminal intelligence is read with a stated purpose (CI-07): every read of it sends one. */
const purposeHeaders = (purpose: string) => (purpose ? { 'x-purpose': purpose } : undefined);

export function useRecord(id: string, purpose: string) {
  return useQuery({
    queryKey: ['records', id, purpose],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/records/{id}', {
          params: { path: { id } },
          headers: purposeHeaders(purpose),
        }),
      ),
  });
}

export function useRecordVersions(id: string, purpose: string) {
  return useQuery({
    queryKey: ['records', id, purpose, 'versions'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/records/{id}/versions', {
          params: { path: { id } },
          headers: purposeHeaders(purpose),
        }),
      ),
  });
}

export function useRecordAccessLog(id: string, purpose: string) {
  return useCursorPages(['records', id, purpose, 'access-log'], (cursor) =>
    unwrap(
      api.GET('/api/v1/records/{id}/access-log', {
        params: { path: { id }, query: { cursor, limit: 50 } },
        headers: purposeHeaders(purpose),
      }),
    ),
  );
}
