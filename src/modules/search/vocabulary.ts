import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/**
 * Adds the words of observations about to be written to the search vocabulary, committed on
 * its own, before the transaction that writes them. The insert trigger on observations then
 * finds every word already there and takes no lock: otherwise a bulk writer's next batch
 * waits on each word the batch before added until that one commits. A word whose batch then
 * fails stays behind and matches nothing, like the word of a purged record (search.table.ts).
 */
export async function addToVocabulary(
  db: Db,
  attributes: readonly Record<string, unknown>[],
): Promise<void> {
  if (attributes.length === 0) return;
  // Same words as the trigger (migration 0012), in the same order so writers never deadlock.
  await db.execute(sql`
    insert into search_words (word)
    select distinct w.lexeme
    from jsonb_array_elements(${JSON.stringify(attributes)}::jsonb) a,
      unnest(to_tsvector('simple'::regconfig,
        coalesce(public.search_observation_text(a.value), ''))) w
    order by w.lexeme
    on conflict do nothing`);
}
