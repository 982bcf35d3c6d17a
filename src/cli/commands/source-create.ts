import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { withApiClient } from '../api-client.ts';
import type { Run } from '../command.ts';
import { CliUsageError, withFlagNames } from '../errors.ts';
import { parseUuid } from '../options.ts';

type Options = { agency: string; name: string; description?: string; markings?: string };
type ApiSource = {
  id: string;
  name: string;
  agencyId: string;
  defaultMarkings: { tlp: string; caveats: string[] };
};

const FLAGS = {
  'body.agencyId': '--agency',
  'body.name': '--name',
  'body.defaultMarkings': '--markings',
};

export function registerSourceCreate(source: Command, run: Run): void {
  source
    .command('create')
    .description(
      'Create a source (a feed or export of one agency) with default markings for what it brings',
    )
    .requiredOption('--agency <id>', 'the agency the source belongs to', parseUuid)
    .requiredOption('--name <name>', 'the source name, unique within the agency')
    .option('--description <text>', 'what the source is')
    .option('--markings <json>', 'default markings as JSON, e.g. {"tlp":"AMBER","caveats":["LES"]}')
    .action(
      run<Options>(async (opts, { out }) => {
        const body = {
          agencyId: opts.agency,
          name: opts.name,
          ...(opts.description ? { description: opts.description } : {}),
          ...(opts.markings ? { defaultMarkings: parseJson(opts.markings) } : {}),
        };
        const created = await withApiClient(loadConfig(), 'CLI: source create', (api) =>
          api.request<ApiSource>('POST', '/sources', body).catch(withFlagNames(FLAGS)),
        );
        const m = created.defaultMarkings;
        out.result(created, [
          `Created source "${created.name}"`,
          `  id:       ${created.id}`,
          `  markings: TLP:${m.tlp}${m.caveats.length ? ` ${m.caveats.join(' ')}` : ''}`,
        ]);
        return 0;
      }),
    );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new CliUsageError("option '--markings <json>' is not valid JSON");
  }
}
