import createClient, { type Middleware } from 'openapi-fetch';
import { toApiProblem } from './problem.ts';
import type { paths } from './schema';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
let csrfToken: string | null = null;

/** Set at sign-in and after a reload (GET /api/v1/auth/session); writes send it back. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

let statedPurpose: string | null = null;

/**
 * The need to know the user stated for this working session (CI-07), sent as X-Purpose with
 * every request that does not state its own, so criminal intelligence shows on every screen
 * and every read is audited with it. Null: none stated.
 */
export function setStatedPurpose(purpose: string | null): void {
  statedPurpose = purpose;
}

const csrf: Middleware = {
  onRequest({ request }) {
    if (csrfToken && !SAFE_METHODS.has(request.method)) {
      request.headers.set('x-csrf-token', csrfToken);
    }
    if (statedPurpose && !request.headers.has('x-purpose')) {
      request.headers.set('x-purpose', statedPurpose);
    }
    return request;
  },
};

/**
 * The typed client: paths, parameters and bodies are checked against web/src/api/schema.d.ts,
 * generated from the server's OpenAPI document (`npm run web:client`). Same origin, so the
 * HttpOnly session cookie goes along by itself.
 */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(csrf);

type FetchResult<T> = { data?: T; error?: unknown; response: Response };

/**
 * The data of a successful answer, or throws an ApiProblem with the server's problem
 * document: the shape TanStack Query expects from a queryFn or mutationFn.
 *   useQuery({ queryKey: ['records', id], queryFn: () => unwrap(api.GET(...)) })
 */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw toApiProblem(error, response);
  return data as T;
}
