import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import type { DemoPersona } from '../../demo/types.ts';
import type { Opened } from '../../main.ts';
import { openInstanceForCli } from '../api-client.ts';
import type { Run } from '../command.ts';
import { CliEnvironmentError } from '../errors.ts';
import { parsePositiveInt, parseSeed } from '../options.ts';
import { formatTable, type Output } from '../output.ts';
import { serveUntilSignal } from './serve.ts';

/** Loaded lazily so the CLI runs even where the demo generator is absent. */
type SeedModule = typeof import('../../demo/seed.ts');
type SeedResult = Awaited<ReturnType<SeedModule['seedDemoWorld']>>;

type Options = { records?: number; seed?: number; serve: boolean; retrain: boolean };

export const DEFAULT_DEMO_RECORDS = 5_000;
export const DEFAULT_DEMO_SEED = 1;

export function registerDemo(program: Command, run: Run): void {
  program
    .command('demo')
    .description('Seed the synthetic demo world (once) and serve it with its demo sign-ins')
    .option(
      '--records <n>',
      `how many records to generate (default ${DEFAULT_DEMO_RECORDS})`,
      parsePositiveInt,
    )
    .option(
      '--seed <n>',
      `random seed: the same seed gives the same world (default ${DEFAULT_DEMO_SEED})`,
      parseSeed,
    )
    .option(
      '--no-retrain',
      'leave the resolution model untrained after seeding (for very large worlds; run `resolution retrain` later)',
    )
    .option('--no-serve', 'seed only, do not start the server')
    .action(
      run<Options>(async (opts, { out }) => {
        const config = loadConfig();
        const { seedDemoWorld } = await loadSeedModule();
        const opened = await openInstanceForCli(config);
        let result: SeedResult;
        try {
          result = await seedWithProgress(seedDemoWorld, opened, opts, out, config.dataDir);
        } catch (err) {
          await opened.database.close().catch(() => undefined);
          throw err;
        }
        const json = {
          seeded: result.seeded,
          records: result.records,
          retrain: result.retrain,
          personas: result.personas.map((p) => ({
            username: p.username,
            password: result.password,
            roleSummary: p.roleSummary,
          })),
        };
        const human = [
          '',
          `Demo sign-ins (password for all: ${result.password}):`,
          ...formatTable(result.personas, PERSONA_COLUMNS),
        ];
        if (opts.serve) return serveUntilSignal(config, opened, out, { json, human });
        await opened.database.close();
        out.result(json, [...human, '', 'Start the server with: watchfloor serve']);
        return 0;
      }),
    );
}

const PERSONA_COLUMNS = [
  { header: 'Username', value: (p: DemoPersona) => p.username },
  { header: 'Who', value: (p: DemoPersona) => p.roleSummary },
];

/** seedDemoWorld leaves an already seeded database as it is and says so. */
async function seedWithProgress(
  seedDemoWorld: SeedModule['seedDemoWorld'],
  opened: Opened,
  opts: Options,
  out: Output,
  dataDir: string,
): Promise<SeedResult> {
  const records = opts.records ?? DEFAULT_DEMO_RECORDS;
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  const progress = progressBar();
  const started = performance.now();
  let loadedAt: number | undefined;
  const loaded = (count: number) => {
    progress.stop();
    loadedAt = performance.now();
    const seconds = (loadedAt - started) / 1000;
    out.note(
      `Seeded the demo world (seed ${seed}): ${count} records in ${seconds.toFixed(1)} s (${Math.round(count / Math.max(seconds, 0.001))} records/s).`,
    );
  };
  let result: SeedResult;
  try {
    result = await seedDemoWorld(opened, {
      seed,
      records,
      groundTruthPath: join(dataDir, 'demo-ground-truth.ndjson'),
      onProgress: progress.update,
      retrain: opts.retrain,
      onRetrain: (count) => {
        loaded(count);
        out.note('Training the resolution model on the demo world and re-resolving…');
      },
    });
  } finally {
    progress.stop();
  }
  if (result.seeded) {
    const retrain = result.retrain;
    if (retrain && loadedAt !== undefined) {
      const seconds = ((performance.now() - loadedAt) / 1000).toFixed(1);
      out.note(
        `Trained on ${retrain.trainedOn} observations and re-resolved in ${seconds} s: ${retrain.mergesAdded} merges and ${retrain.candidatesAdded} possible associations added.`,
      );
    } else {
      loaded(result.records);
      out.note('The resolution model is untrained: `watchfloor resolution retrain` trains it.');
    }
  } else {
    out.note(`The demo world (${result.records} records) is already in this database.`);
    if (opts.records !== undefined || opts.seed !== undefined) {
      out.note('--records and --seed apply only to a database without the demo world.');
    }
  }
  return result;
}

/** A bar on stderr (drawn only on a terminal): records/s and ETA. */
function progressBar() {
  const bar = new cliProgress.SingleBar(
    {
      format:
        'Seeding [{bar}] {percentage}% | {value}/{total} records | {speed} records/s | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 50,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  let running = false;
  let total = 0;
  return {
    update: (done: number, newTotal: number) => {
      const elapsed = (performance.now() - started) / 1000;
      const payload = { speed: elapsed > 0 ? Math.round(done / elapsed) : 0 };
      if (!running) {
        bar.start(newTotal, done, payload);
        running = true;
      } else {
        if (newTotal !== total) bar.setTotal(newTotal);
        bar.update(done, payload);
      }
      total = newTotal;
    },
    stop: () => {
      if (running) bar.stop();
      running = false;
    },
  };
}

async function loadSeedModule(): Promise<SeedModule> {
  const url = new URL('../../demo/seed.ts', import.meta.url);
  let mod: unknown;
  try {
    mod = await import(url.href);
  } catch (err) {
    if ((err as { code?: unknown }).code !== 'ERR_MODULE_NOT_FOUND') throw err;
    const seedMissing = (err as Error).message.includes(fileURLToPath(url));
    throw new CliEnvironmentError(
      'demo.unavailable',
      seedMissing
        ? 'The demo world generator (src/demo/seed.ts) is not in this build, so there is nothing to seed. `watchfloor serve` runs without it.'
        : `The demo world generator is incomplete in this build: ${(err as Error).message}`,
    );
  }
  if (typeof (mod as Partial<SeedModule> | undefined)?.seedDemoWorld !== 'function') {
    throw new CliEnvironmentError(
      'demo.unavailable',
      'src/demo/seed.ts does not export seedDemoWorld(opened, { seed, records, onProgress }).',
    );
  }
  return mod as SeedModule;
}
