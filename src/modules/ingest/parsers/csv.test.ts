import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import {
  badRows,
  bytes,
  collect,
  expectAcceptedByRecords,
  expectWellFormed,
  FIXTURES,
  fixtureStream,
  okRows,
} from './parsers.test-helpers.ts';
import { UnparseableFileError } from './types.ts';

const SIMPLE = `
sourceRecordId: ID
kind: tip
title: TITLE
narrative: TEXT
`;
const parse = (csv: string | Buffer, mapping = SIMPLE, chunk = 5) =>
  collect(parseCsv(bytes(csv, chunk), { mapping }));

describe('CSV parser', () => {
  it('maps the fixture export: records, entities, dates in the source zone, located errors', async () => {
    const mapping = readFileSync(join(FIXTURES, 'sar-export.mapping.yaml'), 'utf8');
    const rows = await collect(parseCsv(fixtureStream('sar-export.csv'), { mapping }));
    expectWellFormed(rows);
    const [first, second] = okRows(rows);
    for (const row of okRows(rows)) expectAcceptedByRecords(row.body);
    expect(first).toMatchObject({ line: 2, sourceRecordId: 'R-1001' });
    expect(first!.body).toMatchObject({
      kind: 'sar',
      title: 'Photography of substation at 100 Grid Rd',
      occurredFrom: '2024-03-07T19:15:00.000Z',
      location: { lat: 38.8951, lon: -77.0364, address: '100 Grid Rd' },
      markings: { tlp: 'AMBER', caveats: ['LES'] },
      status: 'submitted',
      payload: { behaviours: ['PHOTO', 'SURVL'], targetSectors: ['ENRG'], howObserved: 'officer' },
      observations: [
        {
          type: 'person',
          role: 'subject',
          attributes: {
            givenName: 'JOHN',
            middleName: 'A',
            surname: 'DOE',
            dateOfBirth: '1985-04-12',
            sex: 'M',
            phones: ['555-201-0147'],
          },
        },
        {
          type: 'vehicle',
          role: 'associate',
          attributes: { plate: 'ABC1234', plateState: 'VA', make: 'Toyota', year: 2015 },
        },
      ],
    });
    // The quoted narrative spans two lines, so the next record starts on line 4.
    expect(second).toMatchObject({ line: 4, sourceRecordId: 'R-1002' });
    // An entity whose cells are all empty yields no observation.
    expect((second!.body['observations'] as unknown[]).length).toBe(1);
    expect(badRows(rows).map((r) => r.errors)).toEqual([
      [
        {
          line: 5,
          field: 'START',
          message: 'occurredFrom: "13/45/2024 10:00" is not a date in the format MM/DD/YYYY HH:mm',
        },
        {
          line: 5,
          field: 'BEHAVIOURS',
          message: 'payload.behaviours: unknown ISE-SAR behaviour code "LOITER"',
        },
      ],
      [{ line: 6, field: 'LAT', message: 'location.lat: "500" is not between -90 and 90' }],
    ]);
  });

  it('requires the id, kind and title, naming the column', async () => {
    const rows = await parse('ID,TITLE,TEXT\n,hello,x\nB,,y\n');
    expect(rows.map((r) => !r.ok && r.errors)).toEqual([
      [{ line: 2, field: 'ID', message: 'sourceRecordId is required but empty' }],
      [{ line: 3, field: 'TITLE', message: 'title is required but empty' }],
    ]);
    expect(rows[1]).toMatchObject({ sourceRecordId: 'B' });
  });

  it('reads the kind and roles from columns through maps, and checks fields by their schema', async () => {
    const mapping = `
sourceRecordId: ID
kind: { column: TYPE, map: { T: tip, I: incident } }
title: TITLE
status: STATUS
entities:
  - type: person
    role: { column: ROLE, map: { S: subject, W: witness } }
    attributes: { givenName: NAME, sex: SEX }
`;
    const rows = await parse(
      'ID,TYPE,TITLE,STATUS,ROLE,NAME,SEX\n1,T,a,,W,Ann,F\n2,Q,b,,S,Bo,M\n3,I,c,done,S,Cy,Z\n',
      mapping,
    );
    expect(rows[0]).toMatchObject({
      ok: true,
      body: {
        kind: 'tip',
        observations: [{ type: 'person', role: 'witness', attributes: { givenName: 'Ann' } }],
      },
    });
    expect(rows[1]).toMatchObject({
      ok: false,
      errors: [{ field: 'TYPE', message: 'unknown kind "Q"' }],
    });
    expect((rows[2] as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      'STATUS',
      'SEX',
    ]);
  });

  it('keeps an organisation’s name whole; only a person’s name is split', async () => {
    const mapping = `
sourceRecordId: ID
kind: tip
title: TITLE
entities:
  - type: organization
    role: associate
    attributes: { name: ORG }
  - type: person
    role: subject
    attributes: { name: { column: PERSON, split: last_first } }
`;
    const rows = await parse(
      'ID,TITLE,ORG,PERSON\n1,a,Tidewater Logistics LLC,"Reyes, Ana Maria"\n',
      mapping,
    );
    expect(rows[0]).toMatchObject({
      ok: true,
      body: {
        observations: [
          { type: 'organization', attributes: { name: 'Tidewater Logistics LLC' } },
          {
            type: 'person',
            attributes: { givenName: 'Ana', middleName: 'Maria', surname: 'Reyes' },
          },
        ],
      },
    });
  });

  it('treats empty cells as absent and skips rows with no values', async () => {
    const rows = await parse('ID,TITLE,TEXT\nA,t,\n,,\n\nB,u,  \n');
    expect(okRows(rows).map((r) => [r.line, r.body['narrative']])).toEqual([
      [2, undefined],
      [5, undefined],
    ]);
  });

  it('reports broken quoting and wrong field counts, and keeps reading', async () => {
    const rows = await parse('ID,TITLE,TEXT\nA,"t"x,1\nB,t,2,extra\nC,t,3\n');
    expectWellFormed(rows);
    expect(badRows(rows).map((r) => [r.line, r.errors[0]!.field])).toEqual([
      [2, '(row)'],
      [3, '(row)'],
    ]);
    expect(okRows(rows).map((r) => r.sourceRecordId)).toEqual(['C']);
  });

  it('drops a row over the size limit and keeps exact line numbers after it', async () => {
    const long = 'z'.repeat(1_100_000);
    const csv = `ID,TITLE,TEXT\r\nA,t,"two\r\nlines"\r\nB,t,"${long}\r\n${long}"\r\nC,t,after\r\n`;
    const rows = await parse(csv, SIMPLE, 65_536);
    expect(rows.map((r) => [r.line, r.ok])).toEqual([
      [2, true],
      [4, false],
      [6, true],
    ]);
    expect(badRows(rows)[0]!.errors[0]!.message).toBe('the row is longer than 1048576 characters');
    expect(okRows(rows)[1]!.body['narrative']).toBe('after');
  });

  it('drops the rest of a file after an unclosed quote that outgrows the limit', async () => {
    const csv = `ID,TITLE,TEXT\nA,t,ok\nB,t,"never closed\n${'C,t,x\n'.repeat(50)}`;
    const rows = await collect(parseCsv(bytes(csv, 64), { mapping: SIMPLE, maxRowBytes: 100 }));
    expect(rows.map((r) => [r.line, r.ok])).toEqual([
      [2, true],
      [3, false],
    ]);
  });

  it('reports a cell over the field limit, NUL characters and unpaired surrogates', async () => {
    const csv = `ID,TITLE,TEXT\nA,t,${'x'.repeat(100_001)}\nB,t\u0000,x\nC,t,ok\n`;
    const rows = await parse(csv, SIMPLE, 4096);
    expect(rows.map((r) => (r.ok ? 'ok' : r.errors))).toEqual([
      [{ line: 2, field: 'TEXT', message: 'the cell is longer than 100000 characters' }],
      [{ line: 3, field: 'TITLE', message: 'the cell contains a NUL character' }],
      'ok',
    ]);
    const surrogate = Readable.from(['ID,TITLE,TEXT\nD,t\uD800,x\n']);
    const more = await collect(parseCsv(surrogate, { mapping: SIMPLE }));
    expect(more[0]).toMatchObject({
      ok: false,
      errors: [{ line: 2, message: 'the row contains an unpaired UTF-16 surrogate' }],
    });
  });

  it('refuses a file without a header row, or whose header cannot be read', async () => {
    await expect(parse('')).rejects.toThrow(UnparseableFileError);
    await expect(parse('\n\n')).rejects.toThrow(/no header row/);
    await expect(parse('ID,"TITLE\n')).rejects.toThrow(UnparseableFileError);
    await expect(parse('ID,"TI"TLE,TEXT\nA,t,x\n')).rejects.toThrow(
      /^line 1: the header row cannot be read: a closing quote is followed by other text$/,
    );
  });

  it('supports other delimiters, list cells, templates and fixed values', async () => {
    const mapping = `
delimiter: ";"
sourceRecordId: { template: "{AGENCY}-{NO}" }
kind: cyber_indicator
title: { template: "Indicator {NO}" }
fixed: { markings: { tlp: CLEAR } }
payload:
  observables: { value: [{ type: ipv4-addr, value: 192.0.2.1 }] }
  indicatorTypes: { column: TYPES, split: "|" }
  validFrom: { column: FROM, format: YYYYMMDD }
`;
    const rows = await parse('AGENCY;NO;TYPES;FROM\nX1;7;a|b;20240102\n', mapping);
    expect(rows).toEqual([
      {
        ok: true,
        line: 2,
        sourceRecordId: 'X1-7',
        body: {
          kind: 'cyber_indicator',
          title: 'Indicator 7',
          markings: { tlp: 'CLEAR' },
          payload: {
            observables: [{ type: 'ipv4-addr', value: '192.0.2.1' }],
            indicatorTypes: ['a', 'b'],
            validFrom: '2024-01-02T00:00:00.000Z',
          },
          sourceRecordId: 'X1-7',
        },
      },
    ]);
    expectAcceptedByRecords(okRows(rows)[0]!.body);
  });

  it('builds nested attributes and drops those whose cells are empty', async () => {
    const mapping = `
sourceRecordId: ID
kind: field_interview
title: { template: "Stop of {NAME}" }
entities:
  - type: person
    role: subject
    attributes:
      name: { column: NAME, split: first_last }
      address: { street: STREET, state: STATE }
      identifiers:
        - fields: { scheme: { value: driver_license }, value: DL, issuer: DL_ST }
        - fields: { scheme: { value: passport }, value: PASSPORT }
`;
    const rows = await parse(
      'ID,NAME,STREET,STATE,DL,DL_ST,PASSPORT\n1,Ann Lee,1 Elm St,va,D123,VA,\n',
      mapping,
    );
    expect(okRows(rows)[0]!.body['observations']).toEqual([
      {
        type: 'person',
        role: 'subject',
        attributes: {
          givenName: 'Ann',
          surname: 'Lee',
          address: { street: '1 Elm St', state: 'va' },
          identifiers: [{ scheme: 'driver_license', value: 'D123', issuer: 'VA' }],
        },
      },
    ]);
    expectAcceptedByRecords(okRows(rows)[0]!.body);
  });
});
