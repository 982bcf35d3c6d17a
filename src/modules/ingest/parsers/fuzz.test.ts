/**
 * Thousands of malformed rows and documents per format. Whatever comes in, a parser either
 * refuses the whole file with UnparseableFileError or yields rows that are each a body or
 * a list of located errors, in line order. Inputs are small, so a hang fails the test by
 * its timeout.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { parseNdjson } from './ndjson.ts';
import { bytes, collect, expectWellFormed, FIXTURES } from './parsers.test-helpers.ts';
import { parseSarXml } from './sar-xml.ts';
import { parseStix } from './stix.ts';
import { UnparseableFileError, type ParsedRow, type ParserOptions } from './types.ts';

const LIMITS: ParserOptions = { maxFieldChars: 300, maxRowBytes: 3000, maxDepth: 8 };
const RUNS = { numRuns: 250 };

type Run = (input: AsyncIterable<Buffer>) => AsyncIterable<ParsedRow>;

/** Parses, and fails the test on anything thrown but UnparseableFileError. */
async function survive(run: Run, input: Buffer, chunk: number): Promise<void> {
  let rows: ParsedRow[];
  try {
    rows = await collect(run(bytes(input, chunk)));
  } catch (err) {
    if (!(err instanceof UnparseableFileError)) throw err;
    expect(err.message.length).toBeGreaterThan(0);
    return;
  }
  expectWellFormed(rows);
}

const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** Text cut short, spliced with junk, or with random characters dropped in. */
const mangled = (text: string) =>
  fc.oneof(
    fc.nat(text.length).map((n) => text.slice(0, n)),
    fc
      .tuple(fc.nat(text.length), fc.string({ unit: 'binary', maxLength: 40 }))
      .map(([at, junk]) => text.slice(0, at) + junk + text.slice(at)),
    fc
      .tuple(fc.nat(text.length), fc.nat(text.length))
      .map(([a, b]) => text.slice(0, Math.min(a, b)) + text.slice(Math.max(a, b))),
    fc
      .array(
        fc.tuple(
          fc.nat(text.length),
          fc.constantFrom(
            '\u0000',
            '\uD800',
            '"',
            "'",
            '<',
            '>',
            '&',
            ',',
            '\n',
            '\r',
            '{',
            ']',
            '\\',
          ),
        ),
        { maxLength: 8 },
      )
      .map((edits) => edits.reduce((t, [at, c]) => t.slice(0, at) + c + t.slice(at), text)),
  );

const chunkSize = fc.integer({ min: 1, max: 300 });
const randomBytes = fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a));

function fuzz(name: string, run: Run, rows: fc.Arbitrary<string>, whole: string) {
  describe(`${name} fuzz`, () => {
    it('survives documents assembled from malformed rows', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(rows, { maxLength: 15 }),
          fc.constantFrom('\n', '\r\n'),
          chunkSize,
          async (lines, eol, chunk) => {
            await survive(run, Buffer.from(lines.join(eol)), chunk);
          },
        ),
        RUNS,
      );
    });
    it('survives a valid file mangled at random', async () => {
      await fc.assert(
        fc.asyncProperty(mangled(whole), chunkSize, async (text, chunk) => {
          await survive(run, Buffer.from(text), chunk);
        }),
        RUNS,
      );
    });
    it('survives random bytes and random unicode', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            randomBytes,
            fc.string({ unit: 'binary', maxLength: 500 }).map((s) => Buffer.from(s)),
          ),
          chunkSize,
          async (input, chunk) => {
            await survive(run, input, chunk);
          },
        ),
        RUNS,
      );
    });
  });
}

const ndjsonLine = fc.oneof(
  fc.jsonValue({ maxDepth: 12 }).map((v) => JSON.stringify(v)),
  fc
    .record({
      sourceRecordId: fc.oneof(fc.string(), fc.integer()),
      kind: fc.string(),
      title: fc.string({ unit: 'binary' }),
    })
    .map((o) => JSON.stringify(o)),
  fc.string({ unit: 'binary', maxLength: 80 }),
  mangled('{"sourceRecordId":"A","kind":"tip","title":"t","narrative":"n\\u0000"}'),
);
fuzz('NDJSON', (input) => parseNdjson(input, LIMITS), ndjsonLine, fixture('records.ndjson'));

const mapping = fixture('sar-export.mapping.yaml');
const header = fixture('sar-export.csv').split('\n')[0]!;
const csvCell = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    '"',
    '""',
    '"a"b',
    'PHOTO;SURVL',
    '03/07/2024 14:15',
    '13/45/2024',
    '500',
    'DOE, JOHN',
    '1985',
  ),
);
const csvRow = fc.oneof(
  fc.array(csvCell, { minLength: 1, maxLength: 20 }).map((cells) => cells.join(',')),
  mangled(fixture('sar-export.csv').split('\n')[1]!),
);
fuzz(
  'CSV',
  (input) => parseCsv(prefixed(`${header}\n`, input), { ...LIMITS, mapping }),
  csvRow,
  fixture('sar-export.csv'),
);

async function* prefixed(first: string, rest: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  yield Buffer.from(first);
  yield* rest;
}

const xmlFragment = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    '<SuspiciousActivityReport>',
    '</SuspiciousActivityReport>',
    '<IdentificationID>X</IdentificationID>',
    '<![CDATA[ a ]]>',
    '<!-- c -->',
    '&amp;',
    '&bogus;',
    '<!DOCTYPE x>',
    '<?pi x?>',
    '<a b="c">',
    '</a>',
  ),
  mangled(
    '<SuspiciousActivityReport><SuspiciousActivityReportIdentification><IdentificationID>A</IdentificationID></SuspiciousActivityReportIdentification><SuspiciousActivityCategoryCode>PHOTO</SuspiciousActivityCategoryCode></SuspiciousActivityReport>',
  ),
);
fuzz(
  'SAR XML',
  (input) => parseSarXml(prefixed('<SuspiciousActivityReports>\n', input), LIMITS),
  xmlFragment,
  fixture('sar-reports.xml'),
);

const stixObject = fc.oneof(
  fc.jsonValue({ maxDepth: 12 }).map((v) => JSON.stringify(v)),
  mangled(JSON.stringify(JSON.parse(fixture('bundle.json')).objects[0])),
  fc.string({ unit: 'binary', maxLength: 60 }),
);
fuzz(
  'STIX',
  (input) => parseStix(prefixed('{"type":"bundle","id":"bundle--1","objects":[\n', input), LIMITS),
  stixObject.map((o) => `${o},`),
  fixture('bundle.json'),
);
