/**
 * Persons: the type resolution exists for. Fields are chosen so that the Fellegi–Sunter
 * independence assumption is not grossly wrong — postcode, city and state are one field, and
 * given name and surname are compared in the orientation that fits best, because records swap
 * them (FEBRL does this on purpose; so do clerks with names like "James Thomas").
 */
import {
  DOB_LEVELS,
  EXACT_LEVELS,
  GIVEN_LEVELS,
  IDENTIFIER_LEVELS,
  LOCALITY_LEVELS,
  STREET_LEVELS,
  SURNAME_LEVELS,
  compareDob,
  compareExact,
  compareIdentifiers,
  compareLocality,
  compareName,
  compareSets,
  compareStreet,
  nameParts,
  phoneticCodes,
  type Locality,
  type NameParts,
  type SchemedValue,
  type StreetParts,
} from './comparators.ts';
import {
  dateDigits,
  deletions,
  foldText,
  houseNumber,
  nameKey,
  normalizeEmail,
  normalizePhone,
  normalizePostcode,
  normalizeStreet,
  normalizeToken,
  parseDateOfBirth,
  type PartialDate,
} from './normalize.ts';
import { readObject, readObjects, readString, readStrings, type TypeSpec } from './spec.ts';

export type PersonFeatures = {
  given?: NameParts;
  surname?: NameParts;
  middle?: string;
  dob?: PartialDate;
  dobDigits?: string;
  sex?: string;
  street?: StreetParts;
  locality?: Locality;
  identifiers: SchemedValue[];
  phones: string[];
  emails: string[];
};

export function streetParts(street: string | undefined): StreetParts | undefined {
  const line = normalizeStreet(street);
  if (line === undefined) return undefined;
  const sortedTokens = line.split(' ').sort().join(' ');
  return { line, sortedTokens, number: houseNumber(line) };
}

export function localityOf(
  address: Readonly<Record<string, unknown>> | undefined,
): Locality | undefined {
  if (address === undefined) return undefined;
  const city = readString(address, 'city');
  const state = readString(address, 'state');
  const out: Locality = {};
  const postcode = normalizePostcode(readString(address, 'postcode'));
  if (postcode !== undefined) out.postcode = postcode;
  if (city !== undefined) out.city = foldText(city);
  if (state !== undefined) out.state = state.trim().toUpperCase();
  return Object.keys(out).length > 0 ? out : undefined;
}

export function identifiersOf(attrs: Readonly<Record<string, unknown>>): SchemedValue[] {
  return readObjects(attrs, 'identifiers').flatMap((i) => {
    const scheme = readString(i, 'scheme');
    const value = normalizeToken(readString(i, 'value'));
    return scheme !== undefined && value !== undefined ? [{ scheme, value }] : [];
  });
}

function preparePerson(attrs: Readonly<Record<string, unknown>>): PersonFeatures {
  const dob = parseDateOfBirth(readString(attrs, 'dateOfBirth'));
  const address = readObject(attrs, 'address');
  const sex = readString(attrs, 'sex');
  const f: PersonFeatures = {
    identifiers: identifiersOf(attrs),
    phones: readStrings(attrs, 'phones').flatMap((p) => normalizePhone(p) ?? []),
    emails: readStrings(attrs, 'emails').flatMap((e) => normalizeEmail(e) ?? []),
  };
  const given = nameParts(nameKey(readString(attrs, 'givenName')), true);
  const surname = nameParts(nameKey(readString(attrs, 'surname')), false);
  const middle = nameKey(readString(attrs, 'middleName'));
  const street = streetParts(address ? readString(address, 'street') : undefined);
  const locality = localityOf(address);
  if (given) f.given = given;
  if (surname) f.surname = surname;
  if (middle !== undefined) f.middle = middle;
  if (dob) f.dob = dob;
  const digits = dateDigits(dob);
  if (digits !== undefined) f.dobDigits = digits;
  if (sex === 'F' || sex === 'M') f.sex = sex; // X and U say nothing to compare
  if (street) f.street = street;
  if (locality) f.locality = locality;
  return f;
}

/** Given names match each other crossed over the surnames better than straight: swapped. */
function isSwapped(a: PersonFeatures, b: PersonFeatures): boolean {
  const ag = a.given?.key;
  const as = a.surname?.key;
  const bg = b.given?.key;
  const bs = b.surname?.key;
  if (ag === undefined || as === undefined || bg === undefined || bs === undefined) return false;
  if (ag === bg || as === bs) return false;
  return ag === bs || as === bg;
}

function compareMiddle(a: PersonFeatures, b: PersonFeatures) {
  if (a.middle === undefined || b.middle === undefined) return null;
  if (a.middle === b.middle) return 'exact';
  const initial = a.middle.length === 1 || b.middle.length === 1;
  return initial && a.middle.charAt(0) === b.middle.charAt(0) ? 'initial' : 'else';
}

/**
 * Blocking: each key is a cheap necessary condition for a likely match, and together they
 * survive any single corrupted field — a surname typo (given name + full DOB), a given name
 * replaced (surname + full DOB), a DOB typo (names, with given and surname in either order),
 * both names (DOB + postcode), or any name change when an identifier, phone or e-mail is
 * shared. Surname + birth year is used only for a partial date: as a key for complete dates
 * it grew with every record (four pairs in ten at 50,000 demo records) and found almost
 * nothing the others missed (docs/resolution.md). Changing these keys means raising
 * `BLOCKING_SCHEME`.
 */
