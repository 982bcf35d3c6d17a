import { z } from 'zod';
import { searchInputSchema } from './search.schemas.ts';

export const createSavedSearchBodySchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    /** Visible to (and runnable by) every user of your agency; never outside it. */
    sharedWithAgency: z.boolean().default(false),
    query: searchInputSchema,
  })
  .strict();
export type CreateSavedSearchBody = z.infer<typeof createSavedSearchBodySchema>;

export const savedSearchSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    sharedWithAgency: z.boolean(),
    query: z.record(z.string(), z.unknown()),
    owner: z.object({ id: z.uuid(), username: z.string() }),
    /** Only the user who saved a search may delete it. */
    isMine: z.boolean(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'SavedSearch' });

export const pointerNoticeSchema = z
  .object({
    id: z.uuid(),
    createdAt: z.date(),
    /** Your agency's record, when you may see it yourself; otherwise null. */
    recordId: z.uuid().nullable(),
    searcher: z.object({ id: z.uuid(), username: z.string(), displayName: z.string() }),
    searcherAgency: z.object({ id: z.uuid(), name: z.string() }),
    /** The need to know the searcher stated (X-Purpose), if any. */
    purpose: z.string().nullable(),
  })
  .meta({ id: 'SearchPointerNotice' });
