import { describe, expect, it } from 'vitest';
import { observationAttributeSchemas } from '../entities/observation-types.ts';
import { extractEntities, type Extraction, type ExtractionKind } from './extract.ts';

const ofKind = (text: string, kind: ExtractionKind, opts = {}) =>
  extractEntities(text, opts).filter((e) => e.kind === kind);
const mentions = (text: string, kind: ExtractionKind, opts = {}) =>
  ofKind(text, kind, opts).map((e) => text.slice(e.textStart, e.textEnd));

function expectValid(found: readonly Extraction[]) {
  for (const e of found) {
    expect(
      observationAttributeSchemas[e.type].safeParse(e.attributes).success,
      JSON.stringify(e),
    ).toBe(true);
  }
}

describe('phones', () => {
  it('finds US numbers in common formats and normalises them to E.164', () => {
    const text =
      'Call (703) 555-0143, 703-555-0144, 703.555.0145, 7035550146, +1 703 555 0147 or 1-703-555-0148.';
    const found = ofKind(text, 'phone');
    expect(found.map((e) => e.attributes['number'])).toEqual([
      '+17035550143',
      '+17035550144',
      '+17035550145',
      '+17035550146',
      '+17035550147',
      '+17035550148',
    ]);
    expect(mentions(text, 'phone')[0]).toBe('(703) 555-0143');
    expectValid(found);
  });

  it('takes international numbers with their country code', () => {
    expect(ofKind('UK contact +44 20 7946 0958 today', 'phone')[0]?.attributes).toEqual({
      number: '+442079460958',
    });
  });

  it('rejects numbers libphonenumber calls invalid and digit runs that are not phones', () => {
    expect(ofKind('Call (123) 456-7890 or 703-123-4567.', 'phone')).toEqual([]);
    expect(ofKind('Account 12345678901234 and case 2024-000123.', 'phone')).toEqual([]);
  });
});

describe('e-mails', () => {
  it('finds addresses, in angle brackets too, without the sentence full stop', () => {
    const text = 'From: John <John.Doe@Example.COM>; reply to ops-desk@vfc.example.gov.';
    expect(mentions(text, 'email')).toEqual(['John.Doe@Example.COM', 'ops-desk@vfc.example.gov']);
    expect(ofKind(text, 'email').map((e) => e.attributes['address'])).toEqual([
      'john.doe@example.com',
      'ops-desk@vfc.example.gov',
    ]);
  });

  it('rejects things that only look like addresses', () => {
    expect(
      ofKind('handle @someone, a@b, x@y.z, user@@example.com, a..b@example.com', 'email'),
    ).toEqual([]);
  });
});

describe('URLs', () => {
  it('drops trailing punctuation and an unmatched closing bracket', () => {
    const text =
      'See https://example.com/path?q=1. Also (http://www.example.org/a_(b)) and www.example.net/x, ok!';
    expect(mentions(text, 'url')).toEqual([
      'https://example.com/path?q=1',
      'http://www.example.org/a_(b)',
      'www.example.net/x',
    ]);
    const [first, , third] = ofKind(text, 'url');
    expect(first?.attributes).toEqual({
      service: 'example.com',
      url: 'https://example.com/path?q=1',
    });
    expect(third?.attributes['url']).toBe('http://www.example.net/x');
  });

  it('keeps only the URL when a phone number or e-mail sits inside it', () => {
    const text = 'Ad at https://ads.example.com/call/703-555-0143?from=a@example.com now.';
    expect(extractEntities(text).map((e) => e.kind)).toEqual(['url']);
  });
});

describe('IP addresses', () => {
  it('finds valid IPv4 and rejects out-of-range octets', () => {
    const text =
      'Traffic to 198.51.100.201, not 999.1.1.1 nor 256.0.0.1 nor 1.2.3.4.5 nor 01.2.3.4.';
    expect(mentions(text, 'ipv4')).toEqual(['198.51.100.201']);
    expect(ofKind(text, 'ipv4')[0]?.attributes).toEqual({
      scheme: 'other',
      value: '198.51.100.201',
      issuer: 'ipv4',
    });
  });

  it('finds IPv6 in full and "::" forms, canonicalised, and rejects malformed ones', () => {
    const text =
      'Hosts 2001:0DB8:0000:0000:0000:0000:0000:0001, fe80::1, ::ffff:192.0.2.1 and 2001:db8::. ' +
      'Not 2001:db8::1::2, 12:30:45, 1:2:3:4:5:6:7:8:9 or gggg::1.';
    expect(mentions(text, 'ipv6')).toEqual([
      '2001:0DB8:0000:0000:0000:0000:0000:0001',
      'fe80::1',
      '::ffff:192.0.2.1',
      '2001:db8::',
    ]);
    expect(ofKind(text, 'ipv6').map((e) => e.attributes['value'])).toEqual([
      '2001:db8::1',
      'fe80::1',
      '::ffff:c000:201',
      '2001:db8::',
    ]);
  });
});

