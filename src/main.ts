import { and, eq, isNull } from 'drizzle-orm';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { acquireLock, removeCredential, writeCredential } from './db/data-dir-lock.ts';
import { systemClock } from './shared/clock.ts';
import { apiTokens } from './modules/auth/auth.table.ts';
import { createApiToken } from './modules/auth/auth.service.ts';
import { ensureCenter, systemViewer, type CenterInfo } from './modules/center/center.service.ts';
import { buildApp, type App } from './server/app.ts';
import { startIngestWorker } from './jobs/ingest-worker.ts';
import { backfillPlaces } from './modules/geo/backfill.ts';
import { rekeyProgressMessage, rekeyStaleBlockingKeys } from './modules/resolution/rekey.ts';

export type Opened = { database: Database; center: CenterInfo };

/**
 * config → database → migrate → center. With PGlite it takes the data-directory lock (one
 * process per directory), released when the database is closed.
 */
export async function openInstance(config: Config): Promise<Opened> {
  const release = config.databaseUrl ? () => undefined : acquireLock(config.dataDir, { url: null });
  let opened: Database;
  try {
    opened = await openDatabase(config);
  } catch (err) {
    release();
    throw err;
  }
  const database: Database = { ...opened, close: () => opened.close().finally(release) };
  try {
    await database.migrate();
    await backfillPlaces(database.db);
    const center = await ensureCenter(database.db, config.centerName);
    // Before the server listens: see rekey.ts for why it cannot run alongside requests.
    await rekeyStaleBlockingKeys(database.db, 'server start: blocking scheme upgrade', (p) =>
      process.stderr.write(`watchfloor: ${rekeyProgressMessage(p)}\n`),
    );
    return { database, center };
  } catch (err) {
    await database.close();
    throw err;
  }
}

const CLI_TOKEN_NAME = 'local-cli';

/**
 * Runs the HTTP server over an opened instance until SIGINT/SIGTERM. With PGlite it holds
 * the data-directory lock and leaves a local admin credential for the CLI to go through.
 */
export async function serve(
  config: Config,
  opened: Opened,
): Promise<{ app: App; url: string; stop: () => Promise<void> }> {
  const { database, center } = opened;
  const worker = startIngestWorker({
    db: database.db,
    kind: database.kind,
    clock: systemClock,
    center,
    onError: (err) => {
      app.log.error({ err }, 'ingest job failed');
    },
  });
  const app = await buildApp({
    config,
    database,
    clock: systemClock,
    center,
    onIngestQueued: () => {
      worker.wake();
    },
  });
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await worker.stop();
      await app.close();
      if (!config.databaseUrl) removeCredential(config.dataDir);
      await database.close();
    })());
  try {
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    if (!config.databaseUrl) {
      // Now a server: the lock names its URL so the CLI goes through it.
      acquireLock(config.dataDir, { url });
      writeCredential(config.dataDir, await issueCliToken(opened));
    }
    return { app, url, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** A fresh token for the system account; earlier local-CLI tokens are revoked. */
async function issueCliToken({ database, center }: Opened): Promise<string> {
  const now = new Date();
  await database.db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(
      and(
        eq(apiTokens.userId, center.systemUserId),
        eq(apiTokens.name, CLI_TOKEN_NAME),
        isNull(apiTokens.revokedAt),
      ),
    );
  const actor = {
    viewer: systemViewer(center, 'server start: local CLI credential'),
    clientIp: null,
    now,
  };
  const created = await createApiToken(database.db, actor, {
    userId: center.systemUserId,
    name: CLI_TOKEN_NAME,
    expiresInDays: null,
  });
  return created.token;
}
