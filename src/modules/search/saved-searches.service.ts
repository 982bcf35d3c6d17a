/**
 * Saved searches: a user keeps a search (never its results) and may share it with their
 * agency. Running one is a search like any other, as the viewer running it sees the data
 * now, audited with the saved search's id. Saving and deleting are audited too.
 */
import type { Tx } from '../../db/client.ts';
import type { ServiceContext } from '../../shared/context.ts';
import { auditActor } from '../../shared/context.ts';
import { defineError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { decodeCursor, toPage } from '../../shared/pagination.ts';
import { appendAudit, type AuditEvent } from '../audit/audit.service.ts';
import type { CreateSavedSearchBody } from './saved-searches.schemas.ts';
import { createSavedSearchesRepository, type SavedSearchRow } from './saved-searches.repository.ts';
import { searchInputSchema, type PageOptions } from './search.schemas.ts';
import { searchRecords } from './search.service.ts';

export const savedSearchNotFound = defineError({
  code: 'search.saved_not_found',
  status: 404,
  title: 'No such saved search',
});
export const notSavedSearchOwner = defineError({
  code: 'search.not_saved_search_owner',
  status: 403,
  title: 'Only the user who saved a search may delete it',
});
export const savedSearchOutdated = defineError({
  code: 'search.saved_search_outdated',
  status: 422,
  title: 'This saved search no longer fits the search filters; save it again',
});

function view(ctx: ServiceContext, row: SavedSearchRow) {
  return {
    id: row.id,
    name: row.name,
    sharedWithAgency: row.sharedWithAgency,
    query: row.query,
    owner: { id: row.userId, username: row.ownerUsername },
    isMine: row.userId === ctx.viewer.userId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const audit = (tx: Tx, ctx: ServiceContext, event: AuditEvent) =>
  appendAudit(tx, auditActor(ctx), [{ objectType: 'saved_search', ...event }]);

export async function createSavedSearch(ctx: ServiceContext, body: CreateSavedSearchBody) {
  const id = newId();
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const repo = createSavedSearchesRepository({ db: tx, viewer: ctx.viewer });
    await repo.insert({
      id,
      userId: ctx.viewer.userId,
      agencyId: ctx.viewer.agencyId,
      name: body.name,
      sharedWithAgency: body.sharedWithAgency,
      query: body.query,
      createdAt: now,
      updatedAt: now,
    });
    await audit(tx, ctx, {
      action: 'search.saved.create',
      objectIds: [id],
      details: { name: body.name, sharedWithAgency: body.sharedWithAgency, query: body.query },
    });
    return view(ctx, (await repo.find(id))!);
  });
}

export async function getSavedSearch(ctx: ServiceContext, id: string) {
  const row = await createSavedSearchesRepository({ db: ctx.db, viewer: ctx.viewer }).find(id);
  if (!row) throw savedSearchNotFound();
  return view(ctx, row);
}

export async function listSavedSearches(ctx: ServiceContext, page: PageOptions) {
  const rows = await createSavedSearchesRepository({ db: ctx.db, viewer: ctx.viewer }).list(
    decodeCursor(page.cursor),
    page.limit + 1,
  );
  const { items, nextCursor } = toPage(rows, page.limit);
  return { items: items.map((r) => view(ctx, r)), nextCursor };
}

export async function deleteSavedSearch(ctx: ServiceContext, id: string) {
  const outcome = await ctx.db.transaction(async (tx) => {
    const repo = createSavedSearchesRepository({ db: tx, viewer: ctx.viewer });
    if (!(await repo.find(id))) return 'missing';
    if (!(await repo.deleteOwn(id))) return 'not_owner';
    await audit(tx, ctx, { action: 'search.saved.delete', objectIds: [id] });
    return 'deleted';
  });
  if (outcome === 'missing') throw savedSearchNotFound();
  if (outcome === 'not_owner') {
    // A colleague's shared search: the refusal is audited on its own (the change rolled back).
    await ctx.db.transaction((tx) =>
      audit(tx, ctx, {
        action: 'search.saved.delete',
        objectIds: [id],
        decision: 'deny',
        reason: 'not the user who saved it',
      }),
    );
    throw notSavedSearchOwner();
  }
}

/** A fresh run of a saved search, as this viewer sees the data now. */
export async function runSavedSearch(ctx: ServiceContext, id: string, page: PageOptions) {
  const saved = await getSavedSearch(ctx, id);
  const input = searchInputSchema.safeParse(saved.query);
  if (!input.success) throw savedSearchOutdated();
  return searchRecords(ctx, input.data, page, { savedSearchId: id });
}
