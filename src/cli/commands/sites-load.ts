import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { Option, type Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { SITE_FILE_FORMATS, type SiteFileFormat } from '../../modules/geo/sites-file.ts';
import { withApiClient } from '../api-client.ts';
import type { Run } from '../command.ts';
import { ApiProblemError, CliUsageError, withFlagNames } from '../errors.ts';

type Options = { file: string; format?: SiteFileFormat; replace?: boolean };
type Loaded = { created: number; updated: number; removed: number; ids: string[] };

/** Site files are small reference lists: read whole, like the API's 8 MiB body limit. */
const MAX_BYTES = 5_000_000;

export function registerSitesLoad(sites: Command, run: Run): void {
  sites
    .command('load')
    .description(
      'Load critical-infrastructure sites from CSV (name,sector,lat,lon,address,radius_km) or GeoJSON points; all or nothing',
    )
    .argument('<file>', 'the CSV or GeoJSON file')
    .addOption(
      new Option('--format <format>', 'the file format (default: from the extension)').choices(
        SITE_FILE_FORMATS,
      ),
    )
    .option('--replace', 'also remove the sites the file does not name')
    .action((file: string, flags: Omit<Options, 'file'>) =>
      run<Options>(async (opts, { out }) => {
        const body = {
          format: opts.format ?? formatOf(opts.file),
          content: readSmall(opts.file),
          replace: Boolean(opts.replace),
        };
        const loaded = await withApiClient(loadConfig(), 'CLI: sites load', (api) =>
          api
            .request<Loaded>('POST', '/geo/sites', body)
            .catch(locatedIn(opts.file))
            .catch(withFlagNames({ 'body.format': '--format', 'body.content': '<file>' })),
        );
        out.result(
          loaded,
          `Loaded ${opts.file}: ${loaded.created} created, ${loaded.updated} updated, ${loaded.removed} removed`,
        );
        return 0;
      })({ ...flags, file }),
    );
}

function formatOf(file: string): SiteFileFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.geojson' || ext === '.json') return 'geojson';
  throw new CliUsageError(`--format: cannot tell the format of '${file}'; give csv or geojson`);
}

function readSmall(file: string): string {
  if (!existsSync(file) || !statSync(file).isFile())
    throw new CliUsageError(`<file>: no such file '${file}'`);
  if (statSync(file).size > MAX_BYTES)
    throw new CliUsageError(`<file>: larger than ${MAX_BYTES} bytes; a site list is small`);
  return readFileSync(file, 'utf8');
}

/** `line.3.sector` → `FILE line 3, sector`; `features.2.geometry` → `FILE feature 2, geometry`. */
function locatedIn(file: string) {
  return (err: unknown): never => {
    if (!(err instanceof ApiProblemError) || err.problem.code !== 'sites.invalid_file') throw err;
    const errors = (err.problem.errors ?? []).map((e) => {
      const [where, n, ...rest] = e.path.split('.');
      const place = where === 'line' ? `line ${n}` : where === 'features' ? `feature ${n}` : null;
      if (!place) return { ...e, path: `${file}: ${e.path}` };
      return { ...e, path: `${file} ${place}${rest.length ? `, ${rest.join('.')}` : ''}` };
    });
    throw new ApiProblemError({ ...err.problem, errors });
  };
}
