/**
 * The search module owns full-text and name/identifier search over records, its facets,
 * saved searches and the pointer notices a search gives owners (XS-03). Every statement runs
 * under the visibility rule; every search is audited with its query, filters and result ids
 * in the same transaction (CI-08). It does not own records, observations or the rule itself.
 *
 * Bounded by design (docs/search.md "Performance"): matches are gathered newest first up to
 * SEARCH_WINDOW; totals and facets count that window (flagged `capped` when more matched),
 * relevance ranks within it, and date order pages on past it by keyset.
 */
import { and, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import type { ServiceContext } from '../../shared/context.ts';
import { auditActor } from '../../shared/context.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { agencies } from '../agencies/agencies.table.ts';
import { records } from '../records/records.table.ts';
import { currentEntityId } from '../resolution/evidence.ts';
import { decodeSearchCursor, encodeSearchCursor, type SearchCursor } from './search-cursor.ts';
import { hasContentFilters } from './search-filters.ts';
import { findPointers, type FoundPointers } from './search-pointers.ts';
import { slicedNewestFirst, type DateSpan } from './search-slices.ts';
import { hasNameTerms, nameTerms, positivePart } from './search-text.ts';
import { toFacets, toHits } from './search-view.ts';
import {
  createSearchRepository,
  findNameMatches,
  foldSearchText,
  type SearchRepository,
  type PageRow,
  type SearchPlan,
  type WindowResult,
} from './search.repository.ts';
import type { PageOptions, SearchInput, SearchResult } from './search.schemas.ts';

/** How many of the newest matches a search counts, facets and ranks (docs/search.md). */
export const SEARCH_WINDOW = 2000;

const NO_NAMES = { tokens: [], compact: null, identifierLike: false };

/** What a search matches on; exported with the repository so a benchmark can EXPLAIN it. */
export async function planSearch(db: Db, input: SearchInput): Promise<SearchPlan> {
  const q = input.q && input.q.length > 0 ? input.q : null;
  const sort = input.sort ?? (q ? 'relevance' : 'date');
  const entityId = input.entity ? await currentEntityId(db, input.entity) : null;
  if (!q) return { input, q, words: false, names: NO_NAMES, nameMatches: [], entityId, sort };
  const folded = await foldSearchText(db, q, positivePart(q));
  const names = nameTerms(folded.folded, folded.compacted);
  return {
    input,
    q,
    words: folded.words > 0,
    names,
    nameMatches: await findNameMatches(db, names),
    entityId,
    sort,
  };
}

/**
 * Runs a search for the viewer: one page of hits, and on the first page the total, facets
 * and pointers. `savedSearchId` is recorded in the audit when a saved search is run.
 */
export async function searchRecords(
  ctx: ServiceContext,
  input: SearchInput,
  page: PageOptions,
  opts: { savedSearchId?: string } = {},
): Promise<SearchResult> {
  return ctx.db.transaction(async (tx) => {
    const plan = await planSearch(tx, input);
    const after = decodeSearchCursor(page.cursor, plan.sort);
    const repo = createSearchRepository({ db: tx, viewer: ctx.viewer });
    // An entity's records are few and found by its observations: nothing to slice.
    const span = plan.entityId ? null : await repo.dateSpan(plan);
    const found = await matches(repo, plan, page, after, span);
    const rows = found.page.slice(0, page.limit);
    const details = await repo.hitDetails(
      rows.map((r) => r.id),
      plan.q,
    );
    const items = toHits(rows, details, ctx.viewer.agencyId);
    const first = after === undefined;
    const pointers = first ? await pointersOf(tx, ctx, plan, span) : undefined;
    const result: SearchResult = {
      items,
      nextCursor: found.page.length > page.limit ? nextCursor(plan, rows.at(-1)) : null,
      total: first
        ? { count: Math.min(found.matched, SEARCH_WINDOW), capped: found.matched > SEARCH_WINDOW }
        : null,
      facets: first ? toFacets(found.facets, await agencyNames(tx, found.facets)) : null,
      pointers: pointers?.pointers ?? [],
    };
    await auditSearch(tx, ctx, { input, page, opts, result, pointers });
    return result;
  });
}

/**
 * The matches a page is cut from, newest date slice first (search-slices.ts) within `span`:
 * the window with its total and facets, or past it in date order, the next page by keyset.
 */
async function matches(
  repo: SearchRepository,
  plan: SearchPlan,
  page: PageOptions,
  after: SearchCursor | undefined,
  span: DateSpan | null,
): Promise<WindowResult> {
  if (after?.sort === 'date') {
    // Past the window the newest remaining match is no newer than the cursor.
    const below = span && { ...span, newest: new Date(after.at) };
    const rows = await slicedNewestFirst(below, {
      run: (since) => repo.datePageAfter(plan, after, page.limit, since),
      count: (found) => found.length,
      wanted: page.limit + 1,
      newestBefore: (date) => repo.newestVisibleBefore(date),
    });
    return { matched: 0, facets: [], page: rows };
  }
  return slicedNewestFirst(span, {
    run: (since) =>
      repo.windowPage(plan, {
        since,
        size: SEARCH_WINDOW,
        limit: page.limit,
        after,
        facets: after === undefined,
      }),
    count: (w) => w.matched,
    wanted: SEARCH_WINDOW + 1,
    newestBefore: (date) => repo.newestVisibleBefore(date),
  });
}

function nextCursor(plan: SearchPlan, last: PageRow | undefined): string | null {
  if (!last) return null;
  const cursor: SearchCursor =
    plan.sort === 'relevance'
      ? { sort: 'relevance', score: last.score, id: last.id }
      : { sort: 'date', at: last.at, id: last.id };
  return encodeSearchCursor(cursor);
}

/** Pointers only for a signed-in user's first page, by name terms, under agency/date alone. */
async function pointersOf(
  tx: Tx,
  ctx: ServiceContext,
  plan: SearchPlan,
  span: DateSpan | null,
): Promise<FoundPointers | undefined> {
  if (ctx.viewer.kind !== 'user' || !hasNameTerms(plan.names) || hasContentFilters(plan.input))
    return undefined;
  const { agency, from, to } = plan.input;
  const scope = and(
    agency ? inArray(records.ownerAgencyId, agency) : undefined,
    from ? sql`${records.occurredFrom} >= ${from}::timestamptz` : undefined,
    to ? sql`${records.occurredFrom} < ${to}::timestamptz` : undefined,
  );
  return findPointers(tx, ctx.viewer, plan, scope, span, ctx.clock.now());
}

async function agencyNames(tx: Tx, facets: WindowResult['facets']) {
  const ids = facets.filter(([f]) => f === 'agency').map(([, key]) => key);
  if (ids.length === 0) return new Map<string, string>();
  const rows = await tx
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(inArray(agencies.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** CI-08: the query, its filters and the ids shown; pointer records and notices too (XS-03). */
async function auditSearch(
  tx: Tx,
  ctx: ServiceContext,
  s: {
    input: SearchInput;
    page: PageOptions;
    opts: { savedSearchId?: string };
    result: SearchResult;
    pointers: FoundPointers | undefined;
  },
) {
  const { q, ...filters } = s.input;
  await appendAudit(tx, auditActor(ctx), [
    {
      action: 'search.run',
      objectType: 'record',
      objectIds: s.result.items.map((i) => i.id),
      details: {
        q: q ?? null,
        filters,
        cursor: s.page.cursor ?? null,
        limit: s.page.limit,
        total: s.result.total,
        pointerRecordIds: s.pointers?.recordIds ?? [],
        ...(s.opts.savedSearchId ? { savedSearchId: s.opts.savedSearchId } : {}),
      },
    },
    ...(s.pointers && s.pointers.notified.length > 0
      ? [
          {
            action: 'search.pointer_notice',
            objectType: 'record',
            objectIds: s.pointers.notified,
            reason: 'XS-03: the owner is told a search found its pointer-level record',
          },
        ]
      : []),
  ]);
}
