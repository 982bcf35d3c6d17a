import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { asc, eq, sql } from 'drizzle-orm';
import { openPostgres, type Database, type Db } from '../../db/client.ts';
import { createTestDatabase, describeEachDatabase } from '../../db/test-db.ts';
import { withDatabase } from '../../db/test-global-setup.ts';
import { appendAudit, hashRow, verifyAuditChain, type AuditEvent } from './audit.service.ts';
import { auditChainHead, auditLog } from './audit.table.ts';
import {
  appendChain,
  asTableOwner,
  deleteRows,
  editColumn,
  EDITED_COLUMNS,
  renumber,
  resetChain,
  rewriteHash,
  sampleActor,
  swapSeq,
} from './audit-tamper.test-helpers.ts';

/** 15 rows in 5 transactions: row 1 opens the chain, row 8 is in the middle, row 15 is the newest. */
const SIZES = [3, 1, 4, 2, 5];
const N = 15;
const POSITIONS = [
  ['first', 1],
  ['middle', 8],
  ['newest', N],
] as const;

describeEachDatabase('audit chain tampering', (kind) => {
  let database: Database;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    db = database.db;
  });
  afterAll(() => database.close());
  beforeEach(() => resetChain(db));

  const broken = (seq: number, problem: RegExp) => ({
    ok: false,
    firstBroken: { seq, problem: expect.stringMatching(problem) as unknown },
  });

  it('X-01 an untouched chain of 300 events appended in 60 transactions verifies', async () => {
    const sizes = Array.from({ length: 60 }, (_, i) => 1 + ((i * 7) % 9));
    const total = await appendChain(db, sizes);
    expect(total).toBe(300);
    const progress: number[] = [];
    const result = await verifyAuditChain(db, (n) => progress.push(n));
    const [newest] = await db.select().from(auditLog).where(eq(auditLog.seq, 300));
    expect(result).toEqual({ ok: true, checked: 300, head: { seq: 300, hash: newest?.hash } });
    expect(progress.at(-1)).toBe(300);
  });

  it('X-01 an empty log verifies', async () => {
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 0 });
  });

  describe.each(POSITIONS)('X-01 editing one column of the %s row', (_, seq) => {
    it.each(EDITED_COLUMNS)('%s: verification names that row', async (column) => {
      await appendChain(db, SIZES);
      await asTableOwner(db, editColumn(column, seq));
      expect(await verifyAuditChain(db)).toMatchObject(broken(seq, /content was altered/));
    });
  });

  it('X-01 editing a row’s link to its predecessor names that row', async () => {
    await appendChain(db, SIZES);
    await asTableOwner(db, sql`update audit_log set prev_hash = repeat('0', 64) where seq = 8`);
    expect(await verifyAuditChain(db)).toMatchObject(broken(8, /does not chain/));
  });

  it.each(POSITIONS)(
    'X-01 rewriting the hash alone of the %s row names that row',
    async (_, seq) => {
      await appendChain(db, SIZES);
      await asTableOwner(db, rewriteHash(seq));
      expect(await verifyAuditChain(db)).toMatchObject(broken(seq, /content was altered/));
    },
  );

  it('X-01 deleting a middle row names it as missing', async () => {
    await appendChain(db, SIZES);
    await asTableOwner(db, deleteRows(8));
    expect(await verifyAuditChain(db)).toMatchObject(broken(8, /row 8 is missing/));
  });

  it('X-01 deleting the first row names it as missing', async () => {
    await appendChain(db, SIZES);
    await asTableOwner(db, deleteRows(1));
    expect(await verifyAuditChain(db)).toMatchObject(broken(1, /row 1 is missing/));
  });

  it('X-01 deleting the newest rows is caught by the chain head, naming the first removed', async () => {
    await appendChain(db, SIZES);
    await asTableOwner(db, deleteRows(N - 2, N));
    expect(await verifyAuditChain(db)).toMatchObject(broken(N - 2, /removed from the end/));
  });

  it('X-01 deleting every row is caught by the chain head', async () => {
    await appendChain(db, SIZES);
    await asTableOwner(db, deleteRows(1, N));
    expect(await verifyAuditChain(db)).toMatchObject(broken(1, /removed from the end/));
  });

  it.each([
    [4, 5],
    [3, 11],
    [1, N],
  ])('X-01 swapping rows %i and %i names the earlier one', async (a, b) => {
    await appendChain(db, SIZES);
    await asTableOwner(db, ...swapSeq(a, b));
    expect(await verifyAuditChain(db)).toMatchObject(broken(a, /does not chain/));
  });

  it('X-01 an edit with its hash recomputed is caught where the next row no longer chains', async () => {
    await appendChain(db, SIZES);
    await asTableOwner(db, editColumn('action', 8));
    await recomputeHash(db, 8);
    expect(await verifyAuditChain(db)).toMatchObject(broken(9, /does not chain/));
  });

  it('X-01 the whole page of 5,000 rows is checked: breaks on either side of the boundary are named', async () => {
    await appendChain(db, [1000, 1000, 1000, 1000, 1000, 1000]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 6000 });
    await asTableOwner(db, editColumn('details', 5001));
    expect(await verifyAuditChain(db)).toMatchObject(broken(5001, /content was altered/));
    await asTableOwner(db, editColumn('details', 5000));
    expect(await verifyAuditChain(db)).toMatchObject(broken(5000, /content was altered/));
  }, 120_000);

  it('X-01 an edit of the newest row with its hash recomputed names that row', async () => {
    await appendChain(db, SIZES);
    await asTableOwner(db, editColumn('action', N));
    await recomputeHash(db, N);
    expect(await verifyAuditChain(db)).toMatchObject(broken(N, /^(?!.*removed)/));
  });

  it('X-01 a row forged onto the end without moving the head is named, not reported as removal', async () => {
    await appendChain(db, SIZES);
    const [newest] = await db.select().from(auditLog).where(eq(auditLog.seq, N));
    if (!newest) throw new Error('chain not built');
    const { hash: _newestHash, ...content } = newest;
    const forged = { ...content, seq: N + 1, id: crypto.randomUUID(), prevHash: newest.hash };
    // INSERT is what the application role is allowed to do: no trigger to switch off.
    await db.insert(auditLog).values({ ...forged, hash: hashRow(forged) });
    expect(await verifyAuditChain(db)).toMatchObject(broken(N + 1, /^(?!.*removed)/));
  });

  it('X-01 concurrent appends from 20 transactions make one valid chain', async () => {
    const writer = await concurrentWriter(database);
    try {
      const sizes = Array.from({ length: 20 }, (_, t) => 1 + (t % 4));
      await Promise.all(
        sizes.map((size, t) =>
          writer.db.transaction(async (tx) => {
            // All transactions are open before any appends; each then holds the chain a moment.
            await tx.execute(sql`select pg_sleep(0.02)`);
            const events = Array.from({ length: size }, (_, i) => ({
              action: 'x',
              details: { t, i },
            }));
            await appendAudit(tx, sampleActor(t, new Date()), events);
            await tx.execute(sql`select pg_sleep(0.002)`);
          }),
        ),
      );
      const total = sizes.reduce((a, b) => a + b, 0);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: total });
      // Each transaction's events sit together, in the order it gave them.
      const rows = await db.select().from(auditLog).orderBy(asc(auditLog.seq));
      const order = rows.map((r) => `${String(r.details['t'])}:${String(r.details['i'])}`);
      const grouped = sizes.flatMap((size, t) =>
        Array.from({ length: size }, (_, i) => `${t}:${i}`),
      );
      expect([...order].sort()).toEqual([...grouped].sort());
      for (const [idx, row] of rows.entries()) {
        const i = Number(row.details['i']);
        if (i > 0) expect(rows[idx - 1]?.details).toEqual({ t: row.details['t'], i: i - 1 });
      }
      const [head] = await db.select().from(auditChainHead);
      expect(head?.seq).toBe(total);
    } finally {
      await writer.close();
    }
  });

  it('X-01 for any chain and any single-row tampering, verification names that row or an earlier one', async () => {
    await fc.assert(
      fc.asyncProperty(chainArbitrary, tamperingArbitrary, async (chain, tampering) => {
        await resetChain(db);
        const total = await appendEvents(db, chain);
        expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: total });
        const { statements, row } = tamperingOf(tampering, total);
        await asTableOwner(db, ...statements);
        const result = await verifyAuditChain(db);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.firstBroken.seq).toBeLessThanOrEqual(row);
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});

