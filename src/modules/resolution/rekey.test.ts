import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows } from '../../db/raw.ts';
import { describeEachDatabase } from '../../db/test-db.ts';
import { createTestApp, type TestApp } from '../../server/test-app.ts';
import { auditLog } from '../audit/audit.table.ts';
import { SYSTEM_USERNAME } from '../center/center.service.ts';
import { observations } from '../entities/entities.table.ts';
import { BLOCKING_SCHEME, blockingKeys } from './blocking.ts';
import { rekeyStaleBlockingKeys } from './rekey.ts';
import { blockingScheme, observationKeys } from './resolution.table.ts';
import { writeObservation } from './resolution.test-helpers.ts';

describeEachDatabase('re-deriving stored blocking keys', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const storedKeys = async () => {
    const rows = await queryRows<{ id: string; keys: string[] }>(
      t.system.db,
      sql`select observation_id as id, array_agg(key) as keys
          from observation_keys group by observation_id`,
    );
    return new Map(rows.map((r) => [r.id, [...r.keys].sort()]));
  };

  it('replaces keys of an older scheme with the current recipe, once', async () => {
    const db = t.system.db;
    // A new database starts at the current scheme: start-up has nothing to re-derive.
    expect(await rekeyStaleBlockingKeys(db, 'test')).toBeUndefined();
    const [started] = await db.select().from(blockingScheme);
    expect(started).toMatchObject({ version: BLOCKING_SCHEME, rekeyedAt: null });
    const analyst = await t.personas.analyst((await t.buildAgency()).id);
    for (const givenName of ['Robert', 'Roberta', 'Terrence'])
      await writeObservation(t, analyst, {
        givenName,
        surname: 'Whitlock',
        dateOfBirth: '1984-06-01',
        identifiers: [{ scheme: 'driver_license', value: `T0526364${givenName.length}` }],
      });
    // As a database written by the previous scheme: other keys, version 1.
    await db.execute(sql`update observation_keys set key = 'old:' || key`);
    await db.update(blockingScheme).set({ version: 1 }).where(eq(blockingScheme.id, 1));

    const done = await rekeyStaleBlockingKeys(db, 'test');
    const stored = await db.select().from(observations);
    expect(done).toEqual({ from: 1, to: BLOCKING_SCHEME, observations: stored.length });
    const keys = await storedKeys();
    for (const o of stored) expect(keys.get(o.id)).toEqual(blockingKeys(o).sort());
    const [scheme] = await db.select().from(blockingScheme);
    expect(scheme?.version).toBe(BLOCKING_SCHEME);
    // It read every observation's attributes, so the audit says so, as the system did it.
    const audited = await db
      .select({ details: auditLog.details, username: auditLog.actorUsername })
      .from(auditLog)
      .where(eq(auditLog.action, 'resolution.rekey'));
    expect(audited).toEqual([
      {
        details: expect.objectContaining({ from: 1, observations: stored.length }),
        username: SYSTEM_USERNAME,
      },
    ]);

    await db.delete(observationKeys).where(eq(observationKeys.observationId, stored[0]!.id));
    expect(await rekeyStaleBlockingKeys(db, 'test')).toBeUndefined();
    expect((await storedKeys()).has(stored[0]!.id)).toBe(false);
    expect(
      await db.select().from(auditLog).where(eq(auditLog.action, 'resolution.rekey')),
    ).toHaveLength(1);
  });
});
