/**
 * database.listen: a NOTIFY reaches listeners when its transaction commits, never when it
 * rolls back, on both databases (the event stream's wake-up, signalNewNotifications).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from './client.ts';
import { createTestDatabase, describeEachDatabase } from './test-db.ts';

describeEachDatabase('database.listen', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.close());

  it('hears a committed NOTIFY once, and nothing of a rolled-back one', async () => {
    const heard: string[] = [];
    let wake: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (wake = resolve));
    const stop = await database.listen('watchfloor_test_channel', () => {
      heard.push('notify');
      wake();
    });
    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`select pg_notify('watchfloor_test_channel', '')`);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_notify('watchfloor_test_channel', '')`);
    });
    await arrived;
    // Notifications arrive in commit order: had the rolled-back one been sent, it came first.
    expect(heard).toEqual(['notify']);
    await stop();
  });
});
