/**
 * Tokens and "runs" for the name finder: a run is a stretch of capitalised words (with initials,
 * name particles and the joiners of organisation names) that could be one proper name. Runs
 * break at punctuation, at sentence ends, and at officers' ranks and courtesy titles, which are
 * remembered on the run that follows because they say what kind of name it is.
 */
import { getLexicon } from './lexicon.ts';
import {
  BUSINESS_WORDS,
  LEGAL_SUFFIXES,
  MONTHS,
  NAME_PARTICLES,
  NAME_SUFFIXES,
  NEVER_NAME,
  OFFICER_RANKS,
  ORG_CONNECTORS,
  PERSON_TITLES,
  PLACE_HEADS,
  STREET_SUFFIXES,
} from './word-lists.ts';

export type Shape = 'cap' | 'upper' | 'initial' | 'lower' | 'acronym' | 'amp';

export type Token = {
  /** Offsets of the word without a sentence-ending period or a possessive "'s". */
  start: number;
  end: number;
  text: string;
  /** Lower-cased, without trailing period or possessive: the form looked up in word lists. */
  key: string;
  shape: Shape;
  possessive: boolean;
  /** End of the word as written, possessive included: where the gap to the next word starts. */
  wordEnd: number;
  /** A full stop followed the word and was punctuation, not an abbreviation point. */
  endsSentence: boolean;
};

export type Run = {
  tokens: Token[];
  /** The run follows an officer's rank ("Sgt. D. Bowman"). */
  afterRank: boolean;
  /** The run follows a courtesy title ("Mr. Ashcraft"). */
  afterTitle: boolean;
};

