import { describe, expect, it } from 'vitest';
import { extractDates, extractEntities } from './extract.ts';

describe('dates', () => {
  it('reads US numeric, ISO and written dates, with offsets', () => {
    const text =
      'On 04/15/2024 (DOB 7/4/1989), logged 2024-04-16, seen March 5, 2024, 6 Jan. 2025 and in May 2023.';
    const found = extractDates(text);
    expect(found.map((d) => d.iso)).toEqual([
      '2024-04-15',
      '1989-07-04',
      '2024-04-16',
      '2024-03-05',
      '2025-01-06',
      '2023-05',
    ]);
    expect(found.map((d) => text.slice(d.textStart, d.textEnd))).toEqual([
      '04/15/2024',
      '7/4/1989',
      '2024-04-16',
      'March 5, 2024',
      '6 Jan. 2025',
      'May 2023',
    ]);
  });

  it('rejects impossible dates and two-digit years', () => {
    expect(extractDates('02/30/2024, 13/01/2024, 2023-02-29, 4/15/24, 1.2.2024')).toEqual([]);
  });

  it('are not returned as entities', () => {
    expect(extractEntities('Seen on 04/15/2024.')).toEqual([]);
  });
});

describe('output order and overlaps', () => {
  it('orders by position and prefers the more specific match', () => {
    const text =
      'Mail ops@example.com, visit http://example.com/703-555-0143, call 703-555-0144, Virginia registration ABC-1234.';
    const found = extractEntities(text);
    expect(found.map((e) => e.kind)).toEqual(['email', 'url', 'phone', 'plate']);
    expect(found.map((e) => e.textStart)).toEqual(
      [...found.map((e) => e.textStart)].sort((a, b) => a - b),
    );
  });
});
