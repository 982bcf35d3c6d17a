import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareBatches } from './batch-preparation.ts';
import type { ParsedRow } from './parsers/types.ts';
import type { SourceContext } from './row-validation.ts';

const context: SourceContext = {
  sourceId: '0190f0f0-0000-7000-8000-000000000001',
  agencyId: '0190f0f0-0000-7000-8000-000000000002',
  defaultMarkings: {
    tlp: 'AMBER',
    caveats: [],
    partnerShare: 'full',
    networkShare: 'none',
    releasableTo: [],
  },
  authorUserId: '0190f0f0-0000-7000-8000-000000000003',
};

function row(line: number, id: string, ok: boolean): ParsedRow {
  if (!ok)
    return { ok: false, line, sourceRecordId: id, errors: [{ line, field: 'x', message: 'bad' }] };
  return {
    ok: true,
    line,
    sourceRecordId: id,
    body: { kind: 'incident', title: `Incident ${id}`, narrative: '', observations: [] },
  };
}

async function* from<T>(items: T[]) {
  for (const item of items) yield await Promise.resolve(item);
}

async function collect(rows: ParsedRow[], checkpointRow: number, batchSize: number) {
  const out = [];
  for await (const b of prepareBatches(from(rows), {
    context,
    checkpointRow,
    batchSize,
    bytesRead: () => 0,
  }))
    out.push(b);
  return out;
}

describe('prepareBatches', () => {
  it('keeps every row after the checkpoint once, in order, in bounded batches with no id twice', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.boolean()), { maxLength: 60 }),
        fc.nat(70),
        fc.integer({ min: 1, max: 8 }),
        async (spec, checkpointRow, batchSize) => {
          const rows = spec.map(([id, ok], i) => row(i + 2, id, ok));
          const batches = await collect(rows, checkpointRow, batchSize);
          const expected = rows.slice(checkpointRow);
          const seenLines = batches.flatMap((b) =>
            [...b.rows.map((r) => r.line), ...b.errors.map((e) => e.line)].sort((x, y) => x - y),
          );
          expect(seenLines).toEqual(expected.map((r) => r.line));
          expect(batches.reduce((n, b) => n + b.rowsRead, 0)).toBe(expected.length);
          let through = checkpointRow;
          for (const b of batches) {
            expect(b.rowsRead).toBeGreaterThan(0);
            expect(b.rowsRead).toBeLessThanOrEqual(batchSize);
            expect(b.rowsThrough).toBe(through + b.rowsRead);
            through = b.rowsThrough;
            const ids = b.rows.map((r) => r.record.sourceRecordId);
            expect(new Set(ids).size).toBe(ids.length);
          }
        },
      ),
    );
  });

  it('cuts a batch once its rows reach the byte bound, whatever its row count', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 100 }),
        async (sizes, maxBatchBytes) => {
          // The input stream has read each row's bytes by the time the row is handed over.
          let bytes = 0;
          async function* sized() {
            for (const [i, size] of sizes.entries()) {
              bytes += size;
              yield await Promise.resolve(row(i + 2, `r-${i}`, true));
            }
          }
          const batches = [];
          for await (const b of prepareBatches(sized(), {
            context,
            checkpointRow: 0,
            batchSize: 1000,
            bytesRead: () => bytes,
            maxBatchBytes,
          }))
            batches.push(b);
          let first = 0;
          for (const b of batches) {
            const own = sizes.slice(first, first + b.rowsRead);
            const beforeLast = own.slice(0, -1).reduce((n, x) => n + x, 0);
            expect(beforeLast).toBeLessThan(maxBatchBytes);
            if (first + b.rowsRead < sizes.length)
              expect(beforeLast + own.at(-1)!).toBeGreaterThanOrEqual(maxBatchBytes);
            first += b.rowsRead;
          }
          expect(first).toBe(sizes.length);
        },
      ),
    );
  });

  it('reports an invalid body with the row’s line and the failing field', async () => {
    const bad: ParsedRow = {
      ok: true,
      line: 7,
      sourceRecordId: 'x-1',
      body: { kind: 'incident', title: '', observations: [] },
    };
    const [batch] = await collect([bad], 0, 10);
    expect(batch?.rows).toEqual([]);
    expect(batch?.errors).toEqual([
      expect.objectContaining({ line: 7, field: 'title', sourceRecordId: 'x-1' }),
    ]);
  });
});
