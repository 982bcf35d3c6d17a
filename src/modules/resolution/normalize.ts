/**
 * Turns what a record wrote into what resolution compares: names without case, accents or
 * punctuation; given names mapped to their formal names; dates of birth parsed, with
 * impossible dates read as unknown rather than guessed; street lines with the USPS suffix and
 * direction abbreviations; phones as E.164. Pure functions, no dependency on observation shape.
 */
import { NICKNAMES } from './nicknames.ts';

/** Lower-case ASCII letters, digits and single spaces; accents folded, "&" read as "and". */
export function foldText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '') // O'Connor and OConnor are the same spelling
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A name as letters only: "Mc Donald-Smith" → "mcdonaldsmith", so spacing never disagrees. */
export function nameKey(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const key = foldText(s).replace(/[^a-z]/g, '');
  return key.length > 0 ? key : undefined;
}

/** The formal names a given name may stand for (itself when the table does not know it). */
export function givenNameGroups(key: string): readonly string[] {
  return NICKNAMES.get(key) ?? [key];
}

export function areNicknameEquivalent(a: string, b: string): boolean {
  const ga = givenNameGroups(a);
  return givenNameGroups(b).some((g) => ga.includes(g));
}

export type PartialDate = { year: number; month?: number; day?: number };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * YYYY, YYYY-MM, YYYY-MM-DD or YYYYMMDD. Impossible dates (month 13, 31 April, 29 February
 * in a common year) return undefined: a keying error has made every part untrustworthy, and
 * "unknown" costs nothing in the model whereas a guessed date could create false agreement.
 */
export function parseDateOfBirth(s: string | undefined): PartialDate | undefined {
  if (s === undefined) return undefined;
  const m = /^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?$/.exec(s.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 1850 || year > 2200) return undefined;
  if (m[2] === undefined) return { year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  if (m[3] === undefined) return { year, month };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** Eight digits for a complete date, for typo comparisons; undefined when partial. */
export function dateDigits(d: PartialDate | undefined): string | undefined {
  if (d?.month === undefined || d.day === undefined) return undefined;
  return `${d.year}${String(d.month).padStart(2, '0')}${String(d.day).padStart(2, '0')}`;
}

/** USPS Publication 28 suffixes and directions most often written out in full. */
const STREET_WORDS: Readonly<Record<string, string>> = {
  alley: 'aly',
  avenue: 'ave',
  av: 'ave',
  boulevard: 'blvd',
  circle: 'cir',
  circuit: 'cct',
  close: 'cl',
  court: 'ct',
  crescent: 'cres',
  drive: 'dr',
  expressway: 'expy',
  freeway: 'fwy',
  highway: 'hwy',
  lane: 'ln',
  parkway: 'pkwy',
  place: 'pl',
  plaza: 'plz',
  road: 'rd',
  square: 'sq',
  street: 'st',
  terrace: 'ter',
  trail: 'trl',
  turnpike: 'tpke',
  way: 'way',
  pike: 'pike',
  point: 'pt',
  ridge: 'rdg',
  crossing: 'xing',
  mountain: 'mtn',
  heights: 'hts',
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
  northeast: 'ne',
  northwest: 'nw',
  southeast: 'se',
  southwest: 'sw',
  apartment: 'apt',
  suite: 'ste',
  unit: 'unit',
  building: 'bldg',
  floor: 'fl',
  number: 'no',
  mount: 'mt',
  saint: 'st',
  fort: 'ft',
};

/** Folded, abbreviated street line: "606 Sunset Parkway, Apt. 4" → "606 sunset pkwy apt 4". */
export function normalizeStreet(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const out = foldText(s)
    .split(' ')
    .filter((w) => w.length > 0)
    .map((w) => STREET_WORDS[w] ?? w)
    .join(' ');
  return out.length > 0 ? out : undefined;
}

/** The leading house number of a normalised street line, if it has one. */
export function houseNumber(street: string | undefined): string | undefined {
  return street === undefined ? undefined : /^(\d+)\b/.exec(street)?.[1];
}

/** ZIP+4 and spacing do not distinguish places: keep the alphanumerics, first five. */
export function normalizePostcode(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const out = s
    .toLowerCase()
    .replace(/[^0-9a-z]/g, '')
    .slice(0, 5);
  return out.length > 0 ? out : undefined;
}

/**
 * E.164 for North American numbers written any usual way; other numbers keep their digits
 * with a "+" when one was written. Enough to make "(540) 555-6190" and "+15405556190" equal.
 */
export function normalizePhone(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const digits = s.replace(/\D/g, '');
  if (digits.length < 7) return undefined;
  if (s.trim().startsWith('+')) return `+${digits}`;
  if (digits.length === 10) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  return digits;
}

export function normalizeEmail(s: string | undefined): string | undefined {
  const out = s?.trim().toLowerCase();
  return out && out.includes('@') ? out : undefined;
}

/** Plates, VINs, serials and ID numbers: upper-case alphanumerics only. */
export function normalizeToken(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const out = s.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return out.length > 0 ? out : undefined;
}

/** Readers and most states do not distinguish O/0 and I/1 on plates: fold them for keys. */
export function foldPlate(plate: string): string {
  return plate.replace(/O/g, '0').replace(/[IL]/g, '1').replace(/Q/g, '0');
}

const LEGAL_SUFFIXES = new Set([
  'llc',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'ltd',
  'limited',
  'lp',
  'llp',
  'pllc',
  'plc',
  'pc',
  'the',
]);

/** "The Liberty Logistics Corp., L.L.C." → "liberty logistics": the name without its form. */
export function organizationKey(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const words = foldText(s.replace(/\./g, '')).split(' '); // L.L.C. → LLC
  while (words.length > 1 && LEGAL_SUFFIXES.has(words.at(-1) ?? '')) words.pop();
  if (words.length > 1 && words[0] === 'the') words.shift();
  const out = words.join(' ');
  return out.length > 0 ? out : undefined;
}

/**
 * Every string one character shorter. Keyed together with the string itself, two strings
 * within one substitution, dropped character or neighbour swap of each other share a key.
 */
export function deletions(s: string): string[] {
  return Array.from({ length: s.length }, (_, i) => s.slice(0, i) + s.slice(i + 1));
}
