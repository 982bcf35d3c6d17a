import { existsSync, openAsBlob, statSync } from 'node:fs';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import { Option, type Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { withApiClient, type ApiClient } from '../api-client.ts';
import type { Run } from '../command.ts';
import { CliUsageError, withFlagNames } from '../errors.ts';
import { parseUuid } from '../options.ts';

type Options = { file: string; source: string; format: string; mapping?: string; dryRun?: boolean };
type Job = {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  bytesTotal: number;
  bytesRead: number;
  rowsRead: number;
  rowsCreated: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  rowsFailed: number;
  errorMessage: string | null;
};

const FORMATS = ['csv', 'ndjson', 'sar-xml', 'stix'] as const;
const POLL_MS = 300;

export function registerIngest(program: Command, run: Run): void {
  program
    .command('ingest')
    .description('Ingest a file of records into a source: streamed, validated, idempotent')
    .argument('<file>', 'the file to ingest')
    .requiredOption('--source <id>', 'the source the records come from', parseUuid)
    .addOption(
      new Option('--format <format>', 'the file format').choices(FORMATS).makeOptionMandatory(),
    )
    .option('--mapping <file>', 'column mapping (YAML or JSON), required for CSV')
    .option('--dry-run', 'validate the whole file and write nothing')
    .action((file: string, flags: Omit<Options, 'file'>) =>
      run<Options>(async (opts, { out }) => {
        const path = checkFile(opts.file, '<file>');
        const form = new FormData();
        form.set('source', opts.source);
        form.set('format', opts.format);
        form.set('dryRun', String(Boolean(opts.dryRun)));
        if (opts.mapping)
          form.set('mapping', await openAsBlob(checkFile(opts.mapping, '--mapping')));
        form.set('file', await openAsBlob(path), basename(path));
        const job = await withApiClient(
          loadConfig(),
          'CLI: ingest',
          async (api) =>
            follow(
              api,
              await api
                .upload<Job>('/ingest', form)
                .catch(withFlagNames({ 'querystring.source': '--source' })),
              out.json,
            ),
          { ingestWorker: true },
        );
        out.result(job, summary(job));
        return job.status === 'succeeded' ? 0 : 1;
      })({ ...flags, file }),
    );
}

function checkFile(path: string, flag: string): string {
  if (!path || !existsSync(path) || !statSync(path).isFile())
    throw new CliUsageError(`${flag}: no such file '${path}'`);
  return path;
}

/** Polls the job until it ends, with a progress bar on stderr (rows/s, errors, ETA). */
async function follow(api: ApiClient, queued: Job, quiet: boolean): Promise<Job> {
  const bar = new cliProgress.SingleBar(
    {
      format:
        'Ingest [{bar}] {percentage}% | {rows} rows | {speed} rows/s | {errors} errors | ETA {eta_formatted}',
      hideCursor: true,
      fps: 5,
      stream: process.stderr,
      noTTYOutput: false,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  if (!quiet) bar.start(Math.max(queued.bytesTotal, 1), 0, { rows: 0, speed: 0, errors: 0 });
  let job = queued;
  while (job.status === 'queued' || job.status === 'running') {
    await new Promise((r) => setTimeout(r, POLL_MS));
    job = await api.request<Job>('GET', `/ingest/jobs/${job.id}`);
    const seconds = (performance.now() - started) / 1000;
    if (!quiet) {
      bar.setTotal(Math.max(job.bytesTotal, 1));
      bar.update(job.bytesRead, {
        rows: job.rowsRead,
        speed: Math.round(job.rowsRead / Math.max(seconds, 0.001)),
        errors: job.rowsFailed,
      });
    }
  }
  if (!quiet) bar.stop();
  return job;
}

function summary(job: Job): string[] {
  if (job.status === 'failed')
    return [`Ingest failed: ${job.errorMessage ?? 'unknown error'}`, `  job: ${job.id}`];
  return [
    `Ingest finished: ${job.rowsRead} rows read — ${job.rowsCreated} created, ${job.rowsUpdated} updated, ${job.rowsUnchanged} unchanged, ${job.rowsFailed} with errors`,
    `  job: ${job.id}`,
    ...(job.rowsFailed > 0 ? [`  error report: GET /api/v1/ingest/jobs/${job.id}/errors.csv`] : []),
  ];
}
