import { csvRow } from '../../shared/csv.ts';
import type { Timeline } from './timeline.schemas.ts';

const HEADER = [
  'occurred_from',
  'occurred_to',
  'record_id',
  'kind',
  'title',
  'owner_agency',
  'status',
  'tlp',
  'caveats',
  'lat',
  'lon',
  'address',
  'county',
  'roles',
];

/**
 * The timeline as RFC 4180 CSV (CRLF, quoted where needed, formulas defused), one row per
 * record. The TLP and caveats travel with each row: a spreadsheet loses the page's banner.
 */
export function timelineCsv(t: Timeline): string {
  const rows = t.items.map((i) =>
    csvRow([
      i.occurredFrom?.toISOString(),
      i.occurredTo?.toISOString(),
      i.recordId,
      i.kind,
      i.title,
      i.ownerAgencyName,
      i.status,
      i.tlp,
      i.caveats.join(' '),
      i.location?.lat,
      i.location?.lon,
      i.location?.address,
      i.location?.countyName ?? i.location?.countyFips,
      i.roles.join(' '),
    ]),
  );
  return csvRow(HEADER) + rows.join('');
}
