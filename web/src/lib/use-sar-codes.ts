import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { components } from '../api/schema';

export type SarCodes = components['schemas']['SarCodes'];

/**
 * The ISE-SAR code lists (behaviour categories, target sectors, how observed) as the server
 * validates them, for the SAR form, search filters and record details; they do not change
 * while the server runs.
 */
export function useSarCodes() {
  return useQuery({
    queryKey: ['reference', 'sar-codes'],
    queryFn: () => unwrap(api.GET('/api/v1/reference/sar-codes')),
    staleTime: Infinity,
  });
}
