/**
 * Dates in narratives, as ISO strings with offsets, for highlighting and timelines. US order for
 * numeric dates (04/15/2024 is 15 April). Two-digit years are left alone: "1/2/45" could be a
 * birth in 1945 or a date in 2045, and a wrong date on a timeline is worse than none.
 */

import { createIntervalSet } from './overlap.ts';

export type ExtractedDate = { iso: string; textStart: number; textEnd: number };

const MONTH = String.raw`(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const MONTHS = 'janfebmaraprmayjunjulaugsepoctnovdec';

type DatePattern = {
  pattern: RegExp;
  /** Year, month, day from the match; day undefined for a month-only date. */
  parts: (m: RegExpExecArray) => readonly [string, string, string | undefined];
};

const monthNumber = (name: string) =>
  String(MONTHS.indexOf(name.slice(0, 3).toLowerCase()) / 3 + 1);

const PATTERNS: readonly DatePattern[] = [
  {
    pattern: /(?<![\w/.-])(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?![\w/-]|\.\d)/g,
    parts: (m) => [m[3] ?? '', m[1] ?? '', m[2]],
  },
  {
    pattern: /(?<![\w/.-])(\d{4})-(\d{2})-(\d{2})(?![\d-]|\/\d)/g,
    parts: (m) => [m[1] ?? '', m[2] ?? '', m[3]],
  },
  {
    pattern: new RegExp(String.raw`\b${MONTH}\.?\s+${DAY},?\s+(\d{4})\b`, 'g'),
    parts: (m) => [m[3] ?? '', monthNumber(m[1] ?? ''), m[2]],
  },
  {
    pattern: new RegExp(String.raw`\b${DAY}\s+${MONTH}\.?,?\s+(\d{4})\b`, 'g'),
    parts: (m) => [m[3] ?? '', monthNumber(m[2] ?? ''), m[1]],
  },
  {
    pattern: new RegExp(String.raw`\b${MONTH}\.?,?\s+(\d{4})\b`, 'g'),
    parts: (m) => [m[2] ?? '', monthNumber(m[1] ?? ''), undefined],
  },
];

function toIso(year: string, month: string, day: string | undefined): string | undefined {
  const y = Number(year);
  const mo = Number(month);
  if (y < 1800 || y > 2200 || mo < 1 || mo > 12) return undefined;
  const ym = `${year}-${String(mo).padStart(2, '0')}`;
  if (day === undefined) return ym;
  const iso = `${ym}-${day.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : undefined;
}

export function extractDates(text: string): ExtractedDate[] {
  const out: ExtractedDate[] = [];
  const taken = createIntervalSet();
  // Patterns run from most to least specific; a later match inside an earlier one is dropped
  // ("March 2024" inside "March 5, 2024").
  for (const { pattern, parts } of PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const iso = toIso(...parts(m));
      const textStart = m.index;
      const textEnd = m.index + m[0].length;
      if (!iso || taken.overlaps(textStart, textEnd)) continue;
      taken.add(textStart, textEnd);
      out.push({ iso, textStart, textEnd });
    }
  }
  return out.sort((a, b) => a.textStart - b.textStart);
}
