import { sql } from 'drizzle-orm';
import { cellToParent } from 'h3-js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/raw.ts';
import { describeEachDatabase } from '../../db/test-db.ts';
import { createTestApp, recordBody, type TestApp, type TestUser } from '../../server/test-app.ts';
import { backfillPlaces } from './backfill.ts';
import { toH3String } from './h3.ts';

describeEachDatabase('place columns of records', (kind) => {
  let t: TestApp;
  let analyst: TestUser;
  beforeAll(async () => {
    t = await createTestApp(kind);
    analyst = await t.personas.analyst((await t.buildAgency()).id);
  });
  afterAll(() => t.close());

  const create = async (overrides: Record<string, unknown>) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: analyst.auth,
      payload: recordBody(overrides),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; version: number }>();
  };
  const placeOf = async (id: string) =>
    (
      await queryRows<{ h3: string | null; county: string | null; r5: string | null }>(
        t.database.db,
        sql`select h3_cell::text as h3, county_fips as county, h3_parent(h3_cell, 5)::text as r5
            from records where id = ${id}`,
      )
    )[0];

  it('a located record gets its cell and county; the SQL parent is H3’s parent', async () => {
    const { id } = await create({}); // Richmond
    const place = await placeOf(id);
    expect(place?.county).toBe('51760');
    const cell = toH3String(place!.h3!);
    expect(toH3String(place!.r5!)).toBe(cellToParent(cell, 5));
  });

  it('moving a record moves its cell and county; removing the location clears them', async () => {
    const { id, version } = await create({});
    const moved = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/records/${id}`,
      headers: analyst.auth,
      payload: { version, location: { lat: 36.8508, lon: -76.2859 } },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await placeOf(id))?.county).toBe('51710');
    const cleared = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/records/${id}`,
      headers: analyst.auth,
      payload: { version: version + 1, location: null },
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(await placeOf(id)).toMatchObject({ h3: null, county: null });
  });

  it('start-up fills the columns of records written before they existed', async () => {
    const { id } = await create({});
    await t.database.db.execute(
      sql`update records set h3_cell = null, county_fips = null where id = ${id}`,
    );
    expect(await backfillPlaces(t.database.db)).toBeGreaterThanOrEqual(1);
    expect((await placeOf(id))?.county).toBe('51760');
  });
});
