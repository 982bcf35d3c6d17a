/**
 * SQL fragments of a search: the text query, and the match of name terms on observations.
 * Names go through the vocabulary (`search_words`): each name token becomes the words
 * that look or sound like it (a misspelt surname), an identifier the words containing it
 * (a partial plate, a phone number typed with dashes), and those words are looked up
 * exactly in the observations' word index. Kept apart from the statements so the repositories read as the
 * plans they are.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { NameTerms } from './search-text.ts';

/** The search text as a full-text query (websearch syntax, accents folded). */
export const tsQuery = (q: string): SQL =>
  sql`websearch_to_tsquery('english'::regconfig, public.f_unaccent(${q}::text))`;

const words = (alias: string) =>
  sql`to_tsvector('simple'::regconfig, ${sql.identifier(alias)}.search_text)`;

const NAME_WORD = sql`word ~ '^[a-z]+$'`;
const IDENTIFIER_WORD = sql`word ~ '[0-9]'`;
const containing = (fragment: string) => sql`word like ${`%${fragment}%`}::text`;

/**
 * The vocabulary words a name token may mean: words that look like it (trigram word
 * similarity: a typo), words that sound like it (Double Metaphone: Smyth, Smith), and
 * identifiers holding it (a handle, an e-mail). Each branch is an index scan.
 */
const wordsFor = (token: string): SQL =>
  sql`(${NAME_WORD} and ${token}::text <% word)
    or sound in (public.dmetaphone(${token}::text), public.dmetaphone_alt(${token}::text))
    or (${IDENTIFIER_WORD} and ${containing(token)})`;

/**
 * Whole words only: every name token, or the whole identifier, as it was typed. A regular
 * expression on the stored text, cheaper per row than parsing it into words again.
 */
function isExact(terms: NameTerms, alias: string): SQL {
  const text = sql`${sql.identifier(alias)}.search_text`;
  const all = terms.compact === null ? terms.tokens : [terms.compact];
  return sql.join(
    all.map((w) => sql`${text} ~ ${`\\m${w}\\M`}::text`),
    sql` and `,
  );
}

/**
 * The records whose observations match the name terms, one row each with its date, its
 * best match's score (1 exact, 0.8 similar, 0.6 part of an identifier) and that match's
 * entity type. Under it, `name_words` (group g: the words of token g; -1: of the
 * identifier) and `name_query` (every token's words, or the identifier's, as one tsquery;
 * null when some token means no word at all). Tokens and vocabulary words are [a-z0-9]+
 * only, so they are lexemes as they stand. Observations only: the visibility rule applies
 * where these ids meet `records`.
 */
export function nameMatchesSql(terms: NameTerms): SQL {
  const groups = terms.tokens.map(
    (t, i) => sql`select ${i}::int as g, word from search_words where ${wordsFor(t)}`,
  );
  if (terms.compact !== null)
    groups.push(
      sql`select -1 as g, word from search_words where ${IDENTIFIER_WORD} and ${containing(terms.compact)}`,
    );
  const partial = terms.identifierLike ? 0.6 : 0.8;
  return sql`with name_words as materialized (${sql.join(groups, sql` union all `)}),
    name_query as materialized (
      select nullif(concat_ws(' | ',
        (select string_agg('(' || ws || ')', ' & ')
           from (select string_agg(word, ' | ') as ws from name_words where g >= 0 group by g) x
           having count(*) = ${terms.tokens.length} and count(*) > 0),
        (select string_agg(word, ' | ') from name_words where g < 0)), '')::tsquery as q),
    name_obs as (
      select o.record_id, o.record_at, o.type,
        (case when ${isExact(terms, 'o')} then 1 else ${partial}::float8 end)::float8 as score
      from observations o where ${words('o')} @@ (select q from name_query))
    select distinct on (record_id) record_id as "recordId", record_at as at, score, type
    from name_obs order by record_id, score desc, type`;
}

/** A search's name matches (`nameMatchesSql`), found once and passed to each statement. */
export type NameMatch = { recordId: string; at: Date; score: number; type: string };

/** Name matches as a relation `alias(record_id, record_at, score, type)`, from one parameter. */
export function nameMatchRows(matches: readonly NameMatch[], alias: string): SQL {
  const json = JSON.stringify(
    matches.map((m) => ({ record_id: m.recordId, record_at: m.at, score: m.score, type: m.type })),
  );
  return sql`jsonb_to_recordset(${json}::jsonb)
    as ${sql.identifier(alias)}(record_id uuid, record_at timestamptz, score float8, type text)`;
}

/** The matches of records dated from `since` (null: all). */
export const datedFromSince = (matches: readonly NameMatch[], since: Date | null) =>
  since === null ? matches : matches.filter((m) => m.at >= since);

/** The date of the newest match older than `date` (null: none). */
export function newestMatchBefore(matches: readonly NameMatch[], date: Date): Date | null {
  let newest: Date | null = null;
  for (const m of matches) if (m.at < date && (newest === null || m.at > newest)) newest = m.at;
  return newest;
}
