/**
 * XS-03 for search, the owner's side: the notices a search left when it found one of the
 * agency's pointer-level records. Reading them is audited. The record id is shown only to a
 * reader who may see that record.
 */
import type { ServiceContext } from '../../shared/context.ts';
import { auditActor } from '../../shared/context.ts';
import { decodeCursor, toPage } from '../../shared/pagination.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { createSearchPointersRepository } from './search-pointers.repository.ts';
import type { PageOptions } from './search.schemas.ts';

export async function listPointerNotices(ctx: ServiceContext, page: PageOptions) {
  return ctx.db.transaction(async (tx) => {
    const repo = createSearchPointersRepository({ db: tx, viewer: ctx.viewer });
    const rows = await repo.noticesForOwner(decodeCursor(page.cursor), page.limit + 1);
    const { items, nextCursor } = toPage(rows, page.limit);
    const seen = await repo.visibleRecordIds([...new Set(items.map((n) => n.recordId))]);
    await appendAudit(tx, auditActor(ctx), [
      {
        action: 'search.pointer_notice.list',
        objectType: 'search_pointer_notice',
        objectIds: items.map((n) => n.id),
      },
    ]);
    return {
      items: items.map((n) => ({ ...n, recordId: seen.has(n.recordId) ? n.recordId : null })),
      nextCursor,
    };
  });
}