async function recomputeHash(db: Db, seq: number) {
  const [row] = await db.select().from(auditLog).where(eq(auditLog.seq, seq));
  if (!row) throw new Error(`no row ${seq}`);
  const { hash: _old, ...rest } = row;
  await asTableOwner(db, sql`update audit_log set hash = ${hashRow(rest)} where seq = ${seq}`);
}

/**
 * On PostgreSQL, a second pool of 20 connections to the same test database, so the 20
 * transactions really run at once (the suite's own pool has 4). PGlite has one connection
 * and serialises transactions anyway.
 */
async function concurrentWriter(database: Database): Promise<{ db: Db; close(): Promise<void> }> {
  const url = process.env['WATCHFLOOR_TEST_DATABASE_URL'];
  if (database.kind !== 'postgres' || !url) return { db: database.db, close: async () => {} };
  // Both drivers answer execute() with { rows }; the Db type leaves the result unknown.
  const { rows } = (await database.db.execute(sql`select current_database() as name`)) as {
    rows: { name: string }[];
  };
  const name = rows[0]?.name;
  if (!name) throw new Error('no current database');
  return openPostgres(withDatabase(url, name), 20);
}

// ---------------------------------------------------------------------------------------
// Random chains and tamperings for the property.

type ChainTx = { actor: number; at: Date; events: AuditEvent[] };

