import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { expect } from 'vitest';
import { validateRecordContent } from '../../records/record-validation.ts';
import { createRecordBodySchema } from '../../records/records.schemas.ts';
import type { ParsedRow } from './types.ts';

export const FIXTURES = join(import.meta.dirname, 'fixtures');

export function fixtureStream(name: string) {
  return createReadStream(join(FIXTURES, name), { highWaterMark: 1024 });
}

/** The text as a byte stream cut into small pieces, to cross every chunk boundary. */
export function bytes(text: string | Buffer, chunkSize = 7): AsyncIterable<Buffer> {
  const buf = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const pieces: Buffer[] = [];
  for (let i = 0; i < buf.length; i += chunkSize) pieces.push(buf.subarray(i, i + chunkSize));
  return Readable.from(pieces);
}

export async function collect(rows: AsyncIterable<ParsedRow>): Promise<ParsedRow[]> {
  const out: ParsedRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

export function okRows(rows: ParsedRow[]) {
  return rows.filter((r): r is Extract<ParsedRow, { ok: true }> => r.ok);
}

export function badRows(rows: ParsedRow[]) {
  return rows.filter((r): r is Extract<ParsedRow, { ok: false }> => !r.ok);
}

/** The contract every parser keeps, whatever the input. */
export function expectWellFormed(rows: ParsedRow[]): void {
  let last = 0;
  for (const row of rows) {
    expect(row.line).toBeGreaterThanOrEqual(Math.max(1, last));
    last = row.line;
    if (row.ok) {
      expect(typeof row.body).toBe('object');
      expect(row.sourceRecordId.length).toBeGreaterThan(0);
    } else {
      expect(row.errors.length).toBeGreaterThan(0);
      for (const e of row.errors) {
        expect(e.line).toBeGreaterThanOrEqual(1);
        expect(typeof e.field).toBe('string');
        expect(e.field.length).toBeGreaterThan(0);
        expect(e.message.length).toBeGreaterThan(0);
      }
    }
  }
}

/** Validates a parsed body as the ingest pipeline does, markings defaulted as a source would. */
export function expectAcceptedByRecords(body: Record<string, unknown>): void {
  const { sourceRecordId: _id, ...rest } = body;
  const parsed = createRecordBodySchema.safeParse({
    ...rest,
    markings: rest['markings'] ?? { tlp: 'GREEN' },
  });
  expect(parsed.error?.issues ?? []).toEqual([]);
  const b = parsed.data!;
  expect(() =>
    validateRecordContent(b.kind, b.payload, b.observations, b.status ?? 'submitted'),
  ).not.toThrow();
}
