/**
 * Blocking keys are derived data: each type's spec says how, and `BLOCKING_SCHEME` numbers
 * that recipe. When the code's scheme is newer than the one the stored keys were derived
 * with, start-up derives them again, a page of observations at a time, one transaction per
 * page, and records the scheme when every page is done. An interrupted re-key starts over
 * harmlessly: each page replaces its own keys. It runs before the server takes requests,
 * because until it is done new observations (keyed the new way) would miss stored ones
 * (keyed the old way) wherever the recipes differ. Like retraining, it reads every
 * observation's attributes, so a completed re-key is audited, with the scheme it records.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { bulkInsert } from '../../db/bulk-insert.ts';
import { queryRows } from '../../db/raw.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { findCenter, systemViewer } from '../center/center.service.ts';
import type { ObservationType } from '../entities/observation-types.ts';
import { BLOCKING_SCHEME, blockingKeys } from './blocking.ts';
import { blockingScheme, observationKeys } from './resolution.table.ts';

const PAGE = 2000;
const REPORT_EVERY = 100 * PAGE;

/** Two processes starting at once (server and CLI on one PostgreSQL) re-key one page at a time. */
const REKEY_LOCK = 0x7766_6b79;

export type Rekeyed = { from: number; to: number; observations: number };

type Progress = { from: number; observations: number };

/**
 * Re-derives every stored observation's keys if they are of an older scheme. `reason` is
 * what the audit row says started it (server start, `watchfloor migrate`).
 */
export async function rekeyStaleBlockingKeys(
  db: Db,
  reason: string,
  report: (progress: Progress) => void = () => undefined,
): Promise<Rekeyed | undefined> {
  const [stored] = await db.select().from(blockingScheme).where(eq(blockingScheme.id, 1));
  if (!stored) {
    // A new database: whatever keys it gets are derived by this code.
    await recordScheme(db, null);
    return undefined;
  }
  const from = stored.version;
  if (from >= BLOCKING_SCHEME) return undefined;
  report({ from, observations: 0 });
  let after = '00000000-0000-0000-0000-000000000000';
  let observations = 0;
  for (;;) {
    const page = await queryRows<{
      id: string;
      type: ObservationType;
      attributes: Record<string, unknown>;
    }>(
      db,
      sql`select id, type, attributes from observations where id > ${after}::uuid
          order by id limit ${PAGE}`,
    );
    if (page.length === 0) break;
    await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${REKEY_LOCK})`);
      await tx.execute(sql`delete from observation_keys where observation_id in
        (select jsonb_array_elements_text(${JSON.stringify(page.map((o) => o.id))}::jsonb)::uuid)`);
      await bulkInsert(
        tx,
        observationKeys,
        page.flatMap((o) => blockingKeys(o).map((key) => ({ observationId: o.id, key }))),
      );
    });
    observations += page.length;
    after = page.at(-1)!.id;
    if (observations % REPORT_EVERY === 0) report({ from, observations });
  }
  const rekeyed = { from, to: BLOCKING_SCHEME, observations };
  const now = new Date();
  // Observations exist, so the center does (it is made before any record can be written).
  const center = await findCenter(db);
  await db.transaction(async (tx) => {
    await recordScheme(tx, now);
    await appendAudit(
      tx,
      { viewer: center ? systemViewer(center, reason) : null, clientIp: null, now },
      [
        {
          action: 'resolution.rekey',
          objectType: 'resolution_model',
          details: { ...rekeyed, read: 'every observation (blocking keys)' },
        },
      ],
    );
  });
  return rekeyed;
}

/** What the operator is told while a re-key runs: at its start, then every so many pages. */
export function rekeyProgressMessage({ from, observations }: Progress): string {
  return observations === 0
    ? `re-deriving stored blocking keys (scheme ${from} → ${BLOCKING_SCHEME}); this runs once`
    : `blocking keys re-derived for ${observations.toLocaleString('en-US')} observations`;
}

export function rekeyedSummary({ from, to, observations }: Rekeyed): string {
  return `Blocking keys of ${observations.toLocaleString('en-US')} observations re-derived (scheme ${from} → ${to}).`;
}

function recordScheme(db: Db | Tx, rekeyedAt: Date | null) {
  return db
    .insert(blockingScheme)
    .values({ id: 1, version: BLOCKING_SCHEME, rekeyedAt })
    .onConflictDoUpdate({
      target: blockingScheme.id,
      set: { version: BLOCKING_SCHEME, rekeyedAt },
    });
}
