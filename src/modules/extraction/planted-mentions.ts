/**
 * Ground truth for scoring extraction on the demo world (bench/extraction.ts and the demo test):
 * the mentions a record's narrative must yield, built from the observations the generator
 * planted whose values literally appear in the narrative, and a scorer that matches extractions
 * to them by kind and normalised value. Kept beside the extractor so the benchmark and the
 * test agree on what "found" means.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { DemoObservation } from '../../demo/types.ts';
import type { Extraction, ExtractionKind } from './extract.ts';

export const SCORED_KINDS = ['person', 'organization', 'place', 'plate', 'phone', 'email'] as const;
export type ScoredKind = (typeof SCORED_KINDS)[number];
/** Kinds the demo never plants, so their extractions can be counted but not checked. */
export const UNVERIFIABLE_KINDS = ['url', 'ipv4', 'ipv6', 'ssn', 'vin'] as const;

export type Expected = { kind: ScoredKind; key: string; surname?: string };

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole-word, case-insensitive: "Hunt" does not appear in "Hunter". */
export function appears(narrative: string, value: string): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(value)}(?![\\p{L}\\p{N}])`, 'iu').test(narrative);
}

export const normalisePlate = (p: string) => p.toUpperCase().replace(/[\s-]+/g, '');
export function normalisePhone(n: string): string {
  return parsePhoneNumberFromString(n, 'US')?.number ?? n.replace(/\D/g, '');
}
/** Case, punctuation, brackets and a trailing legal form do not make another organisation. */
export function normaliseName(n: string): string {
  return n
    .toLowerCase()
    .replace(/[.,()"“”]/g, ' ')
    .replace(/\b(?:l ?l ?c|inc|co|corp|ltd)\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}
const withoutBrackets = (n: string) => n.replace(/\s*\([^)]*\)\s*/g, ' ').trim();

/** A name as the narrative has it: in full, or without its bracketed alias. */
function namedInText(narrative: string, name: string | undefined): string | undefined {
  if (!name) return undefined;
  if (appears(narrative, name)) return name;
  const short = withoutBrackets(name);
  return short !== name && short !== '' && appears(narrative, short) ? short : undefined;
}

function personExpected(narrative: string, a: Record<string, unknown>): Expected | undefined {
  const given = str(a['givenName']);
  const surname = str(a['surname']);
  if (!surname) return undefined;
  if (given && appears(narrative, `${given} ${surname}`))
    return {
      kind: 'person',
      key: `p:${given} ${surname}`.toLowerCase(),
      surname: surname.toLowerCase(),
    };
  if (appears(narrative, surname))
    return { kind: 'person', key: `s:${surname}`.toLowerCase(), surname: surname.toLowerCase() };
  return undefined;
}

function contactsExpected(narrative: string, a: Record<string, unknown>): Expected[] {
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[]) : []);
  const phones = [a['number'], ...list(a['phones'])].map(str);
  const emails = [a['address'], ...list(a['emails'])].map(str);
  return [
    ...phones.flatMap((p) =>
      p && narrative.includes(p) ? [{ kind: 'phone' as const, key: normalisePhone(p) }] : [],
    ),
    ...emails.flatMap((e) =>
      e?.includes('@') && appears(narrative, e)
        ? [{ kind: 'email' as const, key: e.toLowerCase() }]
        : [],
    ),
  ];
}

function observationExpected(narrative: string, o: DemoObservation): Expected[] {
  const a = o.attributes;
  switch (o.type) {
    case 'person': {
      const p = personExpected(narrative, a);
      return [...(p ? [p] : []), ...contactsExpected(narrative, a)];
    }
    case 'vehicle': {
      const plate = str(a['plate']);
      const state = str(a['plateState']);
      if (!plate || !state || !appears(narrative, plate)) return [];
      return [{ kind: 'plate', key: `${normalisePlate(plate)}|${state}` }];
    }
    case 'phone':
    case 'email':
      return contactsExpected(narrative, a);
    case 'organization':
    case 'location': {
      const name = namedInText(narrative, str(a['name']));
      const kind = o.type === 'organization' ? 'organization' : 'place';
      return name ? [{ kind, key: normaliseName(name) }] : [];
    }
    case 'weapon':
    case 'online_account':
    case 'identifier':
      return [];
  }
}

/** Each planted value once per record. */
export function expectedMentions(narrative: string, observations: readonly DemoObservation[]) {
  const seen = new Map<string, Expected>();
  for (const o of observations) {
    for (const e of observationExpected(narrative, o)) seen.set(`${e.kind}|${e.key}`, e);
  }
  return [...seen.values()];
}

/** Plates planted without a state: out of scope for the extractor's default settings. */
export function statelessPlates(narrative: string, observations: readonly DemoObservation[]) {
  return observations.filter((o) => {
    const plate = str(o.attributes['plate']);
    return (
      o.type === 'vehicle' && plate && !str(o.attributes['plateState']) && appears(narrative, plate)
    );
  }).length;
}

/** The keys an extraction may match: a person by full name, or by surname alone. */
export function keysOf(e: Extraction): string[] {
  const a = e.attributes;
  switch (e.kind) {
    case 'person': {
      const given = str(a['givenName'])?.toLowerCase();
      const surname = str(a['surname'])?.toLowerCase();
      if (!surname) return given ? [`g:${given}`] : [];
      return given ? [`p:${given} ${surname}`, `s:${surname}`] : [`s:${surname}`];
    }
    case 'organization':
    case 'place':
      return [normaliseName(String(a['name']))];
    case 'plate':
      return [`${normalisePlate(String(a['plate']))}|${String(a['plateState'])}`];
    case 'phone':
      return [String(a['number'])];
    case 'email':
      return [String(a['address']).toLowerCase()];
    case 'url':
    case 'ipv4':
    case 'ipv6':
    case 'ssn':
    case 'vin':
      return [];
  }
}

export type KindScore = { tp: number; fp: number; fn: number; repeats: number };
export type RecordScore = {
  byKind: Map<ExtractionKind, KindScore>;
  falsePositives: { kind: ExtractionKind; text: string }[];
  misses: Expected[];
};

/**
 * Matches extractions to expected mentions of the same kind. A second mention of a matched
 * person ("Ashcraft" after "Dale E. Ashcraft") is a repeat, neither right nor wrong.
 */
export function scoreRecord(
  narrative: string,
  expected: readonly Expected[],
  found: readonly Extraction[],
): RecordScore {
  const byKind = new Map<ExtractionKind, KindScore>();
  const score = (k: ExtractionKind) => {
    let s = byKind.get(k);
    if (!s) byKind.set(k, (s = { tp: 0, fp: 0, fn: 0, repeats: 0 }));
    return s;
  };
  const open = new Map(expected.map((e) => [`${e.kind}|${e.key}`, e]));
  const matched: Expected[] = [];
  const falsePositives: RecordScore['falsePositives'] = [];
  for (const e of found) {
    const hit = keysOf(e)
      .map((k) => open.get(`${e.kind}|${k}`))
      .find((x) => x !== undefined);
    if (hit) {
      open.delete(`${hit.kind}|${hit.key}`);
      matched.push(hit);
      score(e.kind).tp++;
    } else if (isRepeat(e, matched, expected)) score(e.kind).repeats++;
    else if (!(UNVERIFIABLE_KINDS as readonly string[]).includes(e.kind)) {
      score(e.kind).fp++;
      falsePositives.push({ kind: e.kind, text: narrative.slice(e.textStart, e.textEnd) });
    }
  }
  for (const miss of open.values()) score(miss.kind).fn++;
  return { byKind, falsePositives, misses: [...open.values()] };
}

function isRepeat(e: Extraction, matched: readonly Expected[], expected: readonly Expected[]) {
  const keys = keysOf(e);
  const surname = str(e.attributes['surname'])?.toLowerCase();
  return (
    matched.some((m) => keys.some((k) => `${m.kind}|${m.key}` === `${e.kind}|${k}`)) ||
    (e.kind === 'person' && surname !== undefined && expected.some((x) => x.surname === surname))
  );
}
