import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { RECORD_KINDS } from '../../modules/records/record-kinds.ts';
import { SAR_BEHAVIOUR_CODES } from '../../modules/records/sar-codes.ts';
import { withApiClient, withQuery } from '../api-client.ts';
import type { Run } from '../command.ts';
import { CliUsageError, withFlagNames } from '../errors.ts';
import { parsePositiveInt, parseUuid } from '../options.ts';

type Options = {
  entity?: string;
  ids?: string;
  from?: string;
  to?: string;
  kind?: string;
  category?: string;
  agency?: string;
  bbox?: string;
  limit?: number;
  format: 'csv' | 'json';
  output?: string;
  json?: boolean;
};

const FLAGS = {
  'querystring.entityId': '--entity',
  'querystring.ids': '--ids',
  'querystring.ownerAgencyId': '--agency',
  'querystring.from': '--from',
  'querystring.to': '--to',
  'querystring.bbox': '--bbox',
  'querystring.limit': '--limit',
};

export function registerTimelineExport(timeline: Command, run: Run): void {
  timeline
    .command('export')
    .description(
      'Write a timeline (the visible records of an entity, of ids or of filters, in time order) as CSV or JSON; audited as an export',
    )
    .option('--entity <id>', "the entity's timeline, with its role in each record", parseUuid)
    .option('--ids <list>', 'record ids, comma-separated (up to 500)')
    .option('--from <date-time>', 'records that began at or after this ISO 8601 time')
    .option('--to <date-time>', 'records that began before this ISO 8601 time')
    .addOption(new Option('--kind <kind>', 'only records of this kind').choices(RECORD_KINDS))
    .addOption(
      new Option('--category <code>', 'only SARs with this behaviour').choices(SAR_BEHAVIOUR_CODES),
    )
    .option('--agency <id>', 'only records this agency owns', parseUuid)
    .option('--bbox <west,south,east,north>', 'only records located in this box')
    .option(
      '--limit <n>',
      'at most this many records, earliest first (default 1000)',
      parsePositiveInt,
    )
    .addOption(
      new Option('--format <format>', 'output format').choices(['csv', 'json']).default('csv'),
    )
    .option('--output <file>', 'write to a file instead of standard output')
    .action(
      run<Options>(async (o, { out }) => {
        if (o.json && !o.output)
          throw new CliUsageError(
            '--json needs --output: the timeline itself is written to standard output',
          );
        const query = withQuery('/timeline', {
          entityId: o.entity,
          ids: o.ids,
          from: o.from,
          to: o.to,
          kind: o.kind,
          category: o.category,
          ownerAgencyId: o.agency,
          bbox: o.bbox,
          limit: o.limit,
          format: o.format,
        });
        const doc = await withApiClient(loadConfig(), 'CLI: timeline export', (api) =>
          api.requestText('GET', query).catch(withFlagNames(FLAGS)),
        );
        if (!o.output) {
          process.stdout.write(doc.endsWith('\n') ? doc : `${doc}\n`);
          return 0;
        }
        await writeFile(o.output, doc);
        out.result(
          { output: o.output, format: o.format, bytes: Buffer.byteLength(doc) },
          `Wrote the timeline (${o.format}) to ${o.output}`,
        );
        return 0;
      }),
    );
}
