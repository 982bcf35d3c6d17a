import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { markingSchema } from '../access/markings.ts';
import {
  observationAttributeSchemas,
  observationInputSchema,
} from '../modules/entities/observation-types.ts';
import { DISPOSITIONS, recordPayloadSchemas } from '../modules/records/record-kinds.ts';
import { validateRecordContent } from '../modules/records/record-validation.ts';
import { createRecordBodySchema } from '../modules/records/records.schemas.ts';
import { SAR_BEHAVIOUR_CODES } from '../modules/records/sar-codes.ts';
import { DEMO_AGENCIES, DEMO_SHARING_GROUPS } from './agencies.ts';
import type { DemoRecord } from './types.ts';
import { generateDemoWorld } from './world.ts';

const COUNT = 4_000;
const world = generateDemoWorld({ seed: 99, records: COUNT });
const agencies = new Map(DEMO_AGENCIES.map((a) => [a.key, a]));
const releasableKeys = new Set([...agencies.keys(), ...DEMO_SHARING_GROUPS.map((g) => g.key)]);
let records: DemoRecord[] = [];

beforeAll(() => {
  records = [...world.records()];
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('demo records', () => {
  it('yields the requested number of records with unique source record ids', () => {
    expect(records).toHaveLength(COUNT);
    expect(new Set(records.map((r) => r.sourceRecordId)).size).toBe(COUNT);
    for (const r of records.slice(0, 500)) {
      expect(r.sourceRecordId).toMatch(/^[A-Z0-9]+-20\d\d-\d{6,}$/);
    }
  });

  it('passes the payload, marking and observation schemas for every record', () => {
    const failures: string[] = [];
    for (const r of records) {
      const b = r.body;
      const payload = recordPayloadSchemas[b.kind].safeParse(b.payload);
      if (!payload.success) failures.push(`${r.sourceRecordId} payload ${payload.error.message}`);
      const marking = markingSchema.safeParse(b.markings);
      if (!marking.success) failures.push(`${r.sourceRecordId} markings ${marking.error.message}`);
      b.observations.forEach((o, i) => {
        const attrs = observationAttributeSchemas[o.type].safeParse(o.attributes);
        if (!attrs.success)
          failures.push(`${r.sourceRecordId}#${i} ${o.type} ${attrs.error.message}`);
        if (!observationInputSchema.safeParse(o).success) failures.push(`${r.sourceRecordId}#${i}`);
      });
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it('is accepted by the create-record API body schema and its content validation', () => {
    const failures: string[] = [];
    for (const r of records) {
      const parsed = createRecordBodySchema.safeParse(r.body);
      if (!parsed.success) failures.push(`${r.sourceRecordId} body ${parsed.error.message}`);
      const status = r.body.kind === 'sar' ? 'submitted' : 'active';
      try {
        validateRecordContent(r.body.kind, r.body.payload, r.body.observations, status);
      } catch (error) {
        failures.push(`${r.sourceRecordId} content ${String(error)}`);
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it('gives every record a title, narrative, time span, location and 1–5 observations', () => {
    const reference = Date.parse(world.center.referenceDate);
    const twoYearsBefore = reference - 2 * 366 * 86_400_000;
    for (const r of records) {
      const b = r.body;
      expect(b.title.length).toBeGreaterThan(5);
      expect(b.title.length).toBeLessThanOrEqual(200);
      expect(b.narrative.length).toBeGreaterThan(40);
      const from = Date.parse(b.occurredFrom);
      expect(from).toBeGreaterThanOrEqual(twoYearsBefore);
      expect(from).toBeLessThan(reference);
      expect(Date.parse(b.occurredTo)).toBeGreaterThanOrEqual(from);
      expect(b.location.address).toMatch(/, VA \d{5}$/);
      expect(b.observations.length).toBeGreaterThanOrEqual(1);
      expect(b.observations.length).toBeLessThanOrEqual(5);
      expect(r.entityKeys).toHaveLength(b.observations.length);
    }
  });

  it('mixes kinds roughly as a fusion center holds them', () => {
    const share = (kind: string) => records.filter((r) => r.body.kind === kind).length / COUNT;
    expect(share('sar')).toBeGreaterThan(0.26);
    expect(share('sar')).toBeLessThan(0.36);
    expect(share('incident')).toBeGreaterThan(0.2);
    expect(share('field_interview')).toBeGreaterThan(0.1);
    expect(share('tip')).toBeGreaterThan(0.1);
    expect(share('arrest')).toBeGreaterThan(0.04);
    expect(share('intel_report')).toBeGreaterThan(0.03);
    expect(share('cyber_indicator')).toBeGreaterThan(0.015);
  });

  it('reports all 16 SAR behaviours across many target sectors, Part 2 with articulable facts', () => {
    const sars = records.flatMap((r) => (r.body.kind === 'sar' ? [r.body.payload] : []));
    const behaviours = new Set(sars.flatMap((p) => p.behaviours ?? []));
    expect([...behaviours].sort()).toEqual([...SAR_BEHAVIOUR_CODES].sort());
    expect(new Set(sars.flatMap((p) => p.targetSectors ?? [])).size).toBeGreaterThanOrEqual(20);
    const part2 = sars.filter((p) =>
      p.behaviours?.some((b) => ['PHOTO', 'SURVL', 'ELICIT'].includes(b)),
    );
    for (const p of part2) expect(p.articulableFacts).toMatch(/^Articulable facts: \(1\)/);
    const narratives = new Set(
      records.filter((r) => r.body.kind === 'sar').map((r) => r.body.narrative),
    );
    expect(narratives.size).toBe(sars.length);
  });

  it('marks records as their owners would', () => {
    for (const r of records) {
      const agency = agencies.get(r.agencyKey);
      const caveats = r.body.markings.caveats;
      expect(agency, r.agencyKey).toBeDefined();
      expect(r.body.markings.releasableTo).toEqual([]);
      for (const k of r.releasableToKeys) expect(releasableKeys, k).toContain(k);
      if (r.body.kind === 'intel_report') expect(caveats).toContain('CRIMINAL_INTEL');
      if (agency?.level === 'private') {
        expect(caveats).toContain('PROPRIETARY');
        expect(caveats).not.toContain('LES');
      }
      if (agency?.discipline === 'public_health') expect(caveats).toContain('HEALTH');
      if (r.body.observations.some((o) => o.type === 'person')) expect(caveats).toContain('PII');
      if (r.body.markings.tlp === 'RED') expect(r.releasableToKeys.length).toBeGreaterThan(0);
      if (r.body.kind === 'sar' || r.body.kind === 'tip')
        expect(DISPOSITIONS).toContain(r.disposition);
    }
    const tlps = new Set(records.map((r) => r.body.markings.tlp));
    expect([...tlps].sort()).toEqual(['AMBER', 'AMBER+STRICT', 'CLEAR', 'GREEN', 'RED']);
    const intel = records.filter((r) => r.body.kind === 'intel_report');
    const pointers = intel.filter((r) => r.body.markings.partnerShare === 'pointer').length;
    expect(pointers / intel.length).toBeGreaterThan(0.6);
    const les = records.filter((r) => r.body.markings.caveats.includes('LES')).length;
    expect(les / COUNT).toBeGreaterThan(0.5);
  });

  it('never reads Math.random or the clock', () => {
    const random = vi.spyOn(Math, 'random');
    const now = vi.spyOn(Date, 'now');
    const fresh = generateDemoWorld({ seed: 'clockless', records: 300 });
    let n = 0;
    for (const r of fresh.records()) n += r.entityKeys.length;
    expect(n).toBeGreaterThan(0);
    expect(random).not.toHaveBeenCalled();
    expect(now).not.toHaveBeenCalled();
  });
});
