import type { Command } from 'commander';
import { loadConfig, type Config } from '../../config.ts';
import type { Opened } from '../../main.ts';
import { openInstanceForCli } from '../api-client.ts';
import type { Run } from '../command.ts';
import { CliEnvironmentError, findCodedError } from '../errors.ts';
import type { Output } from '../output.ts';

export function registerServe(program: Command, run: Run): void {
  program
    .command('serve')
    .description('Run the web application and API until SIGINT or SIGTERM')
    .action(
      run<object>(async (_opts, { out }) => {
        const config = loadConfig();
        const opened = await openInstanceForCli(config);
        return serveUntilSignal(config, opened, out, { json: {}, human: [] });
      }),
    );
}

/**
 * Serves an opened instance, prints the URL (plus `extra`), waits for SIGINT/SIGTERM and
 * stops cleanly. A second signal while stopping ends the process at once.
 */
export async function serveUntilSignal(
  config: Config,
  opened: Opened,
  out: Output,
  extra: { json: object; human: readonly string[] },
): Promise<number> {
  const { serve } = await import('../../main.ts');
  let server: Awaited<ReturnType<typeof serve>>;
  try {
    server = await serve(config, opened);
  } catch (err) {
    await opened.database.close().catch(() => undefined);
    throw explainListenError(err, config);
  }
  const stopped = waitForStopSignal();
  const where =
    opened.database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  out.result(
    {
      url: server.url,
      pid: process.pid,
      database: opened.database.kind,
      ...(opened.database.kind === 'pglite' ? { dataDir: config.dataDir } : {}),
      ...extra.json,
    },
    [
      `Watchfloor is running at ${server.url}`,
      `  database: ${where}`,
      `  API docs: ${server.url}/api/docs`,
      ...extra.human,
      '',
      'Press Ctrl+C to stop.',
    ],
  );
  const signal = await stopped;
  out.note(`Received ${signal}; stopping…`);
  await server.stop();
  out.note('Stopped.');
  return 0;
}

function waitForStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      const force = (again: NodeJS.Signals) => {
        process.stderr.write(`Received ${again} again; exiting without a clean stop.\n`);
        process.exit(again === 'SIGINT' ? 130 : 143);
      };
      process.once('SIGINT', force);
      process.once('SIGTERM', force);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

function explainListenError(err: unknown, config: Config): unknown {
  const code = findCodedError(err, new Set(['EADDRINUSE', 'EACCES', 'EADDRNOTAVAIL']))?.code;
  if (!code) return err;
  const reason =
    code === 'EADDRINUSE'
      ? 'the port is in use (set PORT to another port, or PORT=0 for any free one)'
      : code === 'EACCES'
        ? 'permission denied (ports below 1024 need privileges)'
        : 'the address is not available on this machine (check HOST)';
  return new CliEnvironmentError(
    'server.listen_failed',
    `Cannot listen on ${config.host}:${config.port}: ${reason}`,
    { cause: err },
  );
}
