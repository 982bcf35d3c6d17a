/**
 * What a run of capitalised words names: a person, an organisation, a place, a street (kept
 * only as context), or nothing. Decided by cheap cues around the run ("identified as …",
 * "(DOB …)", "Mr."), compromise's lexicon (first names, surnames, places, organisations) and
 * head words ("… LLC", "… Authority", "… Airport"), in an order that settles the common
 * collisions: "Virginia Beach" is a place although Virginia is a first name, "Ford Transit" a
 * vehicle, "Sgt. D. Bowman" the reporting officer.
 */
import { getLexicon, type Lexicon } from './lexicon.ts';
import type { Run, Token } from './name-runs.ts';
import { STATE_NAMES } from './us-states.ts';
import {
  BUSINESS_WORDS,
  LEGAL_SUFFIXES,
  MAKES,
  MONTHS,
  MULTIWORD_MAKES,
  NAME_PARTICLES,
  NEVER_NAME,
  ORG_CONNECTORS,
  ROLE_NOUNS,
  PLACE_HEADS,
  STREET_SUFFIXES,
  SURNAME_LIKE_PLACE_WORDS,
  UNAMBIGUOUS_STREET_SUFFIXES,
  WEEKDAYS,
} from './word-lists.ts';

export type NameKind = 'person' | 'organization' | 'place' | 'street';
export type Classified = { kind: NameKind; tokens: Token[] };

const STATE_KEYS = new Set(STATE_NAMES.map((s) => s.toLowerCase()));
const HARD_PLACE_HEADS = new Set([...PLACE_HEADS].filter((w) => !SURNAME_LIKE_PLACE_WORDS.has(w)));
const NOT_IN_PERSON_NAMES = new Set([...BUSINESS_WORDS, ...LEGAL_SUFFIXES, ...HARD_PLACE_HEADS]);

// Cues read on at most ~60 characters either side of a run, so their cost does not grow with
// the narrative. Strong cues make even a lone word a name ("identified as Ashcraft"); weak
// ones only vouch for two or more capitalised words ("reports that Linh Mullins").
const STRONG_BEFORE =
  /(?:\b(?:identified|name[sd]?|known|listed|gave (?:his|her|their) name)\b[^.;]{0,40}?\bas|\b(?:named|aka|a\.k\.a\.|alias|in the name(?: of)?))[\s,:]*$/i;
