import { InvalidArgumentError, Option, type Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { OBSERVATION_TYPES } from '../../modules/entities/observation-types.ts';
import { RECORD_KINDS } from '../../modules/records/record-kinds.ts';
import { withApiClient, withQuery } from '../api-client.ts';
import type { Run } from '../command.ts';
import { writeDocument } from '../document-output.ts';
import { CliUsageError, withFlagNames } from '../errors.ts';
import { parsePositiveInt, parseUuid } from '../options.ts';

type Options = {
  record?: boolean;
  hops?: number;
  maxNodes?: number;
  minWeight?: number;
  types?: string;
  kinds?: string;
  after?: string;
  before?: string;
  records: boolean;
  structure?: boolean;
  format: 'json' | 'graphml';
  output?: string;
  json?: boolean;
};

/** API request fields by the flag that set them, for error messages. */
const FLAGS = {
  'querystring.entityId': '<id>',
  'querystring.recordId': '<id>',
  'querystring.hops': '--hops',
  'querystring.maxNodes': '--max-nodes',
  'querystring.minWeight': '--min-weight',
  'querystring.occurredAfter': '--after',
  'querystring.occurredBefore': '--before',
};

/** A comma list whose every item is one of `known`. */
const listOf = (known: readonly string[]) => (value: string) => {
  const items = value.split(',').map((s) => s.trim());
  const unknown = items.filter((i) => !known.includes(i));
  if (unknown.length > 0)
    throw new InvalidArgumentError(`unknown: ${unknown.join(', ')} (known: ${known.join(', ')})`);
  return items.join(',');
};

export function registerGraphExpand(graph: Command, run: Run): void {
  graph
    .command('expand')
    .description(
      'Write the neighbourhood of an entity (or a record, with --record) as JSON or GraphML; audited as an export',
    )
    .argument('<id>', 'the entity id (or record id with --record)', parseUuid)
    .option('--record', 'the id is a record, not an entity')
    .option('--hops <n>', 'how far to expand, 1 to 3 (default 2)', parsePositiveInt)
    .option('--max-nodes <n>', 'node cap, up to 2000 (default 500)', parsePositiveInt)
    .option('--min-weight <n>', 'least shared records for a co-occurrence edge', parsePositiveInt)
    .option(
      '--types <list>',
      `entity types to keep (${OBSERVATION_TYPES.join(', ')})`,
      listOf(OBSERVATION_TYPES),
    )
    .option(
      '--kinds <list>',
      `record kinds that count (${RECORD_KINDS.join(', ')})`,
      listOf(RECORD_KINDS),
    )
    .option('--after <date-time>', 'only records that occurred at or after this ISO 8601 time')
    .option('--before <date-time>', 'only records that occurred at or before this ISO 8601 time')
    .option('--no-records', 'the entity network only, without record nodes')
    .option('--structure', 'add communities and centrality to every node')
    .addOption(
      new Option('--format <format>', 'output format').choices(['json', 'graphml']).default('json'),
    )
    .option('--output <file>', 'write to a file instead of standard output')
    .action((id: string, opts: Options) =>
      run<Options>(async (o, { out }) => {
        if (o.json && !o.output)
          throw new CliUsageError(
            '--json needs --output: the graph itself is written to standard output',
          );
        const query = withQuery('/graph/export', {
          [o.record ? 'recordId' : 'entityId']: id,
          hops: o.hops,
          maxNodes: o.maxNodes,
          minWeight: o.minWeight,
          entityTypes: o.types,
          recordKinds: o.kinds,
          occurredAfter: o.after,
          occurredBefore: o.before,
          includeRecords: o.records ? undefined : 'false',
          structure: o.structure ? 'true' : undefined,
          format: o.format,
        });
        const doc = await withApiClient(loadConfig(), 'CLI: graph expand', (api) =>
          api.requestText('GET', query).catch(withFlagNames(FLAGS)),
        );
        return writeDocument(out, doc, { output: o.output, format: o.format, what: 'graph' });
      })(opts),
    );
}
