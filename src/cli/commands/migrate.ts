import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { DataDirLockedError, readLock } from '../../db/data-dir-lock.ts';
import type { Run } from '../command.ts';
import { CliEnvironmentError, explainOpenError } from '../errors.ts';

/**
 * Schema changes need the database to itself: with PGlite this refuses while a server holds
 * the data directory (the server migrated when it started). It is the one command that does
 * not go through the API, because the API's tables may not exist yet.
 */
export function registerMigrate(program: Command, run: Run): void {
  program
    .command('migrate')
    .description('Apply pending database migrations')
    .action(
      run<object>(async (_opts, { out }) => {
        const config = loadConfig();
        if (!config.databaseUrl) {
          const holder = readLock(config.dataDir);
          if (holder) {
            throw new CliEnvironmentError(
              'data_dir.locked',
              `${new DataDirLockedError(holder).message}. Stop it before migrating; it already migrated the database when it started.`,
            );
          }
        }
        // Loaded here, not at start-up: the other commands need neither.
        const [{ openDatabase }, { migrationStatus }, rekey] = await Promise.all([
          import('../../db/client.ts'),
          import('../migration-status.ts'),
          import('../../modules/resolution/rekey.ts'),
        ]);
        const database = await openDatabase(config).catch((err: unknown) => {
          throw explainOpenError(err, config);
        });
        try {
          const before = await migrationStatus(database).catch((err: unknown) => {
            throw explainOpenError(err, config);
          });
          await database.migrate();
          // Derived data a migration's code change made stale, done here rather than at the
          // server's next start (docs/resolution.md, "The blocking scheme, and re-keying").
          const rekeyed = await rekey.rekeyStaleBlockingKeys(
            database.db,
            'watchfloor migrate: blocking scheme upgrade',
            (p) => {
              out.note(`${rekey.rekeyProgressMessage(p)}…`);
            },
          );
          const after = await migrationStatus(database);
          const applied = after.applied.filter((tag) => !before.applied.includes(tag));
          const latest = after.applied.at(-1) ?? null;
          out.result(
            {
              database: database.kind,
              applied,
              alreadyApplied: before.applied.length,
              pending: after.pending,
              latest,
              rekeyed: rekeyed ?? null,
            },
            [
              ...(applied.length
                ? [
                    `Applied ${applied.length} migration${applied.length > 1 ? 's' : ''}:`,
                    ...applied.map((tag) => `  ${tag}`),
                    `The ${database.kind} database is at ${latest ?? '(none)'}.`,
                  ]
                : [
                    `No migration to apply: the ${database.kind} database is at ${latest ?? '(none)'}.`,
                  ]),
              ...(rekeyed ? [rekey.rekeyedSummary(rekeyed)] : []),
            ],
          );
          return 0;
        } finally {
          await database.close();
        }
      }),
    );
}
