import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema';
import { useMe } from '../../app/session.ts';
import { useCursorPages } from '../../lib/cursor-pages.ts';
import { STEP_ROLE, type VettingStep } from './sar-states.ts';

export type { VettingStep };

type Schemas = components['schemas'];
export type SarVetting = Schemas['SarVetting'];
export type SarTransition = Schemas['SarTransition'];
export type SarQueueItem = Schemas['SarQueueItem'];
export type SarState = SarTransition['toState'];
export type TransitionBody = { to: SarState; rationale: string; articulableFacts?: string };

/** The vetting steps the signed-in user's roles perform (a queue each). */
export function useMyVettingSteps(): VettingStep[] {
  const roles: readonly string[] = useMe().user.roles;
  return (['initial_review', 'analyst_review'] as const).filter((s) =>
    roles.includes(STEP_ROLE[s]),
  );
}

/**
 * SARs waiting for one vetting step that this user may take, oldest first, page by page. Off
 * for a user without the step's role: the server refuses (and audits) that question.
 */
export function useSarQueue(step: VettingStep, enabled: boolean, limit = 10) {
  const query = useInfiniteQuery({
    queryKey: ['sars', 'queue', step, limit],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/sars/queue', { params: { query: { step, cursor: pageParam, limit } } }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
  return { ...query, items: query.data?.pages.flatMap((p) => p.items) ?? [] };
}
export type SarQueue = ReturnType<typeof useSarQueue>;

/** The SARs the user's agency reported, newest first. */
export function useAgencySars() {
  const agencyId = useMe().agency.id;
  return useCursorPages(['sars', 'agency', agencyId], (cursor) =>
    unwrap(
      api.GET('/api/v1/records', {
        params: { query: { kind: 'sar', ownerAgencyId: agencyId, cursor, limit: 20 } },
      }),
    ),
  );
}

/** The SAR's record (the same cache entry as the Record screen's, read without a purpose). */
export function useSarRecord(id: string) {
  return useQuery({
    queryKey: ['records', id, ''],
    queryFn: () => unwrap(api.GET('/api/v1/records/{id}', { params: { path: { id } } })),
  });
}

export function useSarVetting(id: string) {
  return useQuery({
    queryKey: ['sars', id, 'vetting'],
    queryFn: () => unwrap(api.GET('/api/v1/sars/{id}/transitions', { params: { path: { id } } })),
  });
}

/** One vetting step; on success the view, the record and the queues are read again. */
export function useSarTransition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TransitionBody) =>
      unwrap(api.POST('/api/v1/sars/{id}/transitions', { params: { path: { id } }, body })),
    onSuccess: async (vetting) => {
      queryClient.setQueryData(['sars', id, 'vetting'], vetting);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['sars'] }),
        queryClient.invalidateQueries({ queryKey: ['records', id] }),
      ]);
    },
  });
}
