/**
 * Per-field agreement levels. Each comparator maps two normalised values to one level of a
 * short ordered list (strongest agreement first, disagreement last); the model learns how much
 * each level is worth. A comparator returns null when either side lacks the value, so missing
 * data neither helps nor hurts a match (Fellegi–Sunter's "missing" treatment).
 */
import { LRUCache } from 'lru-cache';
import jaroWinkler from 'talisman/metrics/jaro-winkler.js';
import doubleMetaphone from 'talisman/phonetics/double-metaphone.js';
import { areNicknameEquivalent, givenNameGroups, type PartialDate } from './normalize.ts';
import { distanceKm } from '../geo/area.ts';

/*
 * Names repeat (a few thousand given names and surnames cover most people), and every stored
 * candidate a new observation is compared with is prepared again in each batch: Double
 * Metaphone was a fifth of preparing. The codes of the most recent names are kept.
 */
const codesOfName = new LRUCache<string, readonly string[]>({ max: 50_000 });

/** Distinct non-empty Double Metaphone codes of a name key. */
export function phoneticCodes(key: string): readonly string[] {
  let codes = codesOfName.get(key);
  if (codes === undefined) {
    const [primary, alternate] = doubleMetaphone(key);
    codes = [...new Set([primary, alternate])].filter((c) => c.length > 0);
    codesOfName.set(key, codes);
  }
  return codes;
}

/** A name prepared once: its key, its formal names (given names only) and phonetic codes. */
export type NameParts = { key: string; groups: readonly string[]; codes: readonly string[] };

export function nameParts(key: string | undefined, withNicknames: boolean): NameParts | undefined {
  if (key === undefined) return undefined;
  const groups = withNicknames ? givenNameGroups(key) : [key];
  return { key, groups, codes: phoneticCodes(key) };
}

export const GIVEN_LEVELS = [
  'exact',
  'nickname',
  'jw94',
  'jw88',
  'phonetic',
  'initial',
  'else',
] as const;
export const SURNAME_LEVELS = ['exact', 'jw94', 'jw88', 'phonetic', 'else'] as const;
export type GivenLevel = (typeof GIVEN_LEVELS)[number];

/**
 * Name agreement. The thresholds 0.94 and 0.88 are the conventional Jaro-Winkler bands
 * (Splink's defaults for names): ≥ 0.94 is almost always one keying slip, 0.88–0.94 a slip
 * in a short name or two in a long one.
 */
export function compareName(
  a: NameParts | undefined,
  b: NameParts | undefined,
  withNicknames: boolean,
): GivenLevel | null {
  if (a === undefined || b === undefined) return null;
  if (a.key === b.key) return 'exact';
  if (withNicknames && areNicknameEquivalent(a.key, b.key)) return 'nickname';
  const jw = jaroWinkler(a.key, b.key);
  if (jw >= 0.94) return 'jw94';
  if (jw >= 0.88) return 'jw88';
  if (a.codes.some((c) => b.codes.includes(c))) return 'phonetic';
  if (withNicknames && isInitialOf(a.key, b.key)) return 'initial';
  return 'else';
}

function isInitialOf(a: string, b: string): boolean {
  return (a.length === 1 || b.length === 1) && a.charAt(0) === b.charAt(0);
}

/** True when b is a within one insertion, deletion, substitution or adjacent swap of a. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a.charAt(i) === b.charAt(i)) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return (
      a.charAt(i) === b.charAt(i + 1) &&
      a.charAt(i + 1) === b.charAt(i) &&
      a.slice(i + 2) === b.slice(i + 2)
    );
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.slice(i + 1) === short.slice(i); // one character dropped
}

export const DOB_LEVELS = ['exact', 'transposed', 'typo', 'partial', 'year', 'else'] as const;
export type DobLevel = (typeof DOB_LEVELS)[number];

/**
 * Date of birth: exact; day and month swapped (US vs day-first entry); one keying slip (one
 * digit wrong, two neighbouring digits swapped, or the year one off); agreement as far as a
 * partial date goes; the same year only; or disagreement.
 */
export function compareDob(
  a: PartialDate | undefined,
  b: PartialDate | undefined,
  aDigits: string | undefined,
  bDigits: string | undefined,
): DobLevel | null {
  if (a === undefined || b === undefined) return null;
  if (aDigits !== undefined && bDigits !== undefined) {
    if (aDigits === bDigits) return 'exact';
    if (a.year === b.year && a.month === b.day && a.day === b.month) return 'transposed';
    const yearSlip = Math.abs(a.year - b.year) === 1 && a.month === b.month && a.day === b.day;
    if (yearSlip || withinOneEdit(aDigits, bDigits)) return 'typo';
    return a.year === b.year ? 'year' : 'else';
  }
  if (a.year !== b.year) return 'else';
  const monthsAgree = a.month === undefined || b.month === undefined || a.month === b.month;
  return monthsAgree ? 'partial' : 'year';
}