const eventArbitrary: fc.Arbitrary<AuditEvent> = fc.record({
  action: fc.string({ minLength: 1, maxLength: 24 }),
  objectType: fc.option(fc.constantFrom('record', 'entity', 'user'), { nil: undefined }),
  objectIds: fc.array(fc.uuid(), { maxLength: 3 }),
  decision: fc.constantFrom('allow' as const, 'deny' as const),
  reason: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
  // Spread into a plain object: Drizzle cannot bind a top-level Object.create(null) value.
  details: fc
    .dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 })
    .map((d) => ({ ...d })),
});

const chainArbitrary: fc.Arbitrary<ChainTx[]> = fc
  .array(
    fc.record({
      actor: fc.nat(2),
      at: fc.date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2099-12-31T23:59:59Z'),
        noInvalidDate: true,
      }),
      events: fc.array(eventArbitrary, { minLength: 1, maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .filter((txs) => txs.reduce((n, tx) => n + tx.events.length, 0) >= 2);

async function appendEvents(db: Db, chain: readonly ChainTx[]): Promise<number> {
  for (const tx of chain) {
    await db.transaction((t) => appendAudit(t, sampleActor(tx.actor, tx.at), tx.events));
  }
  return chain.reduce((n, tx) => n + tx.events.length, 0);
}

type Tampering =
  | { kind: 'edit'; column: (typeof EDITED_COLUMNS)[number]; at: number }
  | { kind: 'hash' | 'delete'; at: number }
  | { kind: 'swap'; at: number; other: number }
  | { kind: 'renumber'; at: number; gap: number };

const tamperingArbitrary: fc.Arbitrary<Tampering> = fc.oneof(
  fc.record({
    kind: fc.constant('edit' as const),
    column: fc.constantFrom(...EDITED_COLUMNS),
    at: fc.nat(),
  }),
  fc.record({ kind: fc.constantFrom('hash' as const, 'delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({
    kind: fc.constant('renumber' as const),
    at: fc.nat(),
    gap: fc.integer({ min: 1, max: 5 }),
  }),
);

/** The statements that carry out a tampering on a chain of `total` rows, and the row it hits. */
function tamperingOf(t: Tampering, total: number) {
  const row = 1 + (t.at % total);
  switch (t.kind) {
    case 'edit':
      return { row, statements: [editColumn(t.column, row)] };
    case 'hash':
      return { row, statements: [rewriteHash(row)] };
    case 'delete':
      return { row, statements: [deleteRows(row)] };
    case 'swap': {
      const other = 1 + ((row + (t.other % (total - 1))) % total); // never `row` itself
      return { row: Math.min(row, other), statements: swapSeq(row, other) };
    }
    case 'renumber':
      return { row, statements: [renumber(row, total + t.gap)] };
  }
}
