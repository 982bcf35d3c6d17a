/**
 * What a search shows is a function of what the viewer may see, and of nothing else: for
 * random viewers over random markings, the hits, the total and every facet count equal what
 * the pure rule (`canView`) says the viewer sees. Records the viewer may not see (stricter
 * TLP, caveats, pointer-only, unshared) never show, never count and never move a number.
 */
import { inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { accessLevel, canView } from '../../access/policy.ts';
import type { MarkedObject } from '../../access/markings.ts';
import type { Viewer } from '../../access/viewer.ts';
import {
  insertMarkedRecords,
  insertPool,
  markedObjectArbitrary,
  viewerArbitrary,
  type Pool,
} from '../../access/visibility.test-helpers.ts';
import type { Database } from '../../db/client.ts';
import { createTestDatabase, describeEachDatabase } from '../../db/test-db.ts';
import { systemClock } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import { records } from '../records/records.table.ts';
import { pointerTo } from './search-pointers.repository.ts';
import { searchRecords } from './search.service.ts';

const RECORDS_PER_RUN = 30;
const VIEWERS_PER_RUN = 6;
const RUNS = 8;
const KINDS = ['sar', 'incident', 'tip'] as const;
const BEHAVIOURS = ['AVIATION', 'PHOTO', 'THEFT'] as const;

type Generated = MarkedObject & { kind: (typeof KINDS)[number]; behaviour: string };

describeEachDatabase('search under the visibility rule', (kind) => {
  let database: Database;
  let pool: Pool;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    pool = await insertPool(database.db);
  });
  afterAll(() => database.close());

  /** The rule's own marked records, then given their kinds and SAR behaviours. */
  async function insert(objects: readonly Generated[]): Promise<string[]> {
    const ids = await insertMarkedRecords(database.db, objects);
    const groups = new Map<string, string[]>();
    objects.forEach((o, i) => {
      const key = o.kind === 'sar' ? `sar:${o.behaviour}` : o.kind;
      groups.set(key, [...(groups.get(key) ?? []), ids[i]!]);
    });
    for (const [key, members] of groups) {
      const [k, behaviour] = key.split(':') as [Generated['kind'], string | undefined];
      await database.db
        .update(records)
        .set({ kind: k, payload: behaviour ? { behaviours: [behaviour] } : {} })
        .where(inArray(records.id, members));
    }
    return ids;
  }

  const countBy = (xs: readonly string[]) => {
    const counts = new Map<string, number>();
    for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
    return counts;
  };

  async function check(viewer: Viewer, objects: readonly Generated[], ids: readonly string[]) {
    const ctx = { db: database.db, viewer, clientIp: null, clock: systemClock, centerId: newId() };
    const result = await searchRecords(ctx, { q: 'synthetic' }, { limit: 100 });
    const seen = objects.flatMap((o, i) => (canView(viewer, o) ? [{ ...o, id: ids[i]! }] : []));
    expect(new Set(result.items.map((h) => h.id))).toEqual(new Set(seen.map((o) => o.id)));
    expect(result.total).toEqual({ count: seen.length, capped: false });
    const kinds = new Map(result.facets!.kind.map((b) => [b.key, b.count]));
    expect(kinds).toEqual(countBy(seen.map((o) => o.kind)));
    const agencies = new Map(result.facets!.agency.map((b) => [b.key, b.count]));
    expect(agencies).toEqual(countBy(seen.map((o) => o.ownerAgencyId)));
    const categories = new Map(result.facets!.category.map((b) => [b.key, b.count]));
    expect(categories).toEqual(
      countBy(seen.filter((o) => o.kind === 'sar').map((o) => o.behaviour)),
    );
    expect(result.facets!.month.reduce((n, b) => n + b.count, 0)).toBe(seen.length);
  }

  it(`hits, totals and facets count only what canView allows (${RUNS} runs)`, async () => {
    const generated: fc.Arbitrary<Generated> = fc
      .tuple(markedObjectArbitrary(pool), fc.constantFrom(...KINDS), fc.constantFrom(...BEHAVIOURS))
      .map(([marking, k, behaviour]) => ({ ...marking, kind: k, behaviour }));
    await fc.assert(
      fc.asyncProperty(
        fc.array(generated, { minLength: RECORDS_PER_RUN, maxLength: RECORDS_PER_RUN }),
        fc.array(viewerArbitrary(pool), { minLength: VIEWERS_PER_RUN, maxLength: VIEWERS_PER_RUN }),
        async (objects, viewers) => {
          await database.db.delete(records);
          const ids = await insert(objects);
          for (const viewer of viewers) await check(viewer, objects, ids);
        },
      ),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('the SQL pointer predicate agrees with accessLevel() === "pointer"', async () => {
    let pointers = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(markedObjectArbitrary(pool), { minLength: 60, maxLength: 60 }),
        fc.array(viewerArbitrary(pool), { minLength: 20, maxLength: 20 }),
        async (objects, viewers) => {
          await database.db.delete(records);
          const ids = await insert(objects.map((o) => ({ ...o, kind: 'incident', behaviour: '' })));
          for (const viewer of viewers) {
            const rows = await database.db
              .select({ id: records.id })
              .from(records)
              .where(pointerTo(viewer));
            const bySql = new Set(rows.map((r) => r.id));
            const expected = new Set(
              ids.filter((_, i) => accessLevel(viewer, objects[i]!) === 'pointer'),
            );
            expect(bySql).toEqual(expected);
            pointers += expected.size;
          }
        },
      ),
      { numRuns: RUNS },
    );
    // The runs met pointers at all (otherwise agreeing on "none" would prove nothing).
    expect(pointers).toBeGreaterThan(0);
  }, 120_000);
});
