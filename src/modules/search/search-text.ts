/**
 * What a search text asks for. Words go to PostgreSQL full text as typed (websearch syntax:
 * "quoted phrase", -excluded, or). Names and identifiers are matched on observations by
 * trigram, one folded token at a time; excluded words and the `or` keyword are not names.
 */

/** Tokens shorter than this match too much by trigram to be worth an index probe. */
export const MIN_TOKEN_LENGTH = 3;
/** A longer text is a sentence, not a name: only its first tokens are tried as a name. */
export const MAX_NAME_TOKENS = 6;
/** A compacted identifier (plate, phone) must be at least this long to be matched whole. */
export const MIN_COMPACT_LENGTH = 4;

/** The part of the text that may name someone or something: no exclusions, no operators. */
export function positivePart(q: string): string {
  return q
    .replace(/"/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !w.startsWith('-') && w.toLowerCase() !== 'or')
    .join(' ');
}

export type NameTerms = {
  /** Folded name tokens (lower case, no accents, a-z), each at least MIN_TOKEN_LENGTH long. */
  tokens: string[];
  /**
   * An identifier search (the text has a digit): the whole text compacted, no spaces or
   * punctuation (XKR-4471 → xkr4471, (804) 555-0142 → 8045550142), found inside identifiers.
   */
  compact: string | null;
  /** Pointers report matchType "identifier" for these. */
  identifierLike: boolean;
};

/**
 * Name terms from the positive text as folded and compacted by the database (search_fold and
 * search_compact, the functions the observation text is built with). A text with a digit is
 * an identifier, matched whole; any other is a name, matched token by token. (A token such
 * as "555" would otherwise match every phone number of an exchange.)
 */
export function nameTerms(folded: string, compacted: string): NameTerms {
  if (/\d/.test(compacted)) {
    const whole = compacted.length >= MIN_COMPACT_LENGTH;
    return { tokens: [], compact: whole ? compacted : null, identifierLike: true };
  }
  const tokens = [...new Set(folded.split(' '))]
    .filter((t) => t.length >= MIN_TOKEN_LENGTH)
    .slice(0, MAX_NAME_TOKENS);
  return { tokens, compact: null, identifierLike: false };
}

export const hasNameTerms = (t: NameTerms) => t.tokens.length > 0 || t.compact !== null;

const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';
/** Private-use characters ts_headline wraps matches in; removed from the text beforehand. */
export const HEADLINE_MARKERS = { open: MARK_OPEN, close: MARK_CLOSE };

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * A headline as safe HTML: every character of the record's text escaped, and only the
 * matched words wrapped in <mark>. The UI may render it as HTML; a CLI may strip the tags.
 */
export function headlineToHtml(headline: string): string {
  const escaped = headline.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
  return escaped.replaceAll(MARK_OPEN, '<mark>').replaceAll(MARK_CLOSE, '</mark>');
}
