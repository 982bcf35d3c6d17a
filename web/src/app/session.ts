import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, setCsrfToken, unwrap } from '../api/client.ts';
import { ApiProblem } from '../api/problem.ts';
import { forgetStatedPurpose } from './need-to-know.ts';
import type { components } from '../api/schema';

export type Me = components['schemas']['Me'];
export type Permission = Me['permissions'][number];

const SESSION_KEY = ['session'] as const;

/**
 * The signed-in user and the CSRF token for this session, or null when signed out. Asked of
 * the server at start, so a reload keeps the session (the cookie is HttpOnly; the token is
 * derived from it again).
 */
async function fetchSession(): Promise<Me | null> {
  try {
    const session = await unwrap(api.GET('/api/v1/auth/session'));
    setCsrfToken(session.csrfToken);
    return session.me;
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 401) return null;
    throw error;
  }
}

export function useSessionQuery() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity });
}

let lastMe: Me | null = null;

/**
 * The signed-in user; only for components under the signed-in layout. When the session ends
 * the layout unmounts in the same render, but a component woken by its own store or stream
 * may render once more before that: it gets the user who was signed in rather than crashing
 * the page on its way out.
 */
export function useMe(): Me {
  const { data } = useSessionQuery();
  if (data) lastMe = data;
  if (!lastMe) throw new Error('useMe() outside the signed-in layout');
  return lastMe;
}

export function hasRight(me: Me, right: Permission): boolean {
  return me.permissions.includes(right);
}

/** Whether the signed-in user holds a right: hide controls for what they may not do. */
export function useCan(): (right: Permission) => boolean {
  const me = useMe();
  return (right) => hasRight(me, right);
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return async (username: string, password: string) => {
    await unwrap(api.POST('/api/v1/auth/login', { body: { username, password } }));
    queryClient.setQueryData(SESSION_KEY, await fetchSession());
  };
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return async () => {
    await unwrap(api.POST('/api/v1/auth/logout')).catch(() => undefined);
    sessionEnded(queryClient);
  };
}

/** A 401 on any call means the session ended (expired, suspended, signed out elsewhere). */
export function sessionEnded(queryClient: QueryClient): void {
  setCsrfToken(null);
  forgetStatedPurpose();
  queryClient.setQueryData(SESSION_KEY, null);
  // Nothing the last user loaded stays in memory for the next one. The session query itself
  // stays (now null): the app is subscribed to it and shows the sign-in screen.
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
}
