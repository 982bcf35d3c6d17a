import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import { createTestApp, type TestApp, type TestUser } from '../../server/test-app.ts';
import { observationsOutOfStep } from '../records/observation-copies.test-helpers.ts';
import { loadViewer } from '../users/viewer-loader.ts';
import { findPointers } from './search-pointers.ts';
import { slicedNewestFirst } from './search-slices.ts';
import { createSearchRepository, type WindowResult } from './search.repository.ts';
import { planSearch } from './search.service.ts';
import { createRecordAs, ids, markings, person, search } from './search.test-helpers.ts';

const DAY = 86_400_000;
const TOP = Date.parse('2026-06-30T12:00:00Z');
/** Days before TOP: within each slice (30, 120, 480 days) and past the last. */
const AGES = [0, 5, 20, 45, 90, 150, 300, 500, 800, 1000];
const SPAN = { newest: new Date(TOP), oldest: new Date(TOP - 1000 * DAY) };

/** Facets in a fixed order: the window's aggregate does not promise one. */
const normal = (w: WindowResult) => ({ ...w, facets: [...w.facets].sort() });

describeEachDatabase('search: date slices', (kind) => {
  let t: TestApp;
  let analyst: TestUser;
  const made: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(kind);
    analyst = await t.personas.analyst((await t.buildAgency()).id);
    for (const [i, age] of AGES.entries()) {
      const named = i % 3 !== 1;
      const created = await createRecordAs(t, analyst, {
        title: i % 3 !== 2 ? 'Heron at the reservoir' : 'Gate left open',
        occurredFrom: new Date(TOP - age * DAY).toISOString(),
        markings: markings(),
        observations: named ? [person({ givenName: 'Luis', surname: 'Garcia' })] : [],
      });
      made.push(created.id);
    }
    // A stray record long after the others and matching nothing: the first slice is empty,
    // and the next must start at the newest record before it.
    await createRecordAs(t, analyst, {
      title: 'Gate left open',
      occurredFrom: new Date(TOP + 400 * DAY).toISOString(),
      markings: markings(),
    });
  });
  afterAll(() => t.close());

  it('a window found slice by slice is the window over all matches, for every size', async () => {
    const repo = createSearchRepository({ db: t.system.db, viewer: t.system.viewer });
    let decidedBySlice = 0;
    for (const q of ['heron', 'garcia', 'garsia', 'luis garcia']) {
      const plan = await planSearch(t.system.db, { q });
      const span = await repo.dateSpan(plan);
      for (let size = 1; size <= AGES.length; size++) {
        const opts = { size, limit: 3, after: undefined, facets: true };
        const runs: (Date | null)[] = [];
        const sliced = await slicedNewestFirst(span, {
          run: (since) => {
            runs.push(since);
            return repo.windowPage(plan, { ...opts, since });
          },
          count: (w) => w.matched,
          wanted: size + 1,
          newestBefore: (date) => repo.newestVisibleBefore(date),
        });
        const whole = await repo.windowPage(plan, { ...opts, since: null });
        expect(normal(sliced), `${q}, window of ${size}`).toEqual(normal(whole));
        if (runs.at(-1) !== null) decidedBySlice++;
      }
    }
    // Small windows of common terms must have been answered by a slice, not by the fallback.
    expect(decidedBySlice).toBeGreaterThan(8);
  });

  it('pages in date order cross the slices without a gap or a repeat', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const r = await search(t, analyst, { q: 'heron', sort: 'date', limit: 2, cursor });
      seen.push(...ids(r));
      cursor = r.nextCursor ?? undefined;
    } while (cursor);
    const heron = made.filter((_, i) => i % 3 !== 2);
    expect(seen).toEqual(heron);
  });

  it('pointers are the newest matching records, found slice by slice, exact matches first', async () => {
    const owner = await t.personas.analyst((await t.buildAgency()).id);
    // A match every 20 days for 580 days, a similar name among the newest: the slices hold
    // more than one answer (20) long before the oldest.
    for (let i = 0; i < 30; i++)
      await createRecordAs(t, owner, {
        title: 'Informant report',
        occurredFrom: new Date(TOP - i * 20 * DAY).toISOString(),
        markings: markings({ partnerShare: 'pointer' }),
        observations: [person({ surname: i === 1 ? 'Zamorra' : 'Zamora' })],
      });
    const viewer = (await loadViewer(t.system.db, analyst.id, null))!;
    const plan = await planSearch(t.system.db, { q: 'zamora' });
    const pointersWithin = async (span: typeof SPAN) => {
      const found = await t.system.db.transaction((tx) =>
        findPointers(tx, viewer, plan, undefined, span, new Date()),
      );
      return found.pointers;
    };
    const pointers = await pointersWithin(SPAN);
    const days = pointers.map((p) => Math.round((TOP - Date.parse(p.recordDate)) / DAY / 20));
    // The 20 newest (0-19), exact ones newest first, then the similar one (1).
    expect(days).toEqual([0, ...Array.from({ length: 18 }, (_, i) => i + 2), 1]);
    expect(pointers.at(-1)!.matchStrength).toBe('similar');
    // Newer records the searcher may see, none matching: the first slice finds no pointer,
    // and the next starts at the newest match, which only the matches' own dates tell.
    const later = { ...SPAN, newest: new Date(TOP + 400 * DAY) };
    expect(await pointersWithin(later)).toEqual(pointers);
  });

  it("an observation carries its record's date through an edit, so a slice still finds it", async () => {
    const oldest = made.at(-1)!;
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/records/${oldest}`,
      headers: analyst.auth,
      payload: { version: 1, occurredFrom: new Date(TOP + DAY).toISOString() },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await observationsOutOfStep(t.system.db)).toBe(0);
    const r = await search(t, analyst, { q: 'garcia', sort: 'date', limit: 1 });
    expect(ids(r)).toEqual([oldest]);
  });
});
