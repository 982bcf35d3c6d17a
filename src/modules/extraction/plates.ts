/**
 * US licence plates, only with their state: "Virginia registration TKM-8876", "VA tag ABC1234",
 * "VA TVW-4471", "plate KXR 5512 (MD)". A plate without a state matches cars in 56
 * jurisdictions, so it is taken only when the caller names a default state. The mention spans
 * the plate and its state, so highlighting shows both.
 */
import type { Extraction } from './extract.ts';
import { STATE_CODES, STATE_NAMES, stateCodeOf } from './us-states.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const capitalise = (s: string) => s.replace(/\b[a-z]/g, (c) => c.toUpperCase());

/** Matches as written, lower, Capitalised and UPPER, without making the whole pattern /i. */
function alternation(phrases: readonly string[]): string {
  const forms = new Set<string>();
  for (const p of phrases) {
    for (const form of [p, p.toLowerCase(), capitalise(p), p.toUpperCase()]) forms.add(form);
  }
  return [...forms]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|');
}

const KEYWORDS = alternation([
  'registration',
  'reg.',
  'tag',
  'tags',
  'plate',
  'plates',
  'license plate',
  'licence plate',
  'license plates',
  'temp tag',
  'temporary tag',
  'dealer tag',
]).concat('|LP');
// A keyword is a whole word: "LP" must not eat the start of "LPM-4038". A bare "license" is
// not one: "Virginia license A0502621" is a driver's licence.
const KEYWORD = `(?:${KEYWORDS})(?![A-Za-z])`;
/** Codes that are also everyday words or abbreviations ("ID A0502621", "OR", "IN") need a keyword. */
const AMBIGUOUS_CODES = new Set('ID IN OR ME OK HI DE CO AS AL LA MA PA'.split(' '));
const STATE = `${alternation(STATE_NAMES)}|${STATE_CODES.join('|')}`;
const SAFE_STATE = `${alternation(STATE_NAMES)}|${STATE_CODES.filter((c) => !AMBIGUOUS_CODES.has(c)).join('|')}`;
const NUMBER_WORD = '(?:\\s+(?:number|no\\.|#))?';

/**
 * What may precede a plate, read on a short window ending at the plate; the group is the state.
 * Tried in order: the first that matches names the state.
 */
const STATE_BEFORE: readonly RegExp[] = [
  // Virginia registration TKM-8876 · VA tag ABC1234 · Maryland license plate number 1AB2345
  new RegExp(
    `(?<![A-Za-z])(${STATE})\\s+${KEYWORD}(?:\\s+${KEYWORD})?${NUMBER_WORD}\\s*[:#]?\\s*$`,
    'd',
  ),
  // plate: VA ABC1234 · tag VA/ABC1234
  new RegExp(`(?<![A-Za-z])${KEYWORD}\\s*[:#]?\\s*(${STATE})[\\s/-]+$`, 'd'),
  // VA TVW-4471 · Maryland 1AB2345
  new RegExp(`(?<![A-Za-z])(${SAFE_STATE})[\\s/-]+$`, 'd'),
];
// KXR 5512 (MD)
const STATE_AFTER = new RegExp(`^\\s*\\(\\s*(${STATE})\\s*\\)`);
// registration HYB-058 · plate read from camera: TVW-447 (only with a default state)
const KEYWORD_BEFORE = new RegExp(`(?<![A-Za-z])${KEYWORD}(?:\\s+[a-z]+){0,3}\\s*[:#]?\\s*$`);

/**
 * Plate-shaped tokens: upper-case letters and digits, one inner hyphen allowed. Found first,
 * because they are rare, and only then is the text around them read for a state; scanning the
 * whole narrative with the state-name alternation at every position costs far more.
 */
const PLATE_TOKEN = /(?<![A-Za-z0-9-])[A-Z0-9]{1,8}(?:-[A-Z0-9]{1,4})?(?![A-Za-z0-9-])/g;
/** Road numbers read like plates: "Virginia I-95", "VA SR 7". */
const ROAD = /^(?:I|US|SR|RT|CR|VA)[- ]?\d{1,3}$/;
const WINDOW = 64;

type Candidate = { plate: string; start: number; end: number };

function isPlausiblePlate(plate: string): boolean {
  const compact = plate.replace(/[- ]/g, '');
  return (
    compact.length >= 2 &&
    compact.length <= 8 &&
    /[A-Z]/.test(plate) &&
    /\d/.test(plate) &&
    !ROAD.test(plate)
  );
}

/** Plate-shaped tokens, joining "KXR 5512" or "2BX 4491" (one space, then digits) into one plate. */
function candidates(text: string): Candidate[] {
  const tokens = [...text.matchAll(PLATE_TOKEN)].map((m) => ({
    plate: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const spaced =
      next !== undefined &&
      next.start === t.end + 1 &&
      text.charAt(t.end) === ' ' &&
      /^[A-Z0-9]{1,4}$/.test(t.plate) &&
      /[A-Z]/.test(t.plate) &&
      /^\d{1,4}$/.test(next.plate) &&
      stateCodeOf(t.plate) === undefined;
    if (spaced) {
      out.push({ plate: `${t.plate} ${next.plate}`, start: t.start, end: next.end });
      i++;
    } else if (isPlausiblePlate(t.plate)) out.push(t);
  }
  return out.filter((c) => isPlausiblePlate(c.plate));
}

export function extractPlates(text: string, defaultState?: string): Extraction[] {
  const fallback = defaultState ? stateCodeOf(defaultState) : undefined;
  const out: Extraction[] = [];
  for (const c of candidates(text)) {
    const found =
      withStateBefore(text, c) ?? withStateAfter(text, c) ?? withDefault(text, c, fallback);
    if (found) out.push(found);
  }
  return out;
}

function plate(c: Candidate, plateState: string, textStart: number, textEnd: number): Extraction {
  return {
    type: 'vehicle',
    kind: 'plate',
    attributes: { plate: c.plate, plateState },
    textStart,
    textEnd,
  };
}

function withStateBefore(text: string, c: Candidate): Extraction | undefined {
  const from = Math.max(0, c.start - WINDOW);
  const window = text.slice(from, c.start);
  for (const pattern of STATE_BEFORE) {
    const m = pattern.exec(window);
    const at = m?.indices?.[1];
    const code = stateCodeOf(m?.[1] ?? '');
    if (at && code) return plate(c, code, from + at[0], c.end);
  }
  return undefined;
}

function withStateAfter(text: string, c: Candidate): Extraction | undefined {
  const m = STATE_AFTER.exec(text.slice(c.end, c.end + WINDOW));
  const code = stateCodeOf(m?.[1] ?? '');
  return m && code ? plate(c, code, c.start, c.end + m[0].length) : undefined;
}

function withDefault(text: string, c: Candidate, fallback?: string): Extraction | undefined {
  if (!fallback) return undefined;
  const window = text.slice(Math.max(0, c.start - WINDOW), c.start);
  return KEYWORD_BEFORE.test(window) ? plate(c, fallback, c.start, c.end) : undefined;
}
