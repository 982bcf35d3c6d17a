import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';

/**
 * The ISE-SAR behaviour categories for pickers and labels, from the server's reference list
 * (the same query, and cache, as the SAR form's); codes stand in for names while it loads.
 */
export function useBehaviours() {
  const codes = useQuery({
    queryKey: ['reference', 'sar-codes'],
    queryFn: () => unwrap(api.GET('/api/v1/reference/sar-codes')),
    staleTime: Infinity,
  });
  const behaviours = codes.data?.behaviours ?? [];
  const names = new Map<string, string>(behaviours.map((b) => [b.code, b.name]));
  return {
    options: behaviours.map((b) => ({ value: b.code, label: `${b.name} (${b.code})` })),
    name: (code: string) => names.get(code) ?? code,
  };
}
