import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { loadCsvMapping, MappingError } from './csv-mapping.ts';
import { bytes, collect, FIXTURES } from './parsers.test-helpers.ts';
import { UnparseableFileError } from './types.ts';

const base = `
sourceRecordId: ID
kind: tip
title: TITLE
`;

async function mappingIssues(mapping: string, header = 'ID,TITLE,NAME\n1,t,n\n') {
  try {
    await collect(parseCsv(bytes(header), { mapping }));
  } catch (err) {
    expect(err).toBeInstanceOf(MappingError);
    expect(err).toBeInstanceOf(UnparseableFileError);
    return (err as MappingError).issues;
  }
  throw new Error('expected a MappingError');
}

describe('CSV mapping file', () => {
  it('loads the documented example, YAML or the same as JSON', () => {
    const yamlText = readFileSync(join(FIXTURES, 'sar-export.mapping.yaml'), 'utf8');
    const mapping = loadCsvMapping(yamlText);
    expect(mapping.kind).toBe('sar');
    expect(
      loadCsvMapping(JSON.stringify({ sourceRecordId: 'ID', kind: 'tip', title: 'T' })),
    ).toMatchObject({
      delimiter: ',',
      entities: [],
    });
  });

  it('names each bad field of the mapping before reading any row', async () => {
    const issues = await mappingIssues(`
sourceRecordId: ID
kind: gossip
title: { column: TITLE, formt: iso }
timezone: Mars/Olympus
entities:
  - type: person
    attributes:
      shoeSize: NAME
`);
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['kind', 'title', 'timezone']));
    expect(issues.find((i) => i.path === 'title')!.message).toMatch(/formt/);
  });

  it('checks attribute, payload and marking names and date formats', async () => {
    const issues = await mappingIssues(`${base}
payload: { receivedVia: { value: phone }, behaviours: NAME }
markings: { colour: NAME }
occurredFrom: { column: NAME, format: "HH:mm" }
entities:
  - type: vehicle
    attributes: { wheels: NAME }
  - type: person
    attributes: { name: { column: NAME } }
`);
    expect(issues.map((i) => i.path).sort()).toEqual([
      'entities[0].attributes.wheels',
      'entities[1].attributes.name',
      'markings.colour',
      'occurredFrom.format',
      'payload.behaviours',
    ]);
  });

  it('names a column the header does not have', async () => {
    const issues = await mappingIssues(`${base}
narrative: { template: "{NAME} saw {COLOUR}" }
entities:
  - type: phone
    attributes: { number: PHONE }
`);
    expect(issues).toEqual([
      {
        path: 'narrative.template',
        message: 'names column "COLOUR", which the header does not have',
      },
      {
        path: 'entities[0].attributes.number',
        message: 'names column "PHONE", which the header does not have',
      },
    ]);
  });

  it('refuses a column the header has twice, when the mapping uses it', async () => {
    const issues = await mappingIssues(base, 'ID,TITLE,TITLE\n1,a,b\n');
    expect(issues[0]!.message).toMatch(/has twice/);
  });

  it('refuses empty, unreadable and alias-bomb mappings', () => {
    expect(() => loadCsvMapping('   ')).toThrow(MappingError);
    expect(() => loadCsvMapping('kind: [unclosed')).toThrow(/not valid YAML or JSON/);
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
      .concat(
        Array.from({ length: 8 }, (_, i) => {
          const prev = i === 0 ? 'a' : `l${i - 1}`;
          return `l${i}: &l${i} [${Array(9).fill(`*${prev}`).join(',')}]`;
        }),
      )
      .join('\n');
    expect(() => loadCsvMapping(bomb)).toThrow(MappingError);
  });
});
