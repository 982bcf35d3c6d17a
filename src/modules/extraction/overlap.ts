/**
 * One mention, one meaning: when matches overlap, the more specific kind wins (a URL over the
 * phone number inside it, a plate phrase over the state name in it, an organisation over the
 * surname in its name), then the longer match. Output is ordered by position.
 */
import type { Extraction, ExtractionKind } from './extract.ts';

const SPECIFICITY: readonly ExtractionKind[] = [
  'url',
  'email',
  'ipv6',
  'ipv4',
  'vin',
  'ssn',
  'phone',
  'plate',
  'organization',
  'person',
  'place',
];
const rank = (kind: ExtractionKind) => SPECIFICITY.indexOf(kind);

/** Non-overlapping half-open intervals kept sorted by start, with logarithmic lookup. */
export function createIntervalSet() {
  const starts: number[] = [];
  const ends: number[] = [];
  /** Index of the first interval starting at or after `at`. */
  const lowerBound = (at: number) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((starts[mid] ?? 0) < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    overlaps(start: number, end: number): boolean {
      const i = lowerBound(start);
      const before = i > 0 && (ends[i - 1] ?? 0) > start;
      const after = i < starts.length && (starts[i] ?? 0) < end;
      return before || after;
    },
    add(start: number, end: number): void {
      const i = lowerBound(start);
      starts.splice(i, 0, start);
      ends.splice(i, 0, end);
    },
  };
}

export function resolveOverlaps(found: readonly Extraction[]): Extraction[] {
  const byPreference = [...found].sort(
    (a, b) =>
      rank(a.kind) - rank(b.kind) ||
      b.textEnd - b.textStart - (a.textEnd - a.textStart) ||
      a.textStart - b.textStart,
  );
  const taken = createIntervalSet();
  const kept: Extraction[] = [];
  for (const e of byPreference) {
    if (e.textEnd <= e.textStart || taken.overlaps(e.textStart, e.textEnd)) continue;
    taken.add(e.textStart, e.textEnd);
    kept.push(e);
  }
  return kept.sort((a, b) => a.textStart - b.textStart || a.textEnd - b.textEnd);
}
