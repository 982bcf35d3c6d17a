import { InvalidArgumentError, Option, type Command } from 'commander';
import { RECORD_KINDS } from '../../modules/records/record-kinds.ts';
import { SAR_BEHAVIOUR_CODES } from '../../modules/records/sar-codes.ts';
import type { TrendsResponse } from '../../modules/trends/trends.schemas.ts';
import { loadConfig } from '../../config.ts';
import { withApiClient, withQuery } from '../api-client.ts';
import type { Run } from '../command.ts';
import { parsePositiveInt } from '../options.ts';
import { formatTable } from '../output.ts';

type Options = {
  by: string;
  category?: string;
  kind?: string;
  region: string;
  regionId?: string;
  from?: string;
  to?: string;
  baselineWeeks?: number;
  guardWeeks?: number;
  fdr?: number;
  minCount?: number;
  allSeries?: boolean;
  limit?: number;
};

function parseRate(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n >= 1)
    throw new InvalidArgumentError('must be a number between 0 and 1');
  return n;
}

function parseWeeks(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('must be a whole number');
  return Number(value);
}

export function registerTrends(program: Command, run: Run): void {
  program
    .command('trends')
    .description(
      'Weekly counts per SAR behaviour category (or record kind) and region, with the statistically significant rises (docs/trends.md)',
    )
    .addOption(
      new Option('--by <dimension>', 'what a series counts')
        .choices(['category', 'kind'])
        .default('category'),
    )
    .addOption(
      new Option('--category <code>', 'only this SAR behaviour').choices(SAR_BEHAVIOUR_CODES),
    )
    .addOption(new Option('--kind <kind>', 'only this record kind').choices(RECORD_KINDS))
    .option('--region <level>', 'county, or h3:<resolution> (0–9)', 'county')
    .option('--region-id <id>', 'one region only: a county FIPS code or an H3 cell')
    .option('--from <date>', 'first week (ISO date; default 52 weeks before --to)')
    .option('--to <date>', 'end of the last week, exclusive (ISO date; default now)')
    .option('--baseline-weeks <n>', 'weeks in the moving baseline (default 8)', parseWeeks)
    .option('--guard-weeks <n>', 'weeks between baseline and tested week (default 1)', parseWeeks)
    .option('--fdr <q>', 'false discovery rate of each week’s flags (default 0.01)', parseRate)
    .option('--min-count <n>', 'never flag a week with fewer records (default 3)', parsePositiveInt)
    .option('--all-series', 'return every series with records, not only the flagged ones')
    .option('--limit <n>', 'at most this many series (default 100)', parsePositiveInt)
    .action(
      run<Options>(async (opts, { out }) => {
        const path = withQuery('/trends', {
          series: opts.by,
          category: opts.category,
          kind: opts.kind,
          region: opts.region,
          regionId: opts.regionId,
          from: opts.from,
          to: opts.to,
          baselineWeeks: opts.baselineWeeks,
          guardWeeks: opts.guardWeeks,
          fdr: opts.fdr,
          minCount: opts.minCount,
          flaggedOnly: opts.allSeries ? 'false' : 'true',
          limit: opts.limit,
        });
        const result = await withApiClient(loadConfig(), 'CLI: trends', (api) =>
          api.request<TrendsResponse>('GET', path),
        );
        out.result(result, describe(result));
        return 0;
      }),
    );
}

const day = (iso: string) => iso.slice(0, 10);

function describe(r: TrendsResponse): string[] {
  const first = r.weeks[0];
  const last = r.weeks.at(-1);
  if (!first || !last) return ['No weeks asked for.'];
  const tested = r.testedFrom ? day(r.testedFrom) : 'no week (not enough history)';
  const rises = r.flagsTotal === 1 ? '1 rise' : `${r.flagsTotal} rises`;
  const lines = [
    `Weeks ${day(first)} to ${day(last)} (${r.weeks.length}), tested from ${tested}; ${rises} flagged at FDR ${r.method.fdr}`,
  ];
  if (r.flags.length === 0) return [...lines, 'No significant rises.'];
  const table = formatTable(r.flags, [
    { header: 'week', value: (f) => day(f.week) },
    { header: 'series', value: (f) => f.key },
    {
      header: 'region',
      value: (f) => (f.region.name ? `${f.region.name} (${f.region.id})` : f.region.id),
    },
    { header: 'count', value: (f) => String(f.count) },
    { header: 'expected', value: (f) => f.expected.toFixed(1) },
    { header: 'p', value: (f) => f.pValue.toExponential(1) },
    { header: 'q', value: (f) => f.qValue.toExponential(1) },
  ]);
  const more =
    r.flagsTotal > r.flags.length ? [`(${r.flagsTotal - r.flags.length} more not shown)`] : [];
  return [...lines, '', ...table, ...more];
}
