/**
 * The runner with small batches, so a file spans many: on PostgreSQL two batch transactions
 * are open at once (the next writes its new rows while the one before resolves), and the
 * result must be that of committing them one after the other.
 */
import { writeFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import { queryRows } from '../../db/raw.ts';
import { createTestApp, testConfig, type TestApp } from '../../server/test-app.ts';
import type { ServiceContext } from '../../shared/context.ts';
import { createSource } from '../sources/sources.service.ts';
import { loadViewer } from '../users/viewer-loader.ts';
import { runIngestJob } from './ingest-runner.ts';
import { createIngestJob } from './ingest.service.ts';

type Person = [givenName: string, surname: string, dateOfBirth: string, licence: string];

function line(id: string, person: Person, title = `Burglary ${id}`) {
  return JSON.stringify({
    sourceRecordId: id,
    kind: 'incident',
    title,
    narrative: 'Rear door forced; tools taken from the shed.',
    occurredFrom: '2026-02-01T03:00:00Z',
    observations: [
      {
        type: 'person',
        role: 'subject',
        attributes: {
          givenName: person[0],
          surname: person[1],
          dateOfBirth: person[2],
          // Name and date of birth alone never merge (CI-14); a licence number does.
          identifiers: [{ scheme: 'driver_license', value: person[3], issuer: 'VA' }],
        },
      },
    ],
  });
}

const PRUITT: Person = ['Dale', 'Pruitt', '1979-04-12', 'P23456781'];
const OKAFOR: Person = ['Nkechi', 'Okafor', '1991-10-30', 'O87654321'];

describeEachDatabase('ingest runner, many batches', (kind) => {
  let t: TestApp;
  let sourceId: string;
  let agencyId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const agency = await t.buildAgency();
    agencyId = agency.id;
    const source = await createSource(t.system, {
      agencyId: agency.id,
      name: 'RMS export',
      description: 'nightly export',
      defaultMarkings: {
        tlp: 'AMBER',
        caveats: ['LES'],
        partnerShare: 'full',
        networkShare: 'none',
        releasableTo: [],
      },
    });
    sourceId = source.id;
  });
  afterAll(() => t.close());

  async function run(lines: string[], ctx: ServiceContext = t.system) {
    const job = await createIngestJob(ctx, testConfig.dataDir, {
      sourceId,
      format: 'ndjson',
      mapping: null,
      fileName: 'batches.ndjson',
      dryRun: false,
      writeFile: (path) => writeFile(path, lines.join('\n')),
    });
    await runIngestJob(
      { db: t.database.db, clock: t.clock, center: t.center, kind: t.database.kind, batchSize: 2 },
      job,
    );
    const [done] = await queryRows<Record<string, number | string>>(
      t.database.db,
      sql`select status, checkpoint_row, rows_created, rows_updated, rows_unchanged
          from ingest_jobs where id = ${job.id}`,
    );
    return done;
  }

  const subjectEntities = (surname: string) =>
    queryRows<{ entity_id: string; source_record_id: string }>(
      t.database.db,
      sql`select o.entity_id, r.source_record_id from observations o
          join records r on r.id = o.record_id
          where r.source = ${sourceId} and o.attributes ->> 'surname' = ${surname}`,
    );

  it('each batch resolves against the batches before it, and a record repeated in the next batch becomes its update', async () => {
    const done = await run([
      line('B-1', PRUITT),
      line('B-2', OKAFOR),
      // The next batch repeats B-1 changed: it must find the row the batch before wrote.
      line('B-1', PRUITT, 'Burglary B-1 (corrected)'),
      line('B-3', PRUITT),
      line('B-4', OKAFOR),
      line('B-5', PRUITT),
      line('B-6', OKAFOR),
      line('B-2', OKAFOR, 'Burglary B-2 (corrected)'),
    ]);
    expect(done).toMatchObject({
      status: 'succeeded',
      checkpoint_row: 8,
      rows_created: 6,
      rows_updated: 2,
    });
    for (const surname of ['Pruitt', 'Okafor']) {
      const seen = await subjectEntities(surname);
      expect(seen.length).toBe(3);
      expect(new Set(seen.map((s) => s.entity_id)).size, surname).toBe(1);
    }
    const versions = await queryRows<{ source_record_id: string; version: number; title: string }>(
      t.database.db,
      sql`select source_record_id, version, title from records
          where source = ${sourceId} and source_record_id in ('B-1', 'B-2')
          order by source_record_id`,
    );
    expect(versions).toEqual([
      { source_record_id: 'B-1', version: 2, title: 'Burglary B-1 (corrected)' },
      { source_record_id: 'B-2', version: 2, title: 'Burglary B-2 (corrected)' },
    ]);
    // History keeps the replaced version's content; the current one is the live record.
    const history = await queryRows<{ version: number; title: string | null }>(
      t.database.db,
      sql`select v.version, v.snapshot->>'title' as title from record_versions v
          join records r on r.id = v.record_id
          where r.source = ${sourceId} and r.source_record_id = 'B-1' order by v.version`,
    );
    expect(history).toEqual([
      { version: 1, title: 'Burglary B-1' },
      { version: 2, title: null },
    ]);
  });

  it('a changed row ingested by another user keeps who created the record; its new version names who changed it', async () => {
    await run([line('C-1', PRUITT)]);
    const other = await t.personas.analyst(agencyId);
    const viewer = await loadViewer(t.database.db, other.id, null);
    await run([line('C-1', PRUITT, 'Burglary C-1 (corrected)')], { ...t.system, viewer: viewer! });
    const versions = await queryRows<{ version: number; changed_by: string; created_by: string }>(
      t.database.db,
      sql`select v.version, v.changed_by_user_id as changed_by, r.created_by_user_id as created_by
          from record_versions v join records r on r.id = v.record_id
          where r.source = ${sourceId} and r.source_record_id = 'C-1' order by v.version`,
    );
    expect(versions).toEqual([
      { version: 1, changed_by: t.system.viewer.userId, created_by: t.system.viewer.userId },
      { version: 2, changed_by: other.id, created_by: t.system.viewer.userId },
    ]);
  });

  it('a batch that fails to commit fails the job: the batches before it stay, nothing after it lands', async () => {
    // A stand-in for any failure inside a batch transaction (a constraint, a lost connection).
    await t.database.db.execute(sql`
      create function refuse_poison() returns trigger language plpgsql as $$
      begin
        if new.title = 'poison' then raise exception 'refused by the test'; end if;
        return new;
      end $$`);
    await t.database.db.execute(sql`
      create trigger refuse_poison before insert on records
      for each row execute function refuse_poison()`);
    try {
      const lines = [
        line('F-1', OKAFOR),
        line('F-2', OKAFOR),
        line('F-3', OKAFOR),
        line('F-4', OKAFOR),
        line('F-5', OKAFOR, 'poison'),
        line('F-6', OKAFOR),
        line('F-7', OKAFOR),
        line('F-8', OKAFOR),
      ];
      await expect(run(lines)).rejects.toMatchObject({
        cause: expect.objectContaining({ message: 'refused by the test' }),
      });
      const landed = await queryRows<{ source_record_id: string }>(
        t.database.db,
        sql`select source_record_id from records
            where source = ${sourceId} and source_record_id like 'F-%'
            order by source_record_id`,
      );
      expect(landed.map((r) => r.source_record_id)).toEqual(['F-1', 'F-2', 'F-3', 'F-4']);
      const [job] = await queryRows<{ checkpoint_row: number; rows_created: number }>(
        t.database.db,
        sql`select checkpoint_row, rows_created from ingest_jobs
            order by created_at desc limit 1`,
      );
      expect(job).toEqual({ checkpoint_row: 4, rows_created: 4 });
    } finally {
      await t.database.db.execute(sql`drop trigger refuse_poison on records`);
      await t.database.db.execute(sql`drop function refuse_poison()`);
    }
  });
});
