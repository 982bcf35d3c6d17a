import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Option, type Command } from 'commander';
import { OBSERVATION_TYPES } from '../../modules/entities/observation-types.ts';
import { loadConfig } from '../../config.ts';
import { withApiClient, withQuery } from '../api-client.ts';
import type { Run } from '../command.ts';
import { CliUsageError } from '../errors.ts';

type Options = { format: string; type?: string; output?: string; json?: boolean };
type Page = {
  items: { id: string; type: string; observations: unknown[] }[];
  nextCursor: string | null;
};

export function registerEntitiesExport(entities: Command, run: Run): void {
  entities
    .command('export')
    .description(
      'Write every resolved entity with its observations, one JSON object per line, to score the clustering',
    )
    .addOption(
      new Option('--format <format>', 'output format').choices(['ndjson']).default('ndjson'),
    )
    .addOption(new Option('--type <type>', 'only entities of this type').choices(OBSERVATION_TYPES))
    .option('--output <file>', 'write to a file instead of standard output')
    .action(
      run<Options>(async (opts, { out }) => {
        if (opts.json && !opts.output)
          throw new CliUsageError(
            '--json needs --output: the export itself is written to standard output',
          );
        const stream = opts.output ? createWriteStream(opts.output) : process.stdout;
        let entities = 0;
        let observations = 0;
        await withApiClient(loadConfig(), 'CLI: entities export', async (api) => {
          let cursor: string | null = null;
          do {
            const page: Page = await api.request<Page>(
              'GET',
              withQuery('/entities', { type: opts.type, cursor, limit: 1000 }),
            );
            for (const e of page.items) {
              entities++;
              observations += e.observations.length;
              if (!stream.write(`${JSON.stringify(e)}\n`)) await once(stream, 'drain');
            }
            cursor = page.nextCursor;
          } while (cursor);
        });
        if (opts.output) {
          stream.end();
          await once(stream, 'finish');
          out.result(
            { entities, observations, output: opts.output },
            `Wrote ${entities} entities (${observations} observations) to ${opts.output}`,
          );
        }
        return 0;
      }),
    );
}
