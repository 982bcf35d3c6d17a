import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import { createTestApp, type TestApp, type TestUser } from '../../server/test-app.ts';
import type { SearchResult } from './search.schemas.ts';
import { createRecordAs, ids, markings, search } from './search.test-helpers.ts';

describeEachDatabase('search: cursor pagination', (kind) => {
  let t: TestApp;
  let analyst: TestUser;
  const all: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind);
    analyst = await t.personas.analyst((await t.buildAgency()).id);
    // Equal dates and equal scores: ties must still page without repeats or gaps.
    for (let i = 0; i < 8; i++) {
      const title = i % 2 === 0 ? 'Heron at the reservoir' : 'Heron seen, heron left';
      const occurredFrom = `2026-0${1 + (i % 3)}-01T00:00:00Z`;
      all.push(
        (await createRecordAs(t, analyst, { title, occurredFrom, markings: markings() })).id,
      );
    }
  });
  afterAll(() => t.close());

  async function pages(params: Record<string, string | number>) {
    const seen: string[] = [];
    let r: SearchResult = await search(t, analyst, { ...params, limit: 3 });
    expect(r.total).toEqual({ count: 8, capped: false });
    seen.push(...ids(r));
    while (r.nextCursor) {
      r = await search(t, analyst, { ...params, limit: 3, cursor: r.nextCursor });
      expect(r.total).toBeNull();
      expect(r.facets).toBeNull();
      seen.push(...ids(r));
    }
    return seen;
  }

  for (const sort of ['relevance', 'date'] as const)
    it(`pages in ${sort} order give the one full list, each record once`, async () => {
      const paged = await pages({ q: 'heron', sort });
      const whole = ids(await search(t, analyst, { q: 'heron', sort, limit: 100 }));
      expect(paged).toEqual(whole);
      expect(new Set(paged)).toEqual(new Set(all));
    });
});
