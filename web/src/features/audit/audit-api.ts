import { useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { ApiProblem } from '../../api/problem.ts';
import type { components } from '../../api/schema';
import { useCursorPages } from '../../lib/cursor-pages.ts';

export type AuditEvent = components['schemas']['AuditEvent'];
export type AuditVerification = components['schemas']['AuditVerification'];
export type Decision = AuditEvent['decision'];

/** The filter as the screen keeps it in the address: what the inputs hold. */
export type AuditFilter = {
  /** A username; the API filters by user id, looked up first. */
  actor: string;
  action: string;
  objectId: string;
  decision: '' | Decision;
  /** `datetime-local` values, in the browser's time zone. */
  from: string;
  to: string;
};

export const FILTER_KEYS = ['actor', 'action', 'objectId', 'decision', 'from', 'to'] as const;

const PAGE = 50;

const toInstant = (local: string) => (local ? new Date(local).toISOString() : undefined);

/** The log for a filter, newest first, page by page. Each page read is itself audited. */
export function useAuditLog(filter: AuditFilter) {
  const queryClient = useQueryClient();
  const actorId = (username: string) =>
    queryClient.query({
      queryKey: ['users', 'by-username', username],
      queryFn: async () => {
        const page = await unwrap(
          api.GET('/api/v1/users', { params: { query: { username, limit: 1 } } }),
        );
        const user = page.items[0];
        if (!user) throw unknownActor(username);
        return user.id;
      },
      staleTime: Infinity,
    });
  return useCursorPages(['audit', 'log', filter], async (cursor) => {
    const actor = filter.actor.trim();
    return unwrap(
      api.GET('/api/v1/audit', {
        params: {
          query: {
            cursor,
            limit: PAGE,
            actorUserId: actor ? await actorId(actor.toLowerCase()) : undefined,
            action: filter.action.trim() || undefined,
            objectId: filter.objectId.trim() || undefined,
            decision: filter.decision || undefined,
            from: toInstant(filter.from),
            to: toInstant(filter.to),
          },
        },
      }),
    );
  });
}

function unknownActor(username: string) {
  return new ApiProblem({
    type: 'about:blank',
    code: 'audit.unknown_actor',
    status: 404,
    title: `No user is named '${username}'`,
    errors: [{ path: 'actor', message: 'no such user' }],
  });
}

/** Walks the whole chain on the server: run when asked, not on every visit. */
export function verifyChain(): Promise<AuditVerification> {
  return unwrap(api.GET('/api/v1/audit/verify'));
}