const STRONG_AFTER =
  /^(?:\s*,?\s*\(?\s*(?:DOB|D\.O\.B\.|born|age \d|aka|a\.k\.a\.)|\s*,\s*\d{1,2}\s*,|\s+\(\d{1,2}\))/i;
const WEAK_BEFORE =
  /\b(?:person of interest|associates?|witness|victim|suspect|subject|driver|passenger|complainant|arrestee|caller|owner|defendant|juvenile|present|reports? that|contact with|spoke with|met with|arrested|interviewed|by|and)[\s,:]*$/i;
const WEAK_AFTER =
  /^,\s+(?:a|an|the|his|her|their)\s+(?:former\s+)?(?:customer|neighbou?r|co-?worker|relative|friend|partner|witness|clerk|employee|resident|manager|owner|tenant|roommate|cousin|brother|sister|son|daughter|wife|husband|boyfriend|girlfriend)\b/i;
const STATE_AS_ISSUER =
  /^\s+(?:driver['’]?s\s+)?(?:license|licence|registration|plates?|tags?|DL|ID)\b/i;
const streetSuffixes = [...STREET_SUFFIXES].map((s) => s.charAt(0).toUpperCase() + s.slice(1));
/** "… 5590 Willow Ter, " or "… 2357 Fairview Ct Apt 410, ": the next run is the city. */
const AFTER_STREET = new RegExp(
  String.raw`\b\d{1,6}\s+(?:[A-Z][\w'’.-]*\s+){1,4}(?:${streetSuffixes.join('|')})\.?(?:\s+(?:Apt|Unit|Ste|Suite|#)\.?\s*[\w-]{1,6})?,\s*$`,
);

/** Lexicon tags of words that head a run without being part of the name that follows. */
const HEADING_TAGS = new Set([
  'Actor',
  'Plural',
  'Preposition',
  'Determiner',
  'Pronoun',
  'Adverb',
  'Conjunction',
  'PastTense',
  'PresentTense',
  'Infinitive',
  'Gerund',
  'Modal',
  'Copula',
  'QuestionWord',
  'Negative',
  'Participle',
  'PhrasalVerb',
  'Verb',
  'Superlative',
  'Expression',
]);

/** Words that are never the start of any name, whatever kind. */
const isFiller = (t: Token, next: Token | undefined) =>
  t.shape === 'lower' ||
  t.shape === 'amp' ||
  NEVER_NAME.has(t.key) ||
  ROLE_NOUNS.has(t.key) ||
  WEEKDAYS.has(t.key) ||
  (MONTHS.has(t.key) && (next === undefined || next.shape !== 'cap'));

/** First names that compromise knows only as ordinary words ("Will Ryan", "Bill Adams"). */
const WORDS_THAT_ARE_NAMES = new Set([
  'will',
  'bill',
  'art',
  'guy',
  'hope',
  'joy',
  'dawn',
  'ray',
  'gene',
]);

/**
 * Words to drop from the front of a run: "The", "On Monday", a role or a verb heading a name
 * ("Driver Dale Ashcraft", "Recovered Ruger"). Nouns and adjectives stay, because first names
 * are often ordinary words too: "Frank Palmer", "Jean Cole", "Sandy Thomas", "New York".
 */
function isJunk(lex: Lexicon, t: Token, next: Token | undefined): boolean {
  if (isFiller(t, next)) return true;
  if (WORDS_THAT_ARE_NAMES.has(t.key) && next?.shape === 'cap') return false;
  return !lex.isGivenName(t.key) && lex.tagsOf(t.key).some((tag) => HEADING_TAGS.has(tag));
}

/**
 * Drops sentence-initial and heading words from the front of a run. Organisation and place
 * names keep ordinary words ("Burns Pawn & Jewelry"); person names lose them too.
 */
function trimFront(lex: Lexicon, tokens: readonly Token[], forPerson: boolean): Token[] {
  const drop = (t: Token, next: Token | undefined) =>
    forPerson ? isJunk(lex, t, next) : isFiller(t, next);
  let i = 0;
  while (i < tokens.length && drop(tokens[i]!, tokens[i + 1])) i++;
  // A run of heading words alone ("Officers", "Park") is left for the other rules to judge.
  if (forPerson && i === tokens.length)
    return tokens.slice(-1).filter((t) => !isFiller(t, undefined));
  return tokens.slice(i);
}

const isPersonPart = (t: Token) =>
  t.shape === 'cap' ||
  t.shape === 'upper' ||
  t.shape === 'initial' ||
  (t.shape === 'lower' && NAME_PARTICLES.has(t.key));

function looksLikePersonName(lex: Lexicon, tokens: readonly Token[]): boolean {
  if (tokens.length === 0 || tokens.length > 5 || !tokens.every(isPersonPart)) return false;
  const keys = tokens.map((t) => t.key);
  if (keys.some((k) => WEEKDAYS.has(k))) return false;
  // "Virginia Moore" is a person, "Virginia" alone or "… Virginia" is not; nor is a name with a
  // business, organisation or facility word in it.
  if (STATE_KEYS.has(keys.join(' '))) return false;
  if (!lex.isGivenName(keys[0] ?? '') && keys.slice(1).some((k) => STATE_KEYS.has(k))) return false;
  if (keys.slice(1).some((k) => NOT_IN_PERSON_NAMES.has(k) || lex.orgWords.has(k))) return false;
  // Shouting is allowed ("DALE ASHCRAFT") but an all-caps run needs the lexicon's support.
  const allUpper = tokens.every((t) => t.shape !== 'cap');
  return !allUpper || lex.isGivenName(keys[0] ?? '') || lex.isSurname(keys.at(-1) ?? '');
}

function isOrganization(lex: Lexicon, tokens: readonly Token[]): boolean {
  const keys = tokens.map((t) => t.key);
  const last = keys.at(-1) ?? '';
  if (tokens.length === 1) return lex.isOrganization(last) && !MAKES.has(last);
  if (LEGAL_SUFFIXES.has(last) || lex.isOrganization(keys.join(' '))) return true;
  if (lex.orgWords.has(last) || BUSINESS_WORDS.has(last)) return true;
  // "Bank of America", "Department of Homeland Security".
  return keys.some((k, i) => lex.orgWords.has(k) && ORG_CONNECTORS.has(keys[i + 1] ?? ''));
}

function isPlace(lex: Lexicon, tokens: readonly Token[], personFirst: boolean): boolean {
  const keys = tokens.map((t) => t.key);
  const phrase = keys.join(' ');
  if (STREET_SUFFIXES.has(keys.at(-1) ?? '')) return false;
  if (STATE_KEYS.has(phrase) || lex.isPlace(phrase)) return true;
  if (tokens.length < 2) return false;
  if (keys.some((k) => HARD_PLACE_HEADS.has(k))) return true;
  const last = keys.at(-1) ?? '';
  return !personFirst && (lex.placeWords.has(last) || PLACE_HEADS.has(last));
}

function isStreet(lex: Lexicon, tokens: readonly Token[], before: string): boolean {
  const last = tokens.at(-1)?.key ?? '';
  if (['apt', 'unit', 'ste', 'suite'].includes(last)) return true;
  if (!STREET_SUFFIXES.has(last)) return false;
  return (
    /\d\s*$/.test(before) ||
    UNAMBIGUOUS_STREET_SUFFIXES.has(last) ||
    /\b(?:on|near|at|along|off|of)\s*$/.test(before) ||
    !lex.isGivenName(tokens[0]?.key ?? '')
  );
}

const isMake = (keys: readonly string[]) =>
  MAKES.has(keys[0] ?? '') || MULTIWORD_MAKES.some((m) => keys.join(' ').startsWith(m));

/** The run ends in an organisation's or a place's head word: "… Department", "… Airport". */
export function endsInHeadWord(tokens: readonly Token[]): boolean {
  const lex = getLexicon();
  const last = tokens.at(-1)?.key ?? '';
  return (
    lex.orgWords.has(last) ||
    BUSINESS_WORDS.has(last) ||
    LEGAL_SUFFIXES.has(last) ||
    HARD_PLACE_HEADS.has(last)
  );
}

type View = {
  tokens: Token[];
  first: Token;
  last: Token;
  keys: string[];
  before: string;
  after: string;
};

function viewOf(text: string, tokens: Token[]): View | undefined {
  const first = tokens[0];
  const last = tokens.at(-1);
  if (!first || !last) return undefined;
  return {
    tokens,
    first,
    last,
    keys: tokens.map((t) => t.key),
    before: text.slice(Math.max(0, first.start - 60), first.start),
    after: text.slice(last.end, last.end + 30),
  };
}

function hasPersonCue(run: Run, v: View): boolean {
  return (
    run.afterTitle ||
    STRONG_BEFORE.test(v.before) ||
    STRONG_AFTER.test(v.after) ||
    (v.tokens.length > 1 && (WEAK_BEFORE.test(v.before) || WEAK_AFTER.test(v.after)))
  );
}

function isLexicalPerson(lex: Lexicon, v: View): boolean {
  if (v.tokens.length < 2 || !looksLikePersonName(lex, v.tokens)) return false;
  return (
    (lex.isGivenName(v.first.key) && v.first.shape !== 'initial') ||
    lex.isSurname(v.last.key) ||
    lex.tagsOf(v.keys.join(' ')).includes('Person')
  );
}

/**
 * Classifies one run; `text` is the narrative, for the cues around it. A run is looked at two
 * ways: trimmed of heading words for a person ("Driver Dale Ashcraft" → "Dale Ashcraft"), and
 * only of filler for an organisation or place ("Burns Pawn & Jewelry LLC" stays whole).
 */
export function classifyRun(text: string, run: Run): Classified | undefined {
  if (run.afterRank) return undefined;
  const lex = getLexicon();
  const named = viewOf(text, trimFront(lex, run.tokens, false));
  if (!named) return undefined;
  // "Ran Park (DOB 03/24/1998)": two words right before a date of birth are a full name, even
  // when the first is also an ordinary word the heading trim would drop.
  const dobNamed = named.tokens.length === 2 && STRONG_AFTER.test(named.after);
  const person = dobNamed ? named : viewOf(text, trimFront(lex, run.tokens, true));
  const cue = person !== undefined && hasPersonCue(run, person);
  const as = (kind: NameKind, v: View): Classified => ({ kind, tokens: v.tokens });
  if (AFTER_STREET.test(named.before) && !cue) return as('place', named);
  if (
    person &&
    cue &&
    looksLikePersonName(lex, person.tokens) &&
    !isStreet(lex, person.tokens, person.before)
  )
    return as('person', person);
  if (isOrganization(lex, named.tokens)) return as('organization', named);
  if (isMake(named.keys)) return undefined;
  if (isStreet(lex, named.tokens, named.before)) return as('street', named);
  const personFirst =
    person !== undefined &&
    person.tokens.length > 1 &&
    lex.isGivenName(person.first.key) &&
    looksLikePersonName(lex, person.tokens);
  if (isPlace(lex, named.tokens, personFirst)) {
    const issuer =
      named.tokens.length === 1 &&
      STATE_KEYS.has(named.first.key) &&
      STATE_AS_ISSUER.test(named.after);
    return issuer ? undefined : as('place', named);
  }
  return person && isLexicalPerson(lex, person) ? as('person', person) : undefined;
}
