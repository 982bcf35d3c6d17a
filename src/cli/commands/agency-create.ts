import { Option, type Command } from 'commander';
import { AGENCY_LEVELS, DISCIPLINES } from '../../access/viewer.ts';
import { loadConfig } from '../../config.ts';
import { withApiClient } from '../api-client.ts';
import type { Run } from '../command.ts';
import { withFlagNames } from '../errors.ts';

type Options = {
  name: string;
  discipline?: string;
  level?: string;
  ori?: string;
  jurisdiction?: string;
};

type ApiAgency = {
  id: string;
  name: string;
  discipline: string;
  level: string;
  ori: string | null;
  jurisdiction: string | null;
};

const FLAGS = {
  'body.name': '--name',
  'body.discipline': '--discipline',
  'body.level': '--level',
  'body.ori': '--ori',
  'body.jurisdiction': '--jurisdiction',
};

export function registerAgencyCreate(agency: Command, run: Run): void {
  agency
    .command('create')
    .description('Create a partner agency')
    .requiredOption('--name <name>', 'the agency name')
    .addOption(
      new Option('--discipline <discipline>', 'its discipline (default law_enforcement)').choices(
        DISCIPLINES,
      ),
    )
    .addOption(new Option('--level <level>', 'its level (default local)').choices(AGENCY_LEVELS))
    .option('--ori <ori>', 'NCIC ORI: 9 characters, state code first')
    .option('--jurisdiction <text>', 'the area it covers')
    .action(
      run<Options>(async (opts, { out }) => {
        const config = loadConfig();
        const body = {
          name: opts.name,
          ...(opts.discipline ? { discipline: opts.discipline } : {}),
          ...(opts.level ? { level: opts.level } : {}),
          ...(opts.ori ? { ori: opts.ori } : {}),
          ...(opts.jurisdiction ? { jurisdiction: opts.jurisdiction } : {}),
        };
        const created = await withApiClient(config, 'CLI: agency create', (api) =>
          api.request<ApiAgency>('POST', '/agencies', body).catch(withFlagNames(FLAGS)),
        );
        out.result(created, [
          `Created agency "${created.name}"`,
          `  id:         ${created.id}`,
          `  discipline: ${created.discipline}, level: ${created.level}`,
          ...(created.ori ? [`  ORI:        ${created.ori}`] : []),
          ...(created.jurisdiction ? [`  covers:     ${created.jurisdiction}`] : []),
        ]);
        return 0;
      }),
    );
}