// Dotted acronyms first ("L.L.C.", "U.S."), then words with inner apostrophes and hyphens and an
// optional final period, then "&". A word starts at a word boundary, so "1D" yields no "D".
const TOKEN = /(?<![\p{L}\p{N}])(?:(?:\p{L}\.){2,}|\p{L}(?:[\p{L}\p{M}'’-]*[\p{L}\p{M}])?\.?)|&/gu;

/** Words whose final period is an abbreviation point rather than the end of a sentence. */
const ABBREVIATIONS = new Set([
  ...OFFICER_RANKS,
  ...PERSON_TITLES,
  ...NAME_SUFFIXES,
  ...LEGAL_SUFFIXES,
  ...STREET_SUFFIXES,
  ...MONTHS,
  'no',
  'apt',
  'ste',
  'mt',
  'ft',
]);

function shapeOf(core: string): Shape {
  if (core === '&') return 'amp';
  if (/^(?:\p{L}\.){2,}$/u.test(core)) return 'acronym';
  if (/^\p{Lu}$/u.test(core)) return 'initial';
  if (/^\p{Lu}[\p{Lu}'’-]*\p{Lu}$/u.test(core)) return 'upper';
  if (/^\p{Lu}(?:\p{Ll}|['’]\p{Lu})/u.test(core)) return 'cap';
  return 'lower';
}

function toToken(raw: string, at: number): Token {
  const dotted = raw.length > 1 && raw.endsWith('.') && !/^(?:\p{L}\.){2,}$/u.test(raw);
  let core = dotted ? raw.slice(0, -1) : raw;
  const possessive = /.['’]s$/u.test(core);
  if (possessive) core = core.slice(0, -2);
  const key = core.toLowerCase().replace(/\.$/, '');
  const shape = shapeOf(core);
  const keepsDot = dotted && (shape === 'initial' || ABBREVIATIONS.has(key));
  const text = keepsDot ? `${core}.` : core;
  return {
    start: at,
    end: at + text.length,
    text,
    key,
    shape,
    possessive,
    wordEnd: at + text.length + (possessive ? 2 : 0),
    endsSentence: dotted && !keepsDot,
  };
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    // "FES-0123", "AB12": letters fused to digits are a code, not a word.
    if (/^-?\p{N}/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2))) continue;
    out.push(toToken(m[0], m.index));
  }
  return out;
}

const isJoiner = (t: Token) =>
  (t.shape === 'lower' && (NAME_PARTICLES.has(t.key) || ORG_CONNECTORS.has(t.key))) ||
  t.shape === 'amp';
const isNameish = (t: Token) =>
  t.shape === 'cap' || t.shape === 'upper' || t.shape === 'initial' || t.shape === 'acronym';
/** Trailing parts that may follow a comma: "Tidewater Towing, LLC", "Paul Soto, Jr.". */
const isCommaSuffix = (t: Token) => LEGAL_SUFFIXES.has(t.key) || NAME_SUFFIXES.has(t.key);

function isRank(t: Token, next: Token | undefined): boolean {
  // "Sheriff's Office" names an office, not a sheriff; a rank is followed by a name.
  return (
    OFFICER_RANKS.has(t.key) &&
    !t.possessive &&
    t.shape !== 'lower' &&
    next !== undefined &&
    (next.shape === 'initial' || next.shape === 'cap' || next.shape === 'upper')
  );
}

/** Abbreviations that end a name: after "Laurel Dr." or "Patel Wireless Co." a new sentence starts. */
const NAME_ENDINGS = new Set([...STREET_SUFFIXES, ...LEGAL_SUFFIXES, ...NAME_SUFFIXES]);

/** "Laurel Dr. A woman…", "Main St. Sgt. E. Clark…": the abbreviation ended a sentence. */
const endsSentenceBefore = (prev: Token, next: Token) =>
  prev.text.endsWith('.') && prev.shape !== 'initial' && NEVER_NAME.has(next.key);

/** "Loudoun County Sheriff's Office", "St. Mary's Hospital": the possessive is inside the name. */
function possessiveInsideName(next: Token): boolean {
  const lex = getLexicon();
  return lex.orgWords.has(next.key) || BUSINESS_WORDS.has(next.key) || PLACE_HEADS.has(next.key);
}

function joins(text: string, prev: Token, next: Token): boolean {
  if (prev.endsSentence || endsSentenceBefore(prev, next)) return false;
  if (prev.possessive && !possessiveInsideName(next)) return false;
  const gap = text.slice(prev.wordEnd, next.start);
  return gap === ' ' || gap === '\u00a0' || (gap === ', ' && isCommaSuffix(next));
}

/** Splits the narrative's tokens into candidate name runs. */
export function buildRuns(text: string, tokens: readonly Token[]): Run[] {
  const runs: Run[] = [];
  let current: Run | undefined;
  const close = () => {
    if (!current) return;
    while (current.tokens.length > 0 && !isNameish(current.tokens.at(-1)!)) current.tokens.pop();
    if (current.tokens.length > 0) runs.push(current);
    current = undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    // A dotted name ending ends the run unless it opens it ("St. Louis", "Dr. Ruiz").
    const endedByAbbreviation =
      prev !== undefined &&
      prev.text.endsWith('.') &&
      NAME_ENDINGS.has(prev.key) &&
      current !== undefined &&
      current.tokens.length > 1;
    const continues =
      current !== undefined &&
      current.tokens.length > 0 &&
      prev !== undefined &&
      !endedByAbbreviation &&
      joins(text, prev, t);
    if (current && !continues && current.tokens.length > 0) close();
    // "Laurel Dr", "Fusion Liaison Officer": a title inside a name is part of it.
    const insideName = continues && !NEVER_NAME.has(prev.key);
    if (!insideName && (isRank(t, next) || (PERSON_TITLES.has(t.key) && t.shape === 'cap'))) {
      close();
      const rank = OFFICER_RANKS.has(t.key);
      if (next !== undefined && joins(text, t, next))
        current = { tokens: [], afterRank: rank, afterTitle: !rank };
      continue;
    }
    if (!(isNameish(t) || (continues && isJoiner(t)))) {
      close();
      continue;
    }
    current ??= { tokens: [], afterRank: false, afterTitle: false };
    current.tokens.push(t);
  }
  close();
  return runs;
}