function personKeys(f: PersonFeatures): string[] {
  const keys: string[] = [];
  const sur = f.surname?.codes ?? [];
  const given = givenCodes(f);
  for (const s of sur) {
    if (f.dobDigits !== undefined) keys.push(`p:sdob:${s}:${f.dobDigits}`);
    else if (f.dob) keys.push(`p:dm:${s}:${f.dob.year}`);
  }
  for (const g of given) for (const s of sur) keys.push(`p:dmg:${[g, s].sort().join(':')}`);
  if (f.dobDigits !== undefined) {
    for (const g of given) keys.push(`p:gdob:${g}:${f.dobDigits}`);
    const pc = f.locality?.postcode;
    if (pc !== undefined) keys.push(`p:dobpc:${f.dobDigits}:${pc}`);
  }
  for (const id of f.identifiers) {
    keys.push(`p:id:${id.scheme}:${id.value}`);
    // One-deletion neighbourhood: a digit mistyped, dropped or swapped still shares a key.
    if (id.value.length >= 6) {
      for (const d of [id.value, ...deletions(id.value)]) keys.push(`p:idd:${id.scheme}:${d}`);
    }
  }
  const household = householdKey(f);
  if (household !== undefined) keys.push(household);
  for (const p of f.phones) keys.push(`p:phone:${p}`);
  for (const e of f.emails) keys.push(`p:email:${e}`);
  return [...new Set(keys)];
}

/** Postcode, house number and the street's first word (phonetic): where someone lives. */
function householdKey(f: PersonFeatures): string | undefined {
  const postcode = f.locality?.postcode;
  const number = f.street?.number;
  const word = f.street?.line.split(' ').find((w) => /^[a-z]{2,}$/.test(w));
  if (postcode === undefined || number === undefined || word === undefined) return undefined;
  return `p:addr:${postcode}:${number}:${phoneticCodes(word)[0] ?? word}`;
}

/** Phonetic codes of the given name's formal names, so Bob and Robert share a key. */
function givenCodes(f: PersonFeatures): string[] {
  if (f.given === undefined) return [];
  const out = new Set(f.given.codes);
  for (const g of f.given.groups) for (const c of nameParts(g, false)?.codes ?? []) out.add(c);
  return [...out];
}

const LEVEL_RANK: readonly string[] = GIVEN_LEVELS;

/**
 * Swapped names are compared crossed; the better crossing is reported as the given-name
 * level and the worse as the surname level, so the result does not depend on which record
 * is "a" (scores must be symmetric for clustering to be order-independent).
 */
function crossedLevels(a: PersonFeatures, b: PersonFeatures): [string | null, string | null] {
  const x = compareName(a.given, b.surname, false);
  const y = compareName(a.surname, b.given, false);
  if (x === null || y === null) return [x, y];
  return LEVEL_RANK.indexOf(x) <= LEVEL_RANK.indexOf(y) ? [x, y] : [y, x];
}

const givenLevel = (a: PersonFeatures, b: PersonFeatures) =>
  isSwapped(a, b) ? crossedLevels(a, b)[0] : compareName(a.given, b.given, true);
const surnameLevel = (a: PersonFeatures, b: PersonFeatures) =>
  isSwapped(a, b) ? crossedLevels(a, b)[1] : compareName(a.surname, b.surname, false);

export const PERSON_SPEC: TypeSpec<PersonFeatures> = {
  type: 'person',
  learned: true,
  prepare: preparePerson,
  blockingKeys: personKeys,
  fields: [
    {
      name: 'given',
      levels: GIVEN_LEVELS,
      compare: givenLevel,
      termFrequencyValue: (f) => f.given?.key,
    },
    {
      name: 'surname',
      levels: SURNAME_LEVELS,
      compare: surnameLevel,
      termFrequencyValue: (f) => f.surname?.key,
    },
    { name: 'middle', levels: ['exact', 'initial', 'else'], compare: compareMiddle },
    {
      name: 'dob',
      levels: DOB_LEVELS,
      compare: (a, b) => compareDob(a.dob, b.dob, a.dobDigits, b.dobDigits),
    },
    { name: 'sex', levels: EXACT_LEVELS, compare: (a, b) => compareExact(a.sex, b.sex) },
    { name: 'street', levels: STREET_LEVELS, compare: (a, b) => compareStreet(a.street, b.street) },
    {
      name: 'locality',
      levels: LOCALITY_LEVELS,
      compare: (a, b) => compareLocality(a.locality, b.locality),
    },
    {
      name: 'identifier',
      levels: IDENTIFIER_LEVELS,
      compare: (a, b) => compareIdentifiers(a.identifiers, b.identifiers),
      priorM: [0.9, 0.05, 0.05],
      priorU: [1e-6, 1e-5, 1 - 1.1e-5],
    },
    { name: 'phone', levels: EXACT_LEVELS, compare: (a, b) => compareSets(a.phones, b.phones) },
    { name: 'email', levels: EXACT_LEVELS, compare: (a, b) => compareSets(a.emails, b.emails) },
  ],
  sessions: {
    'p:dm': ['surname', 'dob'],
    'p:sdob': ['surname', 'dob'],
    'p:dmg': ['given', 'surname'],
    'p:gdob': ['given', 'dob'],
    'p:dobpc': ['dob', 'locality'],
    'p:id': ['identifier'],
    'p:idd': ['identifier'],
    'p:addr': ['street', 'locality'],
    'p:phone': ['phone'],
    'p:email': ['email'],
  },
};
