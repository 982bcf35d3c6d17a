import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema';

export type Entity = components['schemas']['Entity'];
export type EntityObservation = Entity['observations'][number];
export type Timeline = components['schemas']['Timeline'];
export type TimelineItem = Timeline['items'][number];
/** A record of the entity with its place in the records list (#1 the earliest). */
export type NumberedRecord = TimelineItem & { number: number };

/** Every query of one entity's page starts with this key, so a decision refreshes them all. */
export const entityKey = (id: string) => ['entity', id] as const;

/** The profile merged from the observations the viewer may see (404 when none). */
export function useEntity(id: string) {
  return useQuery({
    queryKey: entityKey(id),
    queryFn: () => unwrap(api.GET('/api/v1/entities/{id}', { params: { path: { id } } })),
  });
}

/** The records the entity appears in, in time order (the server's limit is 10,000). */
export function useEntityTimeline(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...entityKey(id), 'timeline'],
    enabled,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/timeline', {
          params: { query: { entityId: id, format: 'json', limit: 10_000 } },
        }),
      ) as Promise<Timeline>,
  });
}

/** Where the entity was seen: one point per observation that has a place. */
export function useEntityPlaces(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...entityKey(id), 'places'],
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/geo/entities/{id}', { params: { path: { id } } })),
  });
}

/** Analyst decisions (CI-14): each takes a rationale, and refreshes everything on the page. */
export type Decision =
  | { kind: 'confirm'; candidateId: string; association: boolean }
  | { kind: 'reject'; candidateId: string }
  | { kind: 'split'; mergeId: string }
  | { kind: 'merge'; otherEntityId: string };

/** The entity the decision leaves the viewer on (a merge or split may name another). */
export type DecisionOutcome = { message: string; entityId?: string };

export function useEntityDecision(entityId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ decision, rationale }: { decision: Decision; rationale: string }) =>
      decide(entityId, decision, rationale),
    // The graph and other entities' pages may have changed too: refetch whatever is open.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['entity'] }),
  });
}

async function decide(
  entityId: string,
  decision: Decision,
  rationale: string,
): Promise<DecisionOutcome> {
  switch (decision.kind) {
    case 'confirm': {
      const path = { id: decision.candidateId };
      const body = { rationale, association: decision.association };
      const r = await unwrap(
        api.POST('/api/v1/entities/candidates/{id}/confirm', { params: { path }, body }),
      );
      if (r.outcome === 'association')
        return { message: 'Recorded as a possible association: identity not established.' };
      if (r.outcome === 'already_merged') return { message: 'These were one entity already.' };
      return { message: 'Merged into one entity.', entityId: r.merge?.entityId };
    }
    case 'reject': {
      const path = { id: decision.candidateId };
      await unwrap(
        api.POST('/api/v1/entities/candidates/{id}/reject', {
          params: { path },
          body: { rationale },
        }),
      );
      return { message: 'Rejected: resolution will keep these apart.' };
    }
    case 'split': {
      const r = await unwrap(
        api.POST('/api/v1/entities/{id}/split', {
          params: { path: { id: entityId } },
          body: { mergeId: decision.mergeId, rationale },
        }),
      );
      return {
        message: `Split: ${r.observationIds.length} observation(s) went back to their own entity.`,
        entityId: r.entityId,
      };
    }
    case 'merge': {
      const r = await unwrap(
        api.POST('/api/v1/entities/{id}/merge', {
          params: { path: { id: entityId } },
          body: { otherEntityId: decision.otherEntityId, rationale },
        }),
      );
      return { message: 'Merged into one entity.', entityId: r.entityId };
    }
  }
}
