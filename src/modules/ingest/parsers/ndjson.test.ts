import { describe, expect, it } from 'vitest';
import { parseNdjson } from './ndjson.ts';
import {
  badRows,
  bytes,
  collect,
  expectAcceptedByRecords,
  expectWellFormed,
  fixtureStream,
  okRows,
} from './parsers.test-helpers.ts';

const line = (o: Record<string, unknown>) => JSON.stringify(o);
const record = (id: string, extra: Record<string, unknown> = {}) =>
  line({ sourceRecordId: id, kind: 'tip', title: `Tip ${id}`, ...extra });

describe('NDJSON parser', () => {
  it('reads the fixture: good rows through, each bad line located', async () => {
    const rows = await collect(parseNdjson(fixtureStream('records.ndjson'), {}));
    expectWellFormed(rows);
    expect(okRows(rows).map((r) => [r.line, r.sourceRecordId])).toEqual([
      [1, 'INC-1'],
      [3, 'TIP-7'],
      [6, 'CI-3'],
    ]);
    for (const row of okRows(rows)) expectAcceptedByRecords(row.body);
    const [broken, noId] = badRows(rows);
    expect(broken!.line).toBe(4);
    expect(broken!.errors[0]!.message).toMatch(/malformed JSON/);
    expect(noId!.errors).toEqual([{ line: 5, field: 'sourceRecordId', message: 'is required' }]);
  });

  it('keeps the body as sent, with the trimmed record id', async () => {
    const rows = await collect(parseNdjson(bytes(record('  A-1  ', { narrative: 'n' })), {}));
    expect(rows).toEqual([
      {
        ok: true,
        line: 1,
        sourceRecordId: 'A-1',
        body: { sourceRecordId: 'A-1', kind: 'tip', title: 'Tip   A-1  ', narrative: 'n' },
      },
    ]);
  });

  it('skips blank lines, reads CRLF and a byte-order mark, and counts lines exactly', async () => {
    const text = `\uFEFF${record('A')}\r\n\r\n   \n${record('B')}\r\n`;
    const rows = await collect(parseNdjson(bytes(text, 3), {}));
    expect(rows.map((r) => [r.ok, r.line])).toEqual([
      [true, 1],
      [true, 4],
    ]);
  });

  it('refuses lines that are not objects, and record ids that are not strings', async () => {
    const text = ['[1,2]', '"x"', line({ sourceRecordId: 7 }), line({ sourceRecordId: ' ' })].join(
      '\n',
    );
    const rows = await collect(parseNdjson(bytes(text), {}));
    expect(rows.map((r) => (r.ok ? 'ok' : r.errors[0]!.message))).toEqual([
      'each line must be a JSON object',
      'each line must be a JSON object',
      'must be a string',
      'must not be empty',
    ]);
  });

  it('turns NUL and unpaired surrogates into row errors naming the field', async () => {
    const text = [
      record('A', { narrative: 'a\u0000b' }),
      '{"sourceRecordId":"B","kind":"tip","title":"bad \\ud800 here"}',
      record('C'),
    ].join('\n');
    const rows = await collect(parseNdjson(bytes(text), {}));
    expect(rows.map((r) => (r.ok ? 'ok' : r.errors))).toEqual([
      [{ line: 1, field: 'narrative', message: 'contains a NUL character' }],
      [{ line: 2, field: 'title', message: 'contains an unpaired UTF-16 surrogate' }],
      'ok',
    ]);
    expect(rows[0]).toMatchObject({ sourceRecordId: 'A' });
  });

  it('reports a field longer than the limit (100,000 by default)', async () => {
    const text = `${record('A', { narrative: 'x'.repeat(100_001) })}\n${record('B')}`;
    const rows = await collect(parseNdjson(bytes(text, 4096), {}));
    expect(rows[0]).toMatchObject({
      ok: false,
      errors: [{ line: 1, field: 'narrative', message: 'is longer than 100000 characters' }],
    });
    expect(rows[1]).toMatchObject({ ok: true, line: 2 });
  });

  it('drops a line longer than the row limit without holding it, and reads on', async () => {
    const huge = record('A', { narrative: 'y'.repeat(2_000_000) });
    const text = `${record('0')}\n${huge}\n${record('B')}\n`;
    const rows = await collect(parseNdjson(bytes(text, 65_536), {}));
    expect(rows.map((r) => [r.line, r.ok])).toEqual([
      [1, true],
      [2, false],
      [3, true],
    ]);
    expect(badRows(rows)[0]!.errors[0]!.message).toBe('the line is longer than 1048576 bytes');
  });

  it('honours configured limits, nesting included', async () => {
    const deep = `{"sourceRecordId":"D","kind":"tip","title":"t","payload":${'['.repeat(40)}${']'.repeat(40)}}`;
    const rows = await collect(
      parseNdjson(bytes(`${deep}\n${record('E', { title: 'x'.repeat(50) })}`), {
        maxFieldChars: 20,
      }),
    );
    expect(badRows(rows)[0]!.errors[0]!.message).toBe('nests deeper than 32');
    expect(badRows(rows)[1]!.errors[0]).toEqual({
      line: 2,
      field: 'title',
      message: 'is longer than 20 characters',
    });
  });

  it('reports invalid UTF-8 on its own line', async () => {
    const bad = Buffer.concat([
      Buffer.from(`${record('A')}\n{"sourceRecordId":"B","title":"`),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(`"}\n${record('C')}\n`),
    ]);
    const rows = await collect(parseNdjson(bytes(bad), {}));
    expect(rows.map((r) => (r.ok ? r.line : r.errors[0]!.message))).toEqual([
      1,
      'the line is not valid UTF-8',
      3,
    ]);
  });
});
