import { z } from 'zod';
import { validationFailed } from '../../shared/errors.ts';
import type { SearchSort } from './search.schemas.ts';

/**
 * Keyset cursors for search pages, opaque to clients (base64url JSON). Date order resumes
 * after (date, id); relevance order after (score, id). Scores are float8 and travel as JSON
 * numbers, which round-trip exactly, so a page boundary never repeats or skips a row.
 */
export type SearchCursor =
  { sort: 'date'; at: string; id: string } | { sort: 'relevance'; score: number; id: string };

const cursorSchema = z.discriminatedUnion('sort', [
  z.object({ sort: z.literal('date'), at: z.string().max(40), id: z.uuid() }).strict(),
  z.object({ sort: z.literal('relevance'), score: z.number(), id: z.uuid() }).strict(),
]);

export function encodeSearchCursor(cursor: SearchCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

const badCursor = (message: string) =>
  validationFailed('The cursor is not one this server issued for this search', {
    errors: [{ path: 'querystring.cursor', message }],
  });

/** The cursor's position, checked against the sort the request asks for. */
export function decodeSearchCursor(
  cursor: string | undefined,
  sort: SearchSort,
): SearchCursor | undefined {
  if (cursor === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor('invalid cursor');
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success) throw badCursor('invalid cursor');
  if (result.data.sort === 'date' && Number.isNaN(Date.parse(result.data.at)))
    throw badCursor('invalid cursor');
  if (result.data.sort !== sort) throw badCursor(`the cursor belongs to ${result.data.sort} order`);
  return result.data;
}
