/** Search rows as the API shows them: hits in page order, facets as labelled buckets. */
import type { Caveat, Tlp } from '../../access/markings.ts';
import type { RecordKind } from '../records/record-kinds.ts';
import { SAR_BEHAVIOURS } from '../records/sar-codes.ts';
import type { FacetRow, HitDetailRow, PageRow } from './search.repository.ts';
import type { SearchResult } from './search.schemas.ts';
import { headlineToHtml } from './search-text.ts';

type Hit = SearchResult['items'][number];
type Facets = NonNullable<SearchResult['facets']>;
type Bucket = Facets['kind'][number];

const date = (d: Date | string) => (d instanceof Date ? d : new Date(d));

/** The page's hits in page order; a row whose details did not come back is left out. */
export function toHits(
  rows: readonly PageRow[],
  details: readonly HitDetailRow[],
  viewerAgencyId: string,
): Hit[] {
  const byId = new Map(details.map((d) => [d.id, d]));
  return rows.flatMap((row): Hit[] => {
    const d = byId.get(row.id);
    if (!d) return [];
    const matchedOn: Hit['matchedOn'] = [];
    if (d.word_hit) matchedOn.push('words');
    if (row.named) matchedOn.push('names');
    return [
      {
        id: d.id,
        kind: d.kind as RecordKind,
        title: d.title,
        snippet: headlineToHtml(d.snippet),
        occurredFrom: d.occurred_from === null ? null : date(d.occurred_from),
        enteredAt: date(d.entered_at),
        ownerAgency: { id: d.owner_agency_id, name: d.agency_name },
        isOwnAgency: d.owner_agency_id === viewerAgencyId,
        status: d.status,
        markings: { tlp: d.tlp as Tlp, caveats: d.caveats as Caveat[] },
        location: d.lat !== null && d.lon !== null ? { lat: d.lat, lon: d.lon } : null,
        countyFips: d.county_fips,
        score: row.score,
        matchedOn,
      },
    ];
  });
}

const behaviourNames = new Map<string, string>(SAR_BEHAVIOURS.map((b) => [b.code, b.name]));

/** Buckets by count (months by month), labelled where a key is a code or an id. */
export function toFacets(
  rows: readonly FacetRow[],
  agencyNames: ReadonlyMap<string, string>,
): Facets {
  const facets: Facets = { kind: [], agency: [], category: [], sector: [], month: [] };
  for (const [facet, key, count] of rows) {
    if (!(facet in facets)) continue;
    const label =
      facet === 'agency'
        ? agencyNames.get(key)
        : facet === 'category'
          ? behaviourNames.get(key)
          : undefined;
    const bucket: Bucket = label === undefined ? { key, count } : { key, label, count };
    facets[facet as keyof Facets].push(bucket);
  }
  const byCount = (a: Bucket, b: Bucket) => b.count - a.count || a.key.localeCompare(b.key);
  facets.kind.sort(byCount);
  facets.agency.sort(byCount);
  facets.category.sort(byCount);
  facets.sector.sort(byCount);
  facets.month.sort((a, b) => a.key.localeCompare(b.key));
  return facets;
}
