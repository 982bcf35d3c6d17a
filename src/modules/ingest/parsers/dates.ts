/**
 * Date and date-time parsing for intake. Formats are small patterns (`MM/DD/YYYY HH:mm`,
 * `YYYYMMDD`, …) or `iso`. A date-time without an offset is read as wall-clock time in an
 * IANA zone and converted to UTC with Intl's zone data, so no date library is needed.
 */
import { zonedWallTimeToEpoch } from './time-zones.ts';

type Field = 'year' | 'month' | 'day' | 'hour' | 'hour12' | 'minute' | 'second' | 'ms';
type Element =
  | { kind: 'field'; field: Field; digits: number }
  | { kind: 'ampm' }
  | { kind: 'offset' }
  | { kind: 'literal'; text: string };

const TOKENS: readonly [string, Element][] = [
  ['YYYY', { kind: 'field', field: 'year', digits: 4 }],
  ['SSS', { kind: 'field', field: 'ms', digits: 3 }],
  ['MM', { kind: 'field', field: 'month', digits: 2 }],
  ['DD', { kind: 'field', field: 'day', digits: 2 }],
  ['HH', { kind: 'field', field: 'hour', digits: 2 }],
  ['hh', { kind: 'field', field: 'hour12', digits: 2 }],
  ['mm', { kind: 'field', field: 'minute', digits: 2 }],
  ['ss', { kind: 'field', field: 'second', digits: 2 }],
  ['M', { kind: 'field', field: 'month', digits: 2 }],
  ['D', { kind: 'field', field: 'day', digits: 2 }],
  ['H', { kind: 'field', field: 'hour', digits: 2 }],
  ['h', { kind: 'field', field: 'hour12', digits: 2 }],
  ['A', { kind: 'ampm' }],
  ['Z', { kind: 'offset' }],
];

export type WallTime = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** Minutes east of UTC when the text carried an offset. */
  offsetMinutes: number | undefined;
  hasTime: boolean;
};

export type DateReader = (text: string) => WallTime | undefined;

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Compiles a format into a reader; throws a plain Error naming what is wrong with it. */
export function compileDateFormat(format: string): DateReader {
  if (format === 'iso') return readIso;
  const elements = tokenize(format);
  const fields = elements.filter((e) => e.kind === 'field').map((e) => e.field);
  for (const needed of ['year', 'month', 'day'] as const)
    if (!fields.includes(needed)) throw new Error(`format "${format}" has no ${needed}`);
  if (fields.includes('hour12') !== elements.some((e) => e.kind === 'ampm'))
    throw new Error(`format "${format}" must use hh/h together with A`);
  const source = elements.map((e, i) => patternOf(e, elements[i - 1], elements[i + 1])).join('');
  const regex = new RegExp(`^${source}$`, 'i');
  const order = elements.filter((e) => e.kind !== 'literal');
  return (text) => readWithPattern(text.trim(), regex, order);
}

function tokenize(format: string): Element[] {
  const elements: Element[] = [];
  let i = 0;
  while (i < format.length) {
    const token = TOKENS.find(([t]) => format.startsWith(t, i));
    if (token) {
      elements.push(token[1]);
      i += token[0].length;
    } else {
      elements.push({ kind: 'literal', text: format[i]! });
      i++;
    }
  }
  return elements;
}

/** Two-digit fields take one digit too when no other field touches them (`3/7/2024`). */
function patternOf(element: Element, prev: Element | undefined, next: Element | undefined): string {
  switch (element.kind) {
    case 'literal':
      return element.text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    case 'ampm':
      return '([AP]\\.?M\\.?)';
    case 'offset':
      return '\\s*(Z|[+-]\\d{2}:?\\d{2})';
    case 'field': {
      const alone = (e: Element | undefined) => e === undefined || e.kind === 'literal';
      const flexible = element.digits === 2 && alone(prev) && alone(next);
      return flexible ? '(\\d{1,2})' : `(\\d{${element.digits}})`;
    }
  }
}

function readWithPattern(text: string, regex: RegExp, order: Element[]): WallTime | undefined {
  const m = regex.exec(text);
  if (!m) return undefined;
  const t: WallTime = emptyWallTime();
  let pm: boolean | undefined;
  for (const [i, element] of order.entries()) {
    const value = m[i + 1]!;
    if (element.kind === 'ampm') pm = value.toUpperCase().startsWith('P');
    else if (element.kind === 'offset') t.offsetMinutes = parseOffset(value);
    else if (element.kind === 'field') setField(t, element.field, Number(value));
  }
  if (pm !== undefined) {
    if (t.hour < 1 || t.hour > 12) return undefined;
    t.hour = (t.hour % 12) + (pm ? 12 : 0);
  }
  return isValidWallTime(t) ? t : undefined;
}

function setField(t: WallTime, field: Field, value: number): void {
  if (field === 'hour12') t.hour = value;
  else t[field] = value;
  if (field === 'hour' || field === 'hour12' || field === 'minute') t.hasTime = true;
}

function readIso(text: string): WallTime | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const t: WallTime = {
    ...emptyWallTime(),
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hasTime: m[4] !== undefined,
  };
  if (m[4] !== undefined) {
    t.hour = Number(m[4]);
    t.minute = Number(m[5]);
    t.second = Number(m[6] ?? 0);
    t.ms = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  }
  if (m[8] !== undefined) t.offsetMinutes = parseOffset(m[8]);
  return isValidWallTime(t) ? t : undefined;
}

function emptyWallTime(): WallTime {
  return {
    year: 0,
    month: 1,
    day: 1,
    hour: 0,
    minute: 0,
    second: 0,
    ms: 0,
    offsetMinutes: undefined,
    hasTime: false,
  };
}

function parseOffset(text: string): number {
  if (text.toUpperCase() === 'Z') return 0;
  const digits = text.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return digits.startsWith('-') ? -minutes : minutes;
}

export function isValidWallTime(t: WallTime): boolean {
  if (t.year < 1 || t.year > 9999 || t.month < 1 || t.month > 12) return false;
  if (t.day < 1 || t.day > daysInMonth(t.year, t.month)) return false;
  if (t.offsetMinutes !== undefined && Math.abs(t.offsetMinutes) > 18 * 60) return false;
  return t.hour <= 23 && t.minute <= 59 && t.second <= 59;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return DAYS_IN_MONTH[month - 1]! + (month === 2 && isLeap(year) ? 1 : 0);
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The instant as ISO 8601 UTC, reading a time without offset in `timezone`. */
export function toUtcIso(t: WallTime, timezone: string): string | undefined {
  const wall = Date.UTC(2000, t.month - 1, t.day, t.hour, t.minute, t.second, t.ms);
  // Date.UTC maps years below 100 to 19xx; shift the year separately to stay exact.
  const shifted = new Date(wall);
  shifted.setUTCFullYear(t.year);
  const local = shifted.getTime();
  const epoch =
    t.offsetMinutes === undefined
      ? zonedWallTimeToEpoch(local, timezone)
      : local - t.offsetMinutes * 60_000;
  const date = new Date(epoch);
  const year = date.getUTCFullYear();
  if (Number.isNaN(epoch) || year < 1 || year > 9999) return undefined;
  return date.toISOString();
}

/** `YYYY-MM-DD` of the wall date as written (a birth date has no zone). */
export function toDateOnly(t: WallTime): string {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(t.year, 4)}-${pad(t.month, 2)}-${pad(t.day, 2)}`;
}
