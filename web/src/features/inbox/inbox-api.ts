import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema';

export type Notification = components['schemas']['Notification'];
export type Hit = Notification['hit'];

/** Every notification query: a live event or a read marks them all stale. */
export const NOTIFICATIONS_KEY = ['notifications'] as const;

/** The agency inbox, newest first, page by page, with this user's unread count. */
export function useNotifications(limit = 20) {
  const query = useInfiniteQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'list', limit],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/notifications', { params: { query: { cursor: pageParam, limit } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return {
    ...query,
    items: query.data?.pages.flatMap((p) => p.items) ?? [],
    unread: query.data?.pages[0]?.unread,
  };
}

/** Only the unread count (for the navigation badge): the smallest page carries it. */
export function useUnreadCount(): number | undefined {
  const { data } = useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'unread'],
    queryFn: () => unwrap(api.GET('/api/v1/notifications', { params: { query: { limit: 1 } } })),
  });
  return data?.unread;
}

/** Marks notifications read for this user (one colleague reading does not read for all). */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ids: readonly string[]) => {
      for (const id of ids)
        await unwrap(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } }));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

/** "1000+" where the server stops counting (it counts up to 1000). */
export const unreadText = (n: number) => (n >= 1000 ? '1000+' : String(n));
