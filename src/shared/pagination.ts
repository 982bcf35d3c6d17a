import { z } from 'zod';
import { validationFailed } from './errors.ts';

/**
 * Cursor pagination over a UUIDv7 key ordered newest first: the cursor is the last id of
 * the previous page, opaque to clients (base64url).
 */
export const pageQuerySchema = z
  .object({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();
export type PageQuery = z.infer<typeof pageQuerySchema>;

export function pageResponseSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!z.uuid().safeParse(id).success) {
    throw validationFailed('The cursor is not one this server issued', {
      errors: [{ path: 'cursor', message: 'invalid cursor' }],
    });
  }
  return id;
}

/** Given limit+1 rows fetched, return the page and the cursor for the next one. */
export function toPage<T extends { id: string }>(rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
}
