import { and, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/raw.ts';
import type { Viewer } from '../../access/viewer.ts';
import { visibleTo } from '../../access/visibility.ts';
import { records } from '../records/records.table.ts';
import { inVisibleClasses, inVisibleClassList } from '../records/marking-classes.ts';
import type { SearchCursor } from './search-cursor.ts';
import type { DateSpan } from './search-slices.ts';
import { filterConditions } from './search-filters.ts';
import {
  datedFromSince,
  nameMatchesSql,
  nameMatchRows,
  tsQuery,
  type NameMatch,
} from './search-sql.ts';
import { HEADLINE_MARKERS, hasNameTerms, type NameTerms } from './search-text.ts';
import type { SearchInput, SearchSort } from './search.schemas.ts';

/**
 * What a search matches on: its words, its name terms and the records they match (found
 * once per search), and the entity's current id.
 */
export type SearchPlan = {
  input: SearchInput;
  q: string | null;
  words: boolean;
  names: NameTerms;
  nameMatches: NameMatch[];
  entityId: string | null;
  sort: SearchSort;
};

export type PageRow = { id: string; score: number; at: string; named: boolean };
export type FacetRow = [facet: string, key: string, count: number];
export type WindowOptions = {
  /** Only matches dated from here on (a date slice, see `slicedNewestFirst`); null: all. */
  since: Date | null;
  size: number;
  limit: number;
  after: SearchCursor | undefined;
  facets: boolean;
};
export type WindowResult = { matched: number; facets: FacetRow[]; page: PageRow[] };

const AT = sql`coalesce(${records.occurredFrom}, ${records.enteredAt})`;
const datedFrom = (since: Date | null) =>
  since ? sql`${AT} >= ${since.toISOString()}::timestamptz` : undefined;
const SNIPPET_CHARS = 240;

/**
 * The search text folded and compacted by the same functions the observation text is built
 * with, and how many full-text terms it has (none when it is all stop words).
 */
export async function foldSearchText(db: Db, q: string, positive: string) {
  const [row] = await queryRows<{ folded: string; compacted: string; words: number }>(
    db,
    sql`select public.search_fold(${positive}::text) as folded,
      public.search_compact(${positive}::text) as compacted,
      numnode(${tsQuery(q)}) as words`,
  );
  return row!;
}

/** The records matched by name terms (none without any): one statement for the whole search. */
export async function findNameMatches(db: Db, terms: NameTerms): Promise<NameMatch[]> {
  if (!hasNameTerms(terms)) return [];
  const rows = await queryRows<NameMatch>(db, nameMatchesSql(terms));
  return rows.map((r) => ({ ...r, at: new Date(r.at) }));
}

/**
 * The statements of a search for one viewer. Every one joins the visibility rule on
 * `records`: a record the viewer may not see is never matched, counted or ranked.
 */
export function createSearchRepository({ db, viewer }: { db: Db; viewer: Viewer }) {
  const visible = visibleTo(viewer, records);

  /**
   * Matches, date spans and slice steps read the rule off the records' marking classes
   * (ADR 0010): they cover many records. The steps down the date index stop at the first
   * visible record, so they take the classes as a list.
   */
  const classes = inVisibleClasses(viewer);
  const classList = inVisibleClassList(viewer);

  /**
   * The newest `limit` visible, filtered matches as (id, at), newest first. Words and names
   * are separate branches, each ordered and cut on its own (the planner picks the GIN index
   * or a walk down the date index for each), then merged: an OR of the two would force one
   * plan on both, and `id = any(array)` compares every row with every name match.
   */
  function hits(plan: SearchPlan, extra: SQL | undefined, limit: number): SQL {
    const entity = plan.entityId
      ? sql`${records.id} in (select o.record_id from observations o where o.entity_id = ${plan.entityId}::uuid)`
      : undefined;
    const base = and(classes, filterConditions(plan.input), entity, extra);
    const branch = (match: SQL | undefined) =>
      sql`(select ${records.id} as id, ${AT} as at from records where ${and(base, match)}
        order by ${AT} desc, ${records.id} desc limit ${limit})`;
    if (plan.q === null) return sql`select id, at from ${branch(undefined)} b`;
    const branches = [
      ...(plan.words ? [branch(sql`"records"."search_document" @@ ${tsQuery(plan.q)}`)] : []),
      ...(hasNameTerms(plan.names)
        ? [branch(sql`${records.id} in (select record_id from names)`)]
        : []),
    ];
    if (branches.length === 0)
      return sql`select null::uuid as id, null::timestamptz as at where false`;
    return sql`select id, at from (${sql.join(branches, sql` union `)}) u
      order by at desc, id desc limit ${limit}`;
  }

  /** Record ids matched by name terms (dated from `since`), with their best match's score. */
  function namesCte(plan: SearchPlan, since: Date | null): SQL {
    if (!hasNameTerms(plan.names))
      return sql`names(record_id, name_score) as (select null::uuid, 0::float8 where false)`;
    const rows = nameMatchRows(datedFromSince(plan.nameMatches, since), 'm');
    return sql`names(record_id, name_score) as materialized (select m.record_id, m.score from ${rows})`;
  }

  const score = (plan: SearchPlan, doc: SQL) =>
    plan.words && plan.q
      ? sql`(ts_rank_cd(${doc}, ${tsQuery(plan.q)}, 32) + coalesce(n.name_score, 0))::float8`
      : sql`coalesce(n.name_score, 0)::float8`;

  function windowSql(plan: SearchPlan, opts: WindowOptions): SQL {
    const order =
      plan.sort === 'relevance' ? sql`w.score desc, w.id desc` : sql`w.at desc, w.id desc`;
    const after =
      opts.after?.sort === 'relevance'
        ? sql`and (w.score, w.id) < (${opts.after.score}::float8, ${opts.after.id}::uuid)`
        : opts.after?.sort === 'date'
          ? sql`and (w.at, w.id) < (${opts.after.at}::timestamptz, ${opts.after.id}::uuid)`
          : sql``;
    const facets = opts.facets
      ? sql`(select coalesce(jsonb_agg(jsonb_build_array(f.facet, f.key, f.n)), '[]'::jsonb) from (
            select f.facet, f.key, count(*)::int as n
            from win w cross join lateral (
              values ('kind', w.kind), ('agency', w.owner_agency_id::text),
                ('month', to_char(w.at at time zone 'UTC', 'YYYY-MM'))
              union all select 'category', c from jsonb_array_elements_text(w.behaviours) c
              union all select 'sector', s from jsonb_array_elements_text(w.sectors) s
            ) f(facet, key)
            where w.rn <= ${opts.size} and f.key is not null
            group by f.facet, f.key) f)`
      : sql`'[]'::jsonb`;
    return sql`with ${namesCte(plan, opts.since)},
        hits as materialized (${hits(plan, datedFrom(opts.since), opts.size + 1)}),
        win as materialized (
          select h.id, h.at, r.kind, r.owner_agency_id,
            case jsonb_typeof(r.payload -> 'behaviours') when 'array' then r.payload -> 'behaviours' else '[]' end as behaviours,
            case jsonb_typeof(r.payload -> 'targetSectors') when 'array' then r.payload -> 'targetSectors' else '[]' end as sectors,
            ${score(plan, sql`r.search_document`)} as score,
            n.record_id is not null as named,
            row_number() over (order by h.at desc, h.id desc) as rn
          from hits h join records r on r.id = h.id left join names n on n.record_id = h.id)
        select (select count(*) from hits)::int as matched,
          ${facets} as facets,
          (select coalesce(jsonb_agg(jsonb_build_object('id', p.id, 'score', p.score, 'at', p.at, 'named', p.named) order by p.ord), '[]'::jsonb)
           from (select w.id, w.score, w.at, w.named, row_number() over (order by ${order}) as ord
                 from win w where w.rn <= ${opts.size} ${after}
                 order by ${order} limit ${opts.limit + 1}) p) as page`;
  }

  return {
    /**
     * The window (the `size` most recent matches), its facets in one aggregate, and one page
     * of it in the requested order. One statement: the window is computed once.
     */
    async windowPage(plan: SearchPlan, opts: WindowOptions): Promise<WindowResult> {
      const [row] = await queryRows<WindowResult>(db, windowSql(plan, opts));
      return row!;
    },

    /**
     * The dates the plan's matches lie between (date slices start at the newest): the
     * newest and oldest visible records' dates — a step down each end of the date index,
     * which carries the marking class — the newest moved back to the search's `to` when
     * earlier (a record matches it only by an `occurred_from` before it). Other
     * filters are left out: one that matches nothing would walk the whole index.
     */
    async dateSpan(plan: SearchPlan): Promise<DateSpan | null> {
      const [row] = await queryRows<{ newest: Date | string | null; oldest: Date | string | null }>(
        db,
        sql`select max(${AT}) as newest, min(${AT}) as oldest from records where ${classList}`,
      );
      if (row?.newest == null || row.oldest == null) return null;
      const newest = new Date(row.newest);
      const to = plan.input.to ? new Date(plan.input.to) : null;
      return { newest: to !== null && to < newest ? to : newest, oldest: new Date(row.oldest) };
    },

    /** The date of the newest visible record older than `date`: a step down the date index. */
    async newestVisibleBefore(date: Date): Promise<Date | null> {
      const [row] = await queryRows<{ at: Date | string | null }>(
        db,
        sql`select max(${AT}) as at from records
            where ${AT} < ${date.toISOString()}::timestamptz and ${classList}`,
      );
      return row?.at == null ? null : new Date(row.at);
    },

    /**
     * A later page in date order, past the window: keyset on (date, id), no facets, matches
     * dated from `since` (a slice below the cursor) or all.
     */
    async datePageAfter(
      plan: SearchPlan,
      after: SearchCursor & { sort: 'date' },
      limit: number,
      since: Date | null,
    ) {
      const keyset = sql`(${AT}, ${records.id}) < (${after.at}::timestamptz, ${after.id}::uuid)`;
      return queryRows<PageRow>(
        db,
        sql`with ${namesCte(plan, since)}
        select p.id, p.at::text as at, ${score(plan, sql`r.search_document`)} as score,
          n.record_id is not null as named
        from (${hits(plan, and(keyset, datedFrom(since)), limit + 1)}) p
        join records r on r.id = p.id left join names n on n.record_id = p.id
        order by p.at desc, p.id desc`,
      );
    },

    /** What a hit shows, for the ids of one page (visible ones only, again). */
    hitDetails(ids: readonly string[], q: string | null) {
      if (ids.length === 0) return Promise.resolve([]);
      const { open, close } = HEADLINE_MARKERS;
      const narrative = sql`translate(${records.narrative}, ${open + close}::text, '')`;
      const snippet = q
        ? sql`ts_headline('english'::regconfig, ${narrative}, ${tsQuery(q)}, ${`StartSel=${open}, StopSel=${close}, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "`}::text)`
        : sql`left(${narrative}, ${SNIPPET_CHARS})`;
      const words = q ? sql`"records"."search_document" @@ ${tsQuery(q)}` : sql`false`;
      return queryRows<HitDetailRow>(
        db,
        sql`select ${records.id} as id, ${records.kind} as kind, ${records.title} as title,
          ${records.occurredFrom} as occurred_from, ${records.enteredAt} as entered_at,
          ${records.ownerAgencyId} as owner_agency_id, agencies.name as agency_name,
          ${records.status} as status, ${records.tlp} as tlp, ${records.caveats} as caveats,
          ${records.lat} as lat, ${records.lon} as lon, ${records.countyFips} as county_fips,
          ${snippet} as snippet, ${words} as word_hit
        from records join agencies on agencies.id = ${records.ownerAgencyId}
        where ${records.id} in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)
          and ${visible}`,
      );
    },
  };
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;

export type HitDetailRow = {
  id: string;
  kind: string;
  title: string;
  occurred_from: Date | string | null;
  entered_at: Date | string;
  owner_agency_id: string;
  agency_name: string;
  status: string;
  tlp: string;
  caveats: string[];
  lat: number | null;
  lon: number | null;
  county_fips: string | null;
  snippet: string;
  word_hit: boolean;
};
