import { afterAll, beforeAll, expect, it } from 'vitest';
import { desc, sql } from 'drizzle-orm';
import { auditLog } from './audit.table.ts';
import type { Database } from '../../db/client.ts';
import { createTestDatabase, describeEachDatabase } from '../../db/test-db.ts';
import { appendAudit, verifyAuditChain } from './audit.service.ts';

describeEachDatabase('audit chain', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.close());

  it('X-01 a chain of appended events verifies', async () => {
    const actor = { viewer: null, username: 'alice', clientIp: '127.0.0.1', now: new Date() };
    await database.db.transaction((tx) =>
      appendAudit(tx, actor, [{ action: 'auth.login_failed' }, { action: 'auth.login_failed' }]),
    );
    await database.db.transaction((tx) => appendAudit(tx, actor, [{ action: 'x' }]));
    const result = await verifyAuditChain(database.db);
    expect(result).toMatchObject({ ok: true, checked: 3 });
  });

  it('X-01 the table refuses UPDATE and DELETE', async () => {
    const refused = (e: unknown) => /append-only/.test(String((e as Error).cause));
    await expect(database.db.execute(sql`update audit_log set action = 'y'`)).rejects.toSatisfy(
      refused,
    );
    await expect(database.db.execute(sql`delete from audit_log`)).rejects.toSatisfy(refused);
  });
});

describeEachDatabase('audit input hygiene', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.close());

  it('X-01 user input with NUL bytes, lone surrogates or null-prototype objects is still audited', async () => {
    const actor = { viewer: null, username: 'bad\u0000name', clientIp: null, now: new Date() };
    const details = Object.assign(Object.create(null) as Record<string, unknown>, {
      query: 'x\u0000y',
      half: '\uD800',
    });
    await database.db.transaction((tx) =>
      appendAudit(tx, actor, [
        { action: 'search', reason: 'r\u0000', objectIds: ['a\u0000'], details },
      ]),
    );
    const [row] = await database.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(row?.details['query']).toBe('x\uFFFDy');
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });

  it('X-01 a batch larger than the bind-parameter limit is appended in one transaction', async () => {
    const events = Array.from({ length: 5000 }, (_, i) => ({
      action: 'record.read',
      objectIds: [String(i)],
    }));
    const now = new Date();
    await database.db.transaction((tx) =>
      appendAudit(tx, { viewer: null, clientIp: null, now }, events),
    );
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });
});
