import { expect } from 'vitest';
import { recordBody, type TestApp, type TestUser } from '../../server/test-app.ts';
import type { SearchResult } from './search.schemas.ts';

export type CreatedRecord = { id: string; observations: { id: string; entityId: string }[] };

/** Creates a record through the API as `user`; `overrides` replace recordBody's fields. */
export async function createRecordAs(
  t: TestApp,
  user: TestUser,
  overrides: Record<string, unknown>,
): Promise<CreatedRecord> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/records',
    headers: user.auth,
    payload: recordBody({ observations: [], ...overrides }),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CreatedRecord>();
}

export const markings = (overrides: Record<string, unknown> = {}) => ({
  tlp: 'GREEN',
  caveats: ['LES'],
  partnerShare: 'full',
  networkShare: 'none',
  releasableTo: [],
  ...overrides,
});

export const person = (attributes: Record<string, unknown>) => ({
  type: 'person',
  role: 'subject',
  attributes,
});

/** GET /api/v1/search with a query string built from `params` (arrays joined by commas). */
export function searchRaw(
  t: TestApp,
  user: TestUser,
  params: Record<string, string | number | undefined>,
  headers: Record<string, string> = {},
) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) qs.set(k, String(v));
  return t.app.inject({
    method: 'GET',
    url: `/api/v1/search?${qs.toString()}`,
    headers: { ...user.auth, ...headers },
  });
}

export async function search(
  t: TestApp,
  user: TestUser,
  params: Record<string, string | number | undefined>,
  headers: Record<string, string> = {},
): Promise<SearchResult> {
  const res = await searchRaw(t, user, params, headers);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<SearchResult>();
}

export const ids = (r: SearchResult) => r.items.map((i) => i.id);

/** The count of one facet bucket (0 when absent). */
export function facetCount(
  r: SearchResult,
  facet: keyof NonNullable<SearchResult['facets']>,
  key: string,
): number {
  return r.facets?.[facet].find((b) => b.key === key)?.count ?? 0;
}
