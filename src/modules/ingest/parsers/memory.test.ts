/**
 * Memory stays bounded whatever the file's size: 200,000 generated rows (about 100 MB of
 * input, produced on the fly, never written to disk) are parsed while the live heap is
 * sampled after forced collections. A parser that kept rows, or the input, would exceed
 * the bound many times over. No timing is asserted.
 */
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { parseNdjson } from './ndjson.ts';
import { parseStix } from './stix.ts';
import type { ParsedRow } from './types.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const ROWS = 200_000;
const BOUND = 100 * 1024 * 1024;
const FILLER = 'Narrative text that pads each row to about half a kilobyte. '.repeat(7);

function generated(lines: (i: number) => string, head = '', tail = ''): Readable {
  function* text() {
    if (head) yield head;
    let batch = '';
    for (let i = 0; i < ROWS; i++) {
      batch += lines(i);
      if (batch.length > 64 * 1024) {
        yield batch;
        batch = '';
      }
    }
    yield batch + tail;
  }
  return Readable.from(text(), { objectMode: false });
}

async function peakGrowth(rows: AsyncIterable<ParsedRow>): Promise<{ peak: number; ok: number }> {
  gc();
  const baseline = process.memoryUsage().heapUsed;
  let peak = 0;
  let ok = 0;
  let n = 0;
  for await (const row of rows) {
    if (row.ok) ok++;
    if (++n % 20_000 === 0) {
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
    }
  }
  return { peak, ok };
}

describe('memory bound', () => {
  it('NDJSON: 200,000 lines in bounded heap', async () => {
    const input = generated(
      (i) =>
        `${JSON.stringify({ sourceRecordId: `R-${i}`, kind: 'tip', title: `Tip ${i}`, narrative: FILLER })}\n`,
    );
    const { peak, ok } = await peakGrowth(parseNdjson(input, {}));
    expect(ok).toBe(ROWS);
    expect(peak).toBeLessThan(BOUND);
  }, 120_000);

  it('CSV: 200,000 rows in bounded heap', async () => {
    const mapping = 'sourceRecordId: ID\nkind: tip\ntitle: TITLE\nnarrative: TEXT\n';
    const input = generated((i) => `R-${i},Tip ${i},"${FILLER}"\n`, 'ID,TITLE,TEXT\n');
    const { peak, ok } = await peakGrowth(parseCsv(input, { mapping }));
    expect(ok).toBe(ROWS);
    expect(peak).toBeLessThan(BOUND);
  }, 120_000);

  it('STIX: 200,000 bundle objects in bounded heap', async () => {
    const hex = (i: number) => i.toString(16).padStart(12, '0');
    const T = '2024-01-01T00:00:00.000Z';
    const input = generated(
      (i) =>
        `${i === 0 ? '' : ','}${JSON.stringify({
          type: 'indicator',
          spec_version: '2.1',
          id: `indicator--00000000-0000-4000-8000-${hex(i)}`,
          created: T,
          modified: T,
          description: FILLER,
          pattern: `[ipv4-addr:value = '10.0.${(i >> 8) & 255}.${i & 255}']`,
          pattern_type: 'stix',
          valid_from: T,
        })}\n`,
      '{"type": "bundle", "id": "bundle--00000000-0000-4000-8000-000000000000", "objects": [\n',
      ']}\n',
    );
    const { peak, ok } = await peakGrowth(parseStix(input, {}));
    expect(ok).toBe(ROWS);
    expect(peak).toBeLessThan(BOUND);
  }, 300_000);
});