describe('licence plates', () => {
  it('takes plates with their state in the usual phrasings', () => {
    const text =
      'A van bearing Virginia registration TKM-8876 followed a car with VA tag ABC1234, then a ' +
      'truck, plate KXR 5512 (MD), and a sedan, VA TVW-4471, with North Carolina registration PDS-2467.';
    const found = ofKind(text, 'plate');
    expect(found.map((e) => e.attributes)).toEqual([
      { plate: 'TKM-8876', plateState: 'VA' },
      { plate: 'ABC1234', plateState: 'VA' },
      { plate: 'KXR 5512', plateState: 'MD' },
      { plate: 'TVW-4471', plateState: 'VA' },
      { plate: 'PDS-2467', plateState: 'NC' },
    ]);
    expect(mentions(text, 'plate')).toEqual([
      'Virginia registration TKM-8876',
      'VA tag ABC1234',
      'KXR 5512 (MD)',
      'VA TVW-4471',
      'North Carolina registration PDS-2467',
    ]);
    expectValid(found);
  });

  it('does not take a plate without a state, unless a default state is given', () => {
    const text = 'The vehicle bore registration HYB-058; a camera plate read: TVW-447.';
    expect(ofKind(text, 'plate')).toEqual([]);
    expect(
      ofKind(text, 'plate', { defaultPlateState: 'Virginia' }).map((e) => e.attributes),
    ).toEqual([
      { plate: 'HYB-058', plateState: 'VA' },
      { plate: 'TVW-447', plateState: 'VA' },
    ]);
  });

  it('does not read licence numbers, roads or ZIP codes as plates', () => {
    const text = 'Virginia license A0502621 was checked; ID A0502621; on Virginia I-95; VA 22015.';
    expect(ofKind(text, 'plate')).toEqual([]);
  });

  it('does not let a keyword swallow the start of a plate ("LP" in "LPM-4038")', () => {
    expect(ofKind('bearing Virginia registration LPM-4038.', 'plate')[0]?.attributes).toEqual({
      plate: 'LPM-4038',
      plateState: 'VA',
    });
  });
});

describe('VINs', () => {
  it('takes a VIN only when its check digit is right', () => {
    const text = 'VIN 1FTSCK7GXEL671533 recorded; 1FTSCK7G0EL671533 is a misread.';
    expect(mentions(text, 'vin')).toEqual(['1FTSCK7GXEL671533']);
    expect(ofKind(text, 'vin')[0]?.attributes).toEqual({ vin: '1FTSCK7GXEL671533' });
  });

  it('rejects I, O, Q and VINs inside longer tokens', () => {
    expect(
      ofKind('1FTSCK7GXEL67153I and X1FTSCK7GXEL671533 and 1FTSCK7GXEL6715334', 'vin'),
    ).toEqual([]);
  });
});

describe('SSN-like numbers', () => {
  it('masks valid numbers and flags them as PII', () => {
    const text = 'SSN 219-09-9999 on file.';
    const [ssn] = ofKind(text, 'ssn');
    expect(ssn).toMatchObject({
      type: 'identifier',
      pii: true,
      attributes: { scheme: 'ssn', value: '***-**-9999' },
    });
    expect(JSON.stringify(extractEntities(text))).not.toContain('219-09');
    expectValid(extractEntities(text));
  });

  it('skips numbers the SSA never issues', () => {
    const text = '000-12-3456, 666-12-3456, 900-12-3456, 123-00-4567, 123-45-0000, 123-45-67890';
    expect(ofKind(text, 'ssn')).toEqual([]);
  });
});