export type StreetParts = { line: string; sortedTokens: string; number: string | undefined };

export const STREET_LEVELS = ['exact', 'close', 'same_street', 'else'] as const;

/**
 * Street line: exact (also with its parts in another order, as when a building name and the
 * street are written the other way round); close (≥ 0.9 Jaro-Winkler and no conflicting
 * house number); the same street with another number (neighbours, or a number mistyped);
 * or a different street.
 */
export function compareStreet(a: StreetParts | undefined, b: StreetParts | undefined) {
  if (a === undefined || b === undefined) return null;
  if (a.line === b.line || a.sortedTokens === b.sortedTokens) return 'exact';
  const similar =
    jaroWinkler(a.line, b.line) >= 0.9 || jaroWinkler(a.sortedTokens, b.sortedTokens) >= 0.9;
  if (!similar) return 'else';
  const numbersConflict = a.number !== undefined && b.number !== undefined && a.number !== b.number;
  return numbersConflict ? 'same_street' : 'close';
}

export type Locality = { postcode?: string; city?: string; state?: string };

export const LOCALITY_LEVELS = ['postcode_city', 'postcode', 'city', 'state', 'else'] as const;

/**
 * Postcode, city and state in one field, because they are strongly dependent: counting them
 * as three independent agreements would triple-count living in the same town.
 */
export function compareLocality(a: Locality | undefined, b: Locality | undefined) {
  if (a === undefined || b === undefined) return null;
  const both = (k: keyof Locality) => a[k] !== undefined && b[k] !== undefined;
  if (!both('postcode') && !both('city') && !both('state')) return null;
  const postcode = both('postcode') && a.postcode === b.postcode;
  const city = both('city') && jaroWinkler(a.city ?? '', b.city ?? '') >= 0.94;
  if (postcode && city) return 'postcode_city';
  if (postcode) return 'postcode';
  if (city) return 'city';
  if (both('state') && a.state === b.state) return 'state';
  return 'else';
}

export type SchemedValue = { scheme: string; value: string };

export const IDENTIFIER_LEVELS = ['exact', 'typo', 'conflict'] as const;

/** Identifiers of the same scheme: one equal; one a keying slip away; or all different. */
export function compareIdentifiers(a: readonly SchemedValue[], b: readonly SchemedValue[]) {
  let shared = false;
  let typo = false;
  for (const x of a) {
    for (const y of b) {
      if (x.scheme !== y.scheme) continue;
      if (x.value === y.value) return 'exact';
      shared = true;
      if (withinOneEdit(x.value, y.value)) typo = true;
    }
  }
  if (typo) return 'typo';
  return shared ? 'conflict' : null;
}

export const EXACT_LEVELS = ['exact', 'else'] as const;

export function compareExact(a: string | number | undefined, b: string | number | undefined) {
  if (a === undefined || b === undefined) return null;
  return a === b ? 'exact' : 'else';
}

/** Two lists (phones, e-mails) agree when they share any value. */
export function compareSets(a: readonly string[], b: readonly string[]) {
  if (a.length === 0 || b.length === 0) return null;
  return a.some((x) => b.includes(x)) ? 'exact' : 'else';
}

export const TOLERANT_LEVELS = ['exact', 'close', 'else'] as const;

/** Tokens read by eye (VINs, serials): exact, one character misread or dropped, or different. */
export function compareToken(a: string | undefined, b: string | undefined) {
  if (a === undefined || b === undefined) return null;
  if (a === b) return 'exact';
  return withinOneEdit(a, b) ? 'close' : 'else';
}

/** Jaro-Winkler bands for free-text names (organisations, places). */
export function compareText(a: string | undefined, b: string | undefined) {
  if (a === undefined || b === undefined) return null;
  if (a === b) return 'exact';
  const jw = jaroWinkler(a, b);
  return jw >= 0.94 ? 'jw94' : jw >= 0.88 ? 'jw88' : 'else';
}

export const TEXT_LEVELS = ['exact', 'jw94', 'jw88', 'else'] as const;

export const DISTANCE_LEVELS = ['near', 'close', 'else'] as const;

/** Within 100 m, within 1 km, or farther (haversine). */
export function compareCoordinates(
  a: { lat: number; lon: number } | undefined,
  b: { lat: number; lon: number } | undefined,
) {
  if (a === undefined || b === undefined) return null;
  const metres = distanceKm(a, b) * 1000;
  return metres <= 100 ? 'near' : metres <= 1000 ? 'close' : 'else';
}
