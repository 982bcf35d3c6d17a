import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
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
