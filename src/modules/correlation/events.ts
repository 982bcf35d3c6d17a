import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceContext } from '../../shared/context.ts';
import { streamByPolling } from '../../server/sse.ts';
import type { Database } from '../../db/client.ts';
import { notificationsSince } from './correlation.service.ts';
import { NOTIFICATIONS_CHANNEL } from './notification-signal.ts';

const POLL_MS = 200;
const KEEPALIVE_MS = 15_000;

/**
 * The live stream for one viewer. It reads the notification table, so it sees what any
 * process committed; ids are time-ordered, so `Last-Event-ID` resumes exactly. Starting
 * fresh, it sends only what arrives from now on. A commit that adds notifications wakes it
 * at once (signalNewNotifications); the poll is the fallback.
 */
export function streamEvents(
  ctx: ServiceContext,
  database: Database,
  req: FastifyRequest,
  reply: FastifyReply,
): void {
  const resumeFrom = req.headers['last-event-id'];
  // A fresh stream starts at the newest id: anything later is news.
  let last: string | null =
    typeof resumeFrom === 'string' && /^[0-9a-f-]{36}$/i.test(resumeFrom) ? resumeFrom : newestId();
  let idle = 0;
  const wakeOn = (wake: () => void) => database.listen(NOTIFICATIONS_CHANNEL, wake);
  streamByPolling(
    req,
    reply,
    POLL_MS,
    async (stream) => {
      const items = await notificationsSince(ctx, last);
      for (const n of items) {
        stream.send('notification', n, n.id);
        last = n.id;
      }
      idle = items.length > 0 ? 0 : idle + POLL_MS;
      if (idle >= KEEPALIVE_MS) {
        stream.comment('keep-alive');
        idle = 0;
      }
      return true;
    },
    wakeOn,
  );
}

/** A UUIDv7-shaped id for "now": every notification created later sorts after it. */
function newestId(): string {
  const hex = Date.now().toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}
