import { describe, expect, it } from 'vitest';
import {
  badRows,
  bytes,
  collect,
  expectAcceptedByRecords,
  expectWellFormed,
  fixtureStream,
  okRows,
} from './parsers.test-helpers.ts';
import { parseSarXml } from './sar-xml.ts';
import { UnparseableFileError } from './types.ts';

const report = (id: string, inner = '') =>
  `<SuspiciousActivityReport><SuspiciousActivityReportIdentification><IdentificationID>${id}</IdentificationID></SuspiciousActivityReportIdentification><SuspiciousActivityCategoryCode>SURVL</SuspiciousActivityCategoryCode>${inner}</SuspiciousActivityReport>`;
const doc = (...reports: string[]) =>
  `<?xml version="1.0"?>\n<SuspiciousActivityReports>\n${reports.join('\n')}\n</SuspiciousActivityReports>\n`;
const parse = (xml: string, chunk = 11) => collect(parseSarXml(bytes(xml, chunk), {}));

async function refusal(xml: string): Promise<UnparseableFileError> {
  try {
    await parse(xml);
  } catch (err) {
    expect(err).toBeInstanceOf(UnparseableFileError);
    return err as UnparseableFileError;
  }
  throw new Error('expected the file to be refused');
}

describe('SAR XML parser', () => {
  it('maps the fixture reports to sar records, with a located error for an unknown code', async () => {
    const rows = await collect(
      parseSarXml(fixtureStream('sar-reports.xml'), { timezone: 'America/New_York' }),
    );
    expectWellFormed(rows);
    const [full, tipLine] = okRows(rows);
    for (const row of okRows(rows)) expectAcceptedByRecords(row.body);
    expect(full).toMatchObject({ line: 7, sourceRecordId: 'SAR-2024-0001' });
    expect(full!.body).toMatchObject({
      kind: 'sar',
      title: 'SAR SAR-2024-0001: Photography, Observation/Surveillance',
      narrative: expect.stringContaining('fence & gate\nfor twenty minutes'),
      occurredFrom: '2024-03-07T19:15:00.000Z',
      occurredTo: '2024-03-07T19:35:00.000Z',
      location: { lat: 38.7893, lon: -77.1872, address: '100 Grid Rd, Springfield, VA 22150' },
      payload: { behaviours: ['PHOTO', 'SURVL'], targetSectors: ['ENRG'], howObserved: 'officer' },
    });
    const observations = full!.body['observations'] as { type: string; role: string }[];
    expect(observations.map((o) => `${o.type}:${o.role}`)).toEqual([
      'location:mentioned',
      'person:subject',
      'person:reporting_party',
      'vehicle:associate',
      'organization:victim',
      'email:mentioned',
      'organization:reporting_party',
    ]);
    expect(observations[1]).toMatchObject({
      attributes: {
        givenName: 'John',
        surname: 'Doe',
        dateOfBirth: '1985-04-12',
        identifiers: [{ scheme: 'driver_license', value: 'T1234567', issuer: 'VA' }],
      },
    });
    // A date-time without offset is read in the configured zone.
    expect(tipLine!.body).toMatchObject({ occurredFrom: '2024-03-10T13:00:00.000Z' });
    expect(badRows(rows)).toEqual([
      {
        ok: false,
        line: 80,
        sourceRecordId: 'SAR-2024-0002',
        errors: [
          {
            line: 89,
            field: 'SuspiciousActivityCategoryCode',
            message: 'unknown ISE-SAR behaviour code "LOITER"',
          },
        ],
      },
    ]);
  });

  it('names the element of each bad value, and requires an identifier', async () => {
    const rows = await parse(
      doc(
        report(
          'A',
          '<ActivityDateRange><StartDate><DateTime>soon</DateTime></StartDate></ActivityDateRange>',
        ),
        report(
          'B',
          '<InvolvedPerson><RoleCode>villain</RoleCode><PersonName><PersonGivenName>X</PersonGivenName></PersonName></InvolvedPerson>',
        ),
        '<SuspiciousActivityReport><ActivityName>no id</ActivityName></SuspiciousActivityReport>',
        report(
          'C',
          '<ActivityLocation><Location2DGeospatialCoordinate><GeographicCoordinateLatitude><LatitudeDegreeValue>95</LatitudeDegreeValue></GeographicCoordinateLatitude></Location2DGeospatialCoordinate></ActivityLocation>',
        ),
      ),
    );
    expect(rows.map((r) => (r.ok ? 'ok' : r.errors.map((e) => e.field)))).toEqual([
      ['ActivityDateRange/StartDate/DateTime'],
      ['InvolvedPerson/RoleCode'],
      ['SuspiciousActivityReport'],
      [
        'ActivityLocation/Location2DGeospatialCoordinate/GeographicCoordinateLatitude/LatitudeDegreeValue',
      ],
    ]);
  });

  it('refuses an XXE file without reading or echoing the entity', async () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<SuspiciousActivityReports>${report('X', '<ActivityDescriptionText>&xxe;</ActivityDescriptionText>')}</SuspiciousActivityReports>`;
    const err = await refusal(xxe);
    expect(err.message).toMatch(/DOCTYPE and entity declarations are refused/);
    expect(err.message).not.toMatch(/passwd|root:/);
    expect(err.line).toBe(2);
  });

  it('refuses a billion-laughs file at once', async () => {
    const lol = Array.from(
      { length: 9 },
      (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
    ).join('\n');
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 "lol">\n${lol}\n]>\n<SuspiciousActivityReports>${report('L', '<ActivityDescriptionText>&lol9;</ActivityDescriptionText>')}</SuspiciousActivityReports>`;
    const err = await refusal(bomb);
    expect(err.message).toMatch(/refused/);
  });

  it('refuses malformed XML with its line, and a foreign root element', async () => {
    const broken = await refusal(
      `<SuspiciousActivityReports>\n${report('A')}\n<SuspiciousActivityReport>\n</Oops>\n`,
    );
    expect(broken.message).toMatch(/^line 4: malformed XML/);
    await expect(parse('<Invoice><Total>3</Total></Invoice>')).rejects.toThrow(/root element/);
    await expect(parse('')).rejects.toThrow(UnparseableFileError);
    await expect(parse(doc(report('A')).slice(0, -30))).rejects.toThrow(UnparseableFileError);
  });

  it('turns a NUL character inside a report into a row error and reads on', async () => {
    const rows = await parse(
      doc(report('A', '<ActivityDescriptionText>a\u0000b</ActivityDescriptionText>'), report('B')),
    );
    expect(rows.map((r) => (r.ok ? 'ok' : r.errors[0]!.message))).toEqual([
      'contains a NUL character or an unpaired surrogate',
      'ok',
    ]);
  });

  it('limits fields, reports and nesting', async () => {
    const long = `<ActivityDescriptionText>${'x'.repeat(100_001)}</ActivityDescriptionText>`;
    const deep = `${'<Extra>'.repeat(40)}${'</Extra>'.repeat(40)}`;
    const rows = await parse(doc(report('A', long), report('B', deep), report('C')), 65_536);
    expect(rows.map((r) => (r.ok ? 'ok' : r.errors[0]!.message))).toEqual([
      'ActivityDescriptionText is longer than 100000 characters',
      'elements nest deeper than 32',
      'ok',
    ]);
    const huge = `<ActivityDescriptionText>${'<b>x</b>'.repeat(150_000)}</ActivityDescriptionText>`;
    const big = await parse(doc(report('D', huge), report('E')), 65_536);
    expect(big.map((r) => (r.ok ? 'ok' : r.errors[0]!.message))).toEqual([
      'the report is longer than 1048576 characters',
      'ok',
    ]);
  });

  it('refuses a single token larger than the row limit rather than buffer it', async () => {
    const err = await refusal(
      doc(
        report('A', `<ActivityDescriptionText>${'y'.repeat(1_200_000)}</ActivityDescriptionText>`),
      ),
    );
    expect(err.message).toMatch(/token .* is longer than 1048576/);
  });
});
