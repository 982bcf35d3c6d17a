import { Option, type Command } from 'commander';
import type { SearchResult } from '../../modules/search/search.schemas.ts';
import { SEARCH_SORTS } from '../../modules/search/search.schemas.ts';
import { loadConfig } from '../../config.ts';
import { withApiClient, withQuery } from '../api-client.ts';
import { withFlagNames } from '../errors.ts';
import type { Run } from '../command.ts';
import { parsePositiveInt } from '../options.ts';
import { formatTable } from '../output.ts';

type Options = {
  text?: string | undefined;
  json?: boolean;
  kind?: string;
  agency?: string;
  category?: string;
  sector?: string;
  status?: string;
  tlp?: string;
  caveat?: string;
  from?: string;
  to?: string;
  bbox?: string;
  near?: string;
  radiusKm?: string;
  polygon?: string;
  county?: string;
  entity?: string;
  sort?: string;
  limit?: number;
  cursor?: string;
};

/** API error paths as the flags the user typed. */
const FLAGS = {
  'querystring.q': '[text]',
  'querystring.radiusKm': '--radius-km',
  ...Object.fromEntries(
    [
      'kind',
      'agency',
      'category',
      'sector',
      'status',
      'tlp',
      'caveat',
      'from',
      'to',
      'bbox',
      'near',
      'polygon',
      'county',
      'entity',
      'sort',
      'limit',
      'cursor',
    ].map((f) => [`querystring.${f}`, `--${f}`]),
  ),
};

/** The result as JSON carries dates as ISO strings. */
type Hit = Omit<SearchResult['items'][number], 'occurredFrom' | 'enteredAt'> & {
  occurredFrom: string | null;
  enteredAt: string;
};
type Result = Omit<SearchResult, 'items'> & { items: Hit[] };
const plain = (html: string) =>
  html
    .replace(/<\/?mark>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

function human(r: Result): string[] {
  const when = (h: Hit) => (h.occurredFrom ?? h.enteredAt).slice(0, 10);
  const lines = formatTable(r.items, [
    { header: 'DATE', value: when },
    { header: 'KIND', value: (h) => h.kind },
    { header: 'AGENCY', value: (h) => h.ownerAgency.name },
    { header: 'TITLE', value: (h) => `${h.title} — ${plain(h.snippet).slice(0, 100)}` },
  ]);
  if (r.total)
    lines.push('', `${r.total.capped ? `more than ${r.total.count}` : r.total.count} matches`);
  for (const p of r.pointers)
    lines.push(
      `pointer: ${p.ownerAgency.name} holds a ${p.entityType} record (${p.recordDate}, ${p.matchStrength} match); contact ${p.pointOfContact?.name ?? 'the agency'}`,
    );
  if (r.nextCursor) lines.push(`more: --cursor ${r.nextCursor}`);
  return lines;
}

/** Dates and numbers travel as strings here: the API validates them and names the field. */
export function registerSearch(program: Command, run: Run): void {
  program
    .command('search')
    .description('Search records by words, names and identifiers, with filters (docs/search.md)')
    .argument('[text]', 'words, a name, a plate, a phone number… (websearch syntax)')
    .option('--kind <kinds>', 'record kinds, comma-separated (sar, incident, tip…)')
    .option('--agency <ids>', 'owner agency ids, comma-separated')
    .option('--category <codes>', 'SAR behaviour categories, comma-separated (AVIATION…)')
    .option('--sector <codes>', 'SAR target sectors, comma-separated (ENRG…)')
    .option('--status <statuses>', 'record statuses, comma-separated')
    .option('--tlp <levels>', 'TLP levels, comma-separated')
    .option('--caveat <caveats>', 'records carrying any of these caveats')
    .option('--from <date-time>', 'occurred at or after (ISO 8601 with offset)')
    .option('--to <date-time>', 'occurred before (ISO 8601 with offset)')
    .option('--bbox <box>', 'west,south,east,north')
    .option('--near <point>', 'lat,lon (with --radius-km)')
    .option('--radius-km <km>', 'radius around --near, in km')
    .option('--polygon <points>', 'lon,lat;lon,lat;lon,lat…')
    .option('--county <fips>', 'five-digit county FIPS codes, comma-separated')
    .option('--entity <id>', 'records with an observation of this entity')
    .addOption(new Option('--sort <order>', 'relevance or date').choices(SEARCH_SORTS))
    .option('--limit <n>', 'hits per page (default 20, at most 100)', parsePositiveInt)
    .option('--cursor <cursor>', 'the next page, as the previous answer named it')
    .action((text: string | undefined, flags: Omit<Options, 'text'>) =>
      run<Options>(async (opts, { out }) => {
        const { text: q, json: _json, ...filters } = opts;
        const result = await withApiClient(loadConfig(), 'CLI: search', (api) =>
          api
            .request<Result>('GET', withQuery('/search', { q, ...filters }))
            .catch(withFlagNames(FLAGS)),
        );
        out.result(result, human(result));
        return 0;
      })({ ...flags, text }),
    );
}
