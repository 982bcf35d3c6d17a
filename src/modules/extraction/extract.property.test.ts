import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { observationAttributeSchemas } from '../entities/observation-types.ts';
import { extractDates, extractEntities } from './extract.ts';

/** Fragments that exercise every extractor, glued together by fast-check in odd ways. */
const FRAGMENTS = [
  'Dale E. Ashcraft',
  ' (DOB 04/07/1989) ',
  'Virginia registration TKM-8876',
  'VA ',
  'tag ',
  '(703) 555-0143',
  '+1',
  'john@example.com',
  '<a@b.co>',
  'https://example.com/a_(b).',
  'www.',
  '198.51.100.',
  '2001:db8::',
  '::',
  '1FTSCK7GXEL671533',
  '219-09-9999',
  'LLC',
  ' and ',
  'Mr. ',
  "'s ",
  'Ofc. ',
  '. ',
  ', ',
  '\n',
  'é',
  '😀',
];
const narrative = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc
    .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 5 })), { maxLength: 40 })
    .map((parts) => parts.join('')),
);

describe('extraction on arbitrary text', () => {
  it('never throws, keeps offsets in bounds on non-empty text, and returns valid attributes', () => {
    fc.assert(
      fc.property(narrative, (text) => {
        const found = extractEntities(text, { defaultPlateState: 'VA' });
        let previousStart = 0;
        for (const e of found) {
          expect(e.textStart).toBeGreaterThanOrEqual(previousStart);
          expect(e.textStart).toBeGreaterThanOrEqual(0);
          expect(e.textEnd).toBeLessThanOrEqual(text.length);
          expect(text.slice(e.textStart, e.textEnd).trim()).not.toBe('');
          expect(observationAttributeSchemas[e.type].safeParse(e.attributes).success).toBe(true);
          previousStart = e.textStart;
        }
        for (const d of extractDates(text)) {
          expect(d.textEnd).toBeLessThanOrEqual(text.length);
          expect(text.slice(d.textStart, d.textEnd)).not.toBe('');
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('never returns two overlapping mentions', () => {
    fc.assert(
      fc.property(narrative, (text) => {
        const found = extractEntities(text);
        for (let i = 1; i < found.length; i++) {
          expect(found[i]!.textStart).toBeGreaterThanOrEqual(found[i - 1]!.textEnd);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('adversarial input', () => {
  // Each string is built to make a naive pattern backtrack; the test passes by finishing.
  const size = 100_000;
  const cases: Record<string, string> = {
    'hex and colons': '1:'.repeat(size / 2) + 'g',
    'dotted digits': '1.'.repeat(size / 2) + 'x',
    'at signs': 'a@'.repeat(size / 2),
    'e-mail labels': `a@${'a-'.repeat(size / 2)}`,
    'url without end': `https://${'a'.repeat(size)}`,
    'capitalised words': 'Ab '.repeat(size / 3),
    initials: 'A. '.repeat(size / 3),
    'plate-like tokens': 'VA AB1 '.repeat(size / 7),
    'digits and spaces': '1 '.repeat(size / 2),
    'member of': `member of ${'A'.repeat(size)}`,
    'names joined by and': 'Ab and '.repeat(size / 7),
    'one-word sentences': 'Ab. '.repeat(size / 4),
    'closing brackets': `https://example.com/${')'.repeat(size)}`,
    'dots after a URL': `www.example.com${'.'.repeat(size)}`,
    dates: '1/1/2000 '.repeat(size / 9),
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`finishes on 100 kB of ${name}`, () => {
      expect(() => extractEntities(text, { defaultPlateState: 'VA' })).not.toThrow();
      expect(() => extractDates(text)).not.toThrow();
    });
  }
});
