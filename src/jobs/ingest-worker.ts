import { hostname } from 'node:os';
import { and, asc, eq, isNull, lt, or } from 'drizzle-orm';
import type { Db, DatabaseKind } from '../db/client.ts';
import type { Clock } from '../shared/clock.ts';
import type { CenterInfo } from '../modules/center/center.service.ts';
import { ingestJobs } from '../modules/ingest/ingest.table.ts';
import { runIngestJob } from '../modules/ingest/ingest-runner.ts';

const HEARTBEAT_MS = 10_000;
const STALE_MS = 60_000;
const IDLE_POLL_MS = 1_000;

export type IngestWorker = { wake(): void; stop(): Promise<void> };

/**
 * Runs queued ingest jobs one at a time in this process. Jobs are claimed with
 * FOR UPDATE SKIP LOCKED, so several servers on one PostgreSQL share the queue; a running
 * job whose heartbeat stopped (its process died) is claimed again and resumes from its
 * checkpoint. Embedded PGlite has one process per data directory, so any job still marked
 * running when this worker starts is an orphan and resumes at once.
 */
export function startIngestWorker(deps: {
  db: Db;
  kind: DatabaseKind;
  clock: Clock;
  center: CenterInfo;
  onError: (err: unknown) => void;
}): IngestWorker {
  const me = `${hostname()}:${process.pid}`;
  let stopped = false;
  let wakeUp: (() => void) | undefined;
  let orphansFirst = deps.kind === 'pglite';
  const loop = (async () => {
    while (!stopped) {
      const job = await claimNext(deps, me, orphansFirst).catch(
        (err: unknown) => (deps.onError(err), undefined),
      );
      orphansFirst = false;
      if (!job) {
        await new Promise<void>((resolve) => {
          wakeUp = resolve;
          setTimeout(resolve, IDLE_POLL_MS).unref();
        });
        continue;
      }
      const beat = setInterval(() => {
        void deps.db
          .update(ingestJobs)
          .set({ heartbeatAt: deps.clock.now() })
          .where(eq(ingestJobs.id, job.id))
          .catch(deps.onError);
      }, HEARTBEAT_MS);
      try {
        await runIngestJob(deps, job);
      } catch (err) {
        deps.onError(err);
      } finally {
        clearInterval(beat);
      }
    }
  })();
  return {
    wake: () => wakeUp?.(),
    stop: async () => {
      stopped = true;
      wakeUp?.();
      await loop;
    },
  };
}

async function claimNext(deps: { db: Db; clock: Clock }, me: string, orphansFirst: boolean) {
  const staleBefore = new Date(
    deps.clock.now().getTime() - (orphansFirst ? 0 : STALE_MS) + (orphansFirst ? 1 : 0),
  );
  return deps.db.transaction(async (tx) => {
    const [next] = await tx
      .select()
      .from(ingestJobs)
      .where(
        or(
          eq(ingestJobs.status, 'queued'),
          and(
            eq(ingestJobs.status, 'running'),
            or(isNull(ingestJobs.heartbeatAt), lt(ingestJobs.heartbeatAt, staleBefore)),
          ),
        ),
      )
      .orderBy(asc(ingestJobs.createdAt))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!next) return undefined;
    const [claimed] = await tx
      .update(ingestJobs)
      .set({ status: 'running', claimedBy: me, heartbeatAt: deps.clock.now() })
      .where(eq(ingestJobs.id, next.id))
      .returning();
    return claimed;
  });
}
