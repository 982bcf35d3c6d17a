import { useEffect, useRef, useState } from 'react';

export type StreamState = 'connecting' | 'open' | 'closed';

/**
 * Listens to a Server-Sent Events stream of the API (same origin, so the session cookie goes
 * along), e.g. `/api/v1/events` (`notification` events) or `/api/v1/ingest/jobs/{id}/events`
 * (`progress`, `done`). Each event's data is parsed as JSON and passed to its handler. The
 * browser reconnects by itself and resumes after the last event id. `url: null` stays idle.
 */
export function useEventStream(
  url: string | null,
  handlers: Record<string, (data: unknown) => void>,
): StreamState {
  const [state, setState] = useState<StreamState>('connecting');
  // The latest handlers, without reconnecting when the caller passes new functions.
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;
  const eventNames = Object.keys(handlers).sort().join(',');

  useEffect(() => {
    if (!url) return;
    const source = new EventSource(url);
    setState('connecting');
    source.onopen = () => {
      setState('open');
    };
    source.onerror = () => {
      setState(source.readyState === EventSource.CLOSED ? 'closed' : 'connecting');
    };
    for (const name of eventNames.split(',').filter(Boolean)) {
      source.addEventListener(name, (event: MessageEvent<string>) => {
        handlersRef.current[name]?.(JSON.parse(event.data) as unknown);
      });
    }
    return () => {
      source.close();
    };
  }, [url, eventNames]);

  return url ? state : 'closed';
}
