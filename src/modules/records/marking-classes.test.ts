/**
 * A record's marking class follows its markings (ADR 0010), so the statements that read the
 * rule off classes (hotspots here) change with an edit exactly as a single read does. That
 * classes agree with the rule for random markings is proven in visibility.property.test.ts.
 */
import { sql } from 'drizzle-orm';
import type { Marking } from '../../access/markings.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/raw.ts';
import { describeEachDatabase } from '../../db/test-db.ts';
import { createTestApp, type TestApp, type TestUser } from '../../server/test-app.ts';
import { createRecord, WINDOW } from '../geo/geo.test-helpers.ts';
import { addMarkingClasses, NEW_CLASS_LOCK } from './marking-classes.ts';

const GREEN: Marking = {
  tlp: 'GREEN',
  caveats: ['LES'],
  partnerShare: 'full',
  networkShare: 'none',
  releasableTo: [],
};
const STRICT = { ...GREEN, tlp: 'AMBER+STRICT' };
// A box around one point that no other record of this file uses.
const WINCHESTER = { lat: 39.1857, lon: -78.1633 };
const BOX = '-78.2,39.15,-78.1,39.2';

describeEachDatabase('marking classes', (kind) => {
  let t: TestApp;
  let owner: TestUser;
  let other: TestUser;
  beforeAll(async () => {
    t = await createTestApp(kind);
    owner = await t.personas.analyst((await t.buildAgency()).id);
    other = await t.personas.analyst((await t.buildAgency()).id);
  });
  afterAll(() => t.close());

  const hotspotCount = async (as: TestUser) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/geo/hotspots?bbox=${BOX}&${WINDOW}&resolution=5`,
      headers: as.auth,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ total: number }>().total;
  };
  const classOf = async (id: string) =>
    (
      await queryRows<{ marking_class: number }>(
        t.database.db,
        sql`select marking_class from records where id = ${id}`,
      )
    )[0]?.marking_class;
  const classCount = async () =>
    (
      await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from marking_classes`,
      )
    )[0]?.n;

  // A new record is at version 1.
  const create = (markings: unknown) => createRecord(t, owner, { location: WINCHESTER, markings });
  const read = async (as: TestUser, id: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/records/${id}`, headers: as.auth }))
      .statusCode;

  it('an edit of markings moves the record to its new class in the same request', async () => {
    const { id } = await create(GREEN);
    const version = 1;
    const greenClass = await classOf(id);
    expect(await hotspotCount(other)).toBe(1);

    const patch = (v: number, markings: unknown) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/records/${id}`,
        headers: owner.auth,
        payload: { version: v, markings },
      });
    expect((await patch(version, STRICT)).statusCode).toBe(200);
    expect(await classOf(id)).not.toBe(greenClass);
    // AMBER+STRICT: the other agency neither counts it nor reads it; its owner still does.
    expect(await hotspotCount(other)).toBe(0);
    expect(await read(other, id)).toBe(404);
    expect(await hotspotCount(owner)).toBe(1);

    const classes = await classCount();
    expect((await patch(version + 1, GREEN)).statusCode).toBe(200);
    expect(await classOf(id)).toBe(greenClass); // the class of those values, not a new one
    expect(await classCount()).toBe(classes);
    expect(await hotspotCount(other)).toBe(1);
  });

  it('a class set by hand is replaced by the class of the record’s own markings', async () => {
    const { id } = await create(STRICT);
    const own = await classOf(id);
    const [green] = await queryRows<{ id: number }>(
      t.database.db,
      sql`select id from marking_classes where tlp = 'GREEN' limit 1`,
    );
    await t.database.db.execute(
      sql`update records set marking_class = ${green!.id} where id = ${id}`,
    );
    expect(await classOf(id)).toBe(own);
  });

  it('classes added before a batch are the classes its records get', async () => {
    const marking: Marking = { ...GREEN, tlp: 'AMBER', releasableTo: [other.agencyId] };
    const before = await classCount();
    const batch = [marking, { ...marking, caveats: [] }, marking].map((m) => ({
      ownerAgencyId: owner.agencyId,
      marking: m,
    }));
    await addMarkingClasses(t.database.db, batch);
    await addMarkingClasses(t.database.db, batch);
    expect(await classCount()).toBe(before! + 2);
    await create(marking);
    expect(await classCount()).toBe(before! + 2);
  });

  // The point of adding classes first: a bulk batch holding the new-class lock to its commit
  // must not hold up the records of the batch after it (ingest-runner.ts).
  it.runIf(kind === 'postgres')(
    'a record whose class exists is written while another transaction holds the new-class lock (PostgreSQL only: PGlite has one connection)',
    async () => {
      const known: Marking = { ...GREEN, tlp: 'CLEAR', caveats: [] };
      const unknown: Marking = { ...known, partnerShare: 'pointer' };
      await addMarkingClasses(t.database.db, [{ ownerAgencyId: owner.agencyId, marking: known }]);
      // The lock of migration 0024's trigger, held by one transaction while a record is
      // written: says whether the write finished or was seen waiting for the lock.
      const holding = async (write: () => Promise<unknown>) => {
        let release!: () => void;
        const released = new Promise<void>((r) => (release = r));
        let locked!: () => void;
        const lockTaken = new Promise<void>((r) => (locked = r));
        const holder = t.database.db.transaction(async (tx) => {
          await tx.execute(sql`select pg_advisory_xact_lock(${NEW_CLASS_LOCK})`);
          locked();
          await released;
        });
        await lockTaken;
        let settled = false;
        const writing = write().finally(() => (settled = true));
        let outcome = 'written';
        while (!settled) {
          const [waiting] = await queryRows<{ n: number }>(
            t.database.db,
            sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted`,
          );
          if (waiting!.n > 0) {
            outcome = 'waited for the lock';
            break;
          }
          await new Promise((r) => setTimeout(r, 10));
        }
        release();
        await holder;
        await writing;
        return outcome;
      };
      expect(await holding(() => create(known))).toBe('written');
      // The control: a record bringing a new class does wait for it.
      expect(await holding(() => create(unknown))).toBe('waited for the lock');
    },
  );
});
