import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { useEventStream, type StreamState } from '../../lib/use-event-stream.ts';
import { NOTIFICATIONS_KEY, type Notification } from './inbox-api.ts';

type Live = { state: StreamState; last: Notification | null };

// One stream per signed-in tab (opened by the navigation's Inbox item); the Inbox screen reads
// its state here rather than opening a second one.
let live: Live = { state: 'closed', last: null };
const listeners = new Set<() => void>();
function publish(change: Partial<Live>) {
  live = { ...live, ...change };
  for (const l of listeners) l();
}
function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The live stream's state and the newest notification it brought. */
export function useInboxLive(): Live {
  return useSyncExternalStore(subscribe, () => live);
}

/**
 * Listens to GET /api/v1/events: each `notification` (a hit for the agency, a notice that
 * another agency touched its subject, an access request) re-reads every notification query,
 * so the Inbox list and the unread counts change without a reload.
 */
export function useInboxStream(): void {
  const queryClient = useQueryClient();
  const state = useEventStream('/api/v1/events', {
    notification: (data) => {
      publish({ last: data as Notification });
      void queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });
    },
  });
  useEffect(() => {
    publish({ state });
  }, [state]);
  useEffect(
    () => () => {
      publish({ state: 'closed', last: null });
    },
    [],
  );
}
