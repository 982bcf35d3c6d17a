/**
 * SQL fragments of a search: the text query, the name/identifier match on observations and
 * its score. Kept apart from the statements so the repository reads as the plan it is.
 */
import { sql, type SQL } from 'drizzle-orm';
import { isNumeric, type NameTerms } from './search-text.ts';

/** The search text as a full-text query (websearch syntax, accents folded). */
export const tsQuery = (q: string): SQL =>
  sql`websearch_to_tsquery('english'::regconfig, public.f_unaccent(${q}::text))`;

/** The expression the observations' trigram index is built on (migration <search>). */
export const observationText = (alias: string): SQL =>
  sql`public.search_observation_text(${sql.identifier(alias)}.attributes)`;

const like = (text: SQL, fragment: string) => sql`${text} like ${`%${fragment}%`}::text`;

/**
 * An observation matches when every token is in it (as a substring, or by trigram word
 * similarity for tokens with letters: a misspelt surname, a misread plate), or when the whole
 * compacted identifier is. Each alternative is an indexable trigram condition.
 */
export function nameMatch(terms: NameTerms, alias = 'o'): SQL {
  const text = observationText(alias);
  const perToken = terms.tokens.map((t) =>
    isNumeric(t) ? like(text, t) : sql`(${like(text, t)} or ${t}::text <% ${text})`,
  );
  const all = perToken.length > 0 ? sql`(${sql.join(perToken, sql` and `)})` : sql`false`;
  return terms.compact === null ? all : sql`(${all} or ${like(text, terms.compact)})`;
}

/**
 * How well an observation matches, 0..1: the mean word similarity of the tokens, and 1 for
 * the whole identifier found as it was typed.
 */
export function nameScore(terms: NameTerms, alias = 'o'): SQL {
  const text = observationText(alias);
  const mean =
    terms.tokens.length > 0
      ? sql`(${sql.join(
          terms.tokens.map((t) => sql`word_similarity(${t}::text, ${text})`),
          sql` + `,
        )}) / ${terms.tokens.length}::float8`
      : sql`0::float8`;
  return terms.compact === null
    ? sql`(${mean})::float8`
    : sql`greatest(${mean}, case when ${like(text, terms.compact)} then 1 else 0 end)::float8`;
}
