import { describe, expect, it } from 'vitest';
import { compileDateFormat, toDateOnly, toUtcIso } from './dates.ts';
import { splitName } from './names.ts';

const utc = (format: string, text: string, tz = 'UTC') => {
  const t = compileDateFormat(format)(text);
  return t && toUtcIso(t, tz);
};

describe('date formats', () => {
  it('reads the documented formats', () => {
    expect(utc('MM/DD/YYYY', '03/07/2024')).toBe('2024-03-07T00:00:00.000Z');
    expect(utc('MM/DD/YYYY', '3/7/2024')).toBe('2024-03-07T00:00:00.000Z');
    expect(utc('MM/DD/YYYY HH:mm', '03/07/2024 14:15')).toBe('2024-03-07T14:15:00.000Z');
    expect(utc('YYYYMMDD', '20240307')).toBe('2024-03-07T00:00:00.000Z');
    expect(utc('MM/DD/YYYY hh:mm A', '03/07/2024 2:15 PM')).toBe('2024-03-07T14:15:00.000Z');
    expect(utc('MM/DD/YYYY hh:mm A', '03/07/2024 12:05 am')).toBe('2024-03-07T00:05:00.000Z');
    expect(utc('iso', '2024-03-07T14:15:00-05:00')).toBe('2024-03-07T19:15:00.000Z');
    expect(utc('iso', '2024-03-07 14:15')).toBe('2024-03-07T14:15:00.000Z');
    expect(utc('YYYY-MM-DD HH:mm Z', '2024-03-07 14:15 +0530')).toBe('2024-03-07T08:45:00.000Z');
  });

  it('refuses impossible dates and text that does not fit', () => {
    for (const [format, text] of [
      ['MM/DD/YYYY', '02/30/2023'],
      ['MM/DD/YYYY', '13/01/2023'],
      ['YYYYMMDD', '2024037'],
      ['MM/DD/YYYY HH:mm', '03/07/2024 24:00'],
      ['iso', '2024-03-07T10:00:00+19:00'],
      ['iso', 'yesterday'],
    ] as const)
      expect(utc(format, text), `${format} ${text}`).toBeUndefined();
    expect(utc('MM/DD/YYYY', '02/29/2024')).toBe('2024-02-29T00:00:00.000Z');
  });

  it('refuses formats without a full date', () => {
    expect(() => compileDateFormat('HH:mm')).toThrow(/no year/);
    expect(() => compileDateFormat('MM/DD/YYYY hh:mm')).toThrow(/hh\/h together with A/);
  });

  it('reads wall-clock time in a zone, across daylight-saving changes', () => {
    const ny = (text: string) => utc('MM/DD/YYYY HH:mm', text, 'America/New_York');
    expect(ny('01/15/2024 09:00')).toBe('2024-01-15T14:00:00.000Z');
    expect(ny('07/15/2024 09:00')).toBe('2024-07-15T13:00:00.000Z');
    // Spring gap: 02:30 does not exist, it moves forward to 03:30 EDT.
    expect(ny('03/10/2024 02:30')).toBe('2024-03-10T07:30:00.000Z');
    // Autumn overlap: 01:30 happens twice, the earlier (EDT) wins.
    expect(ny('11/03/2024 01:30')).toBe('2024-11-03T05:30:00.000Z');
    expect(utc('iso', '2024-06-01T12:00', 'Asia/Kolkata')).toBe('2024-06-01T06:30:00.000Z');
  });

  it('keeps a birth date as written, without a zone', () => {
    const t = compileDateFormat('MM/DD/YYYY')('04/12/1985')!;
    expect(toDateOnly(t)).toBe('1985-04-12');
  });
});

describe('name splitting', () => {
  it('splits last-first and first-last names, keeping suffixes apart', () => {
    expect(splitName('DOE, JOHN A', 'last_first')).toEqual({
      surname: 'DOE',
      givenName: 'JOHN',
      middleName: 'A',
    });
    expect(splitName('DE LA CRUZ JR, MARIA', 'last_first')).toEqual({
      surname: 'DE LA CRUZ',
      givenName: 'MARIA',
      nameSuffix: 'JR',
    });
    expect(splitName('DOE JOHN', 'last_first')).toEqual({ surname: 'DOE', givenName: 'JOHN' });
    expect(splitName('John Allen Doe Jr.', 'first_last')).toEqual({
      givenName: 'John',
      middleName: 'Allen',
      surname: 'Doe',
      nameSuffix: 'Jr',
    });
    expect(splitName('Cher', 'first_last')).toEqual({ givenName: 'Cher' });
    expect(splitName('   ', 'first_last')).toEqual({});
  });
});
