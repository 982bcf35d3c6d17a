import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './csv.ts';

describe('CSV cells', () => {
  it('quotes per RFC 4180 and ends records with CRLF', () => {
    expect(csvRow(['a', 'b,c', 'say "hi"', 'two\nlines'])).toBe(
      'a,"b,c","say ""hi""","two\nlines"\r\n',
    );
  });

  it('defuses text a spreadsheet would run as a formula, but leaves numbers alone', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${lead}cmd`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell(-76.29)).toBe('-76.29');
    expect(csvCell('-76.29')).toBe("'-76.29");
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });
});
