import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../modules/ingest/parsers/csv.ts';
import type { ParsedRow } from '../modules/ingest/parsers/types.ts';
import { validateRecordContent } from '../modules/records/record-validation.ts';
import { createRecordBodySchema } from '../modules/records/records.schemas.ts';
import { DEMO_CSV_HEADER, demoCsvSlots, exportDemoCsv, readDemoCsvMapping } from './export-csv.ts';
import type { DemoRecord } from './types.ts';
import { generateDemoWorld } from './world.ts';

const SEED = 42;
const RECORDS = 300;
const dir = mkdtempSync(join(tmpdir(), 'watchfloor-export-csv-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const SOURCE_MARKINGS = {
  tlp: 'AMBER',
  caveats: [],
  partnerShare: 'full',
  networkShare: 'none',
  releasableTo: [],
};

/** What the ingest pipeline's validateRow does: source markings under the row's, then the
 * record schemas (envelope, kind payload, each observation). Returns the problems. */
function problemsOf(body: Record<string, unknown>): string[] {
  const { sourceRecordId: _id, ...rest } = body;
  const own = rest['markings'] as object | undefined;
  const parsed = createRecordBodySchema.safeParse({
    ...rest,
    markings: { ...SOURCE_MARKINGS, ...own },
  });
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const b = parsed.data;
  const status = b.status ?? (b.kind === 'sar' ? 'submitted' : 'active');
  try {
    validateRecordContent(b.kind, b.payload, b.observations, status);
    return [];
  } catch (err) {
    return [(err as Error).message];
  }
}

async function exportAndParse() {
  const path = join(dir, 'demo.csv');
  const written = await exportDemoCsv(path, { seed: SEED, records: RECORDS });
  const rows: ParsedRow[] = [];
  for await (const row of parseCsv(createReadStream(path, { highWaterMark: 4096 }), {
    mapping: readDemoCsvMapping(),
  }))
    rows.push(row);
  return { path, written, rows };
}

const exported = exportAndParse();
const demo: DemoRecord[] = [...generateDemoWorld({ seed: SEED, records: RECORDS }).records()];

describe('demo world CSV export', () => {
  it('writes a header and one line per record, every row parsed back by the mapping', async () => {
    const { path, written, rows } = await exported;
    expect(written.records).toBe(RECORDS);
    const header = readFileSync(path, 'utf8').split('\n', 1)[0];
    expect(header).toBe(DEMO_CSV_HEADER.join(','));
    expect(rows.filter((r) => !r.ok)).toEqual([]);
    expect(rows.map((r) => r.ok && r.sourceRecordId)).toEqual(demo.map((r) => r.sourceRecordId));
    expect(new Set(demo.map((r) => r.body.kind)).size).toBe(7); // every kind is exercised
  });

  it('gives bodies that pass the record validation the ingest pipeline applies', async () => {
    const { rows } = await exported;
    const problems = rows.flatMap((r) => (r.ok ? problemsOf(r.body) : ['not ok']));
    expect(problems).toEqual([]);
  });

  it('keeps the record content and the entities that have columns', async () => {
    const { rows } = await exported;
    rows.forEach((row, i) => {
      const record = demo[i]!;
      if (!row.ok) throw new Error(`line ${row.line} failed`);
      const body = row.body as {
        kind: string;
        narrative: string;
        location: unknown;
        markings: { tlp: string };
        observations?: { type: string; role: string; attributes: Record<string, unknown> }[];
      };
      expect(body.kind).toBe(record.body.kind);
      expect(body.narrative).toBe(record.body.narrative); // quotes and commas survive
      expect(body.location).toEqual(record.body.location);
      expect(body.markings.tlp).toBe(record.body.markings.tlp);
      const slots = demoCsvSlots(record);
      const expected = [
        ...slots.people,
        ...[slots.vehicle, slots.phone, slots.organization, slots.email],
        ...[slots.location, slots.weapon],
      ].filter((o) => o !== undefined);
      const got = body.observations ?? [];
      expect(got.map((o) => `${o.type}/${o.role}`)).toEqual(
        expected.map((o) => `${o.type}/${o.role}`),
      );
      slots.people.forEach((p, j) => {
        expect(got[j]!.attributes['surname']).toBe(p.attributes['surname']);
        expect(got[j]!.attributes['dateOfBirth']).toBe(p.attributes['dateOfBirth']);
      });
      const org = got.find((o) => o.type === 'organization');
      expect(org?.attributes).toEqual(
        slots.organization && { name: slots.organization.attributes['name'] },
      );
    });
  });
});
