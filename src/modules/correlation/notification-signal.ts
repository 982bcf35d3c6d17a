import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/** The database channel that says "new notifications were committed". */
export const NOTIFICATIONS_CHANNEL = 'watchfloor_notifications';

/**
 * Signals open event streams to read the notification table now instead of at their next
 * poll. A NOTIFY inside a transaction is delivered when it commits and dropped when it rolls
 * back, so a stream never wakes for notifications that do not exist; it carries nothing, the
 * stream reads what it may see as always.
 */
export async function signalNewNotifications(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_notify(${NOTIFICATIONS_CHANNEL}, '')`);
}
