/**
 * Production validates STIX with its own zod schemas (stix-validate.ts); these tests hold
 * them to the official OASIS JSON Schemas in ../shared/conformance/stix2.1 when that folder
 * is present: everything zod accepts, the official schemas accept too.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collect, expectAcceptedByRecords, okRows } from './parsers.test-helpers.ts';
import {
  exampleBundles,
  hasStixConformance,
  loadOfficialValidator,
  STIX_CONFORMANCE_DIR,
} from './stix-schemas.test-helpers.ts';
import { parseStix } from './stix.ts';
import { scoSchemas, sdoSchemas } from './stix-validate.ts';

const ours: Record<string, { safeParse: (v: unknown) => { success: boolean } }> = {
  ...sdoSchemas,
  ...scoSchemas,
};
const zodAccepts = (o: Record<string, unknown>) =>
  ours[o['type'] as string]?.safeParse(o).success ?? false;

const ABSENT = `skipped: ${STIX_CONFORMANCE_DIR} is absent, so the official schemas cannot be consulted`;
const T = '2024-01-01T00:00:00.000Z';
const INDICATOR = {
  type: 'indicator',
  spec_version: '2.1',
  id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
  created: T,
  modified: T,
  pattern: "[ipv4-addr:value = '192.0.2.1']",
  pattern_type: 'stix',
  valid_from: T,
};

describe.skipIf(!hasStixConformance)(`STIX validation against the official schemas`, () => {
  const official = hasStixConformance
    ? loadOfficialValidator()
    : () => ({ valid: false, errors: '' });
  const bundles = hasStixConformance ? exampleBundles() : [];
  const mapped = bundles.flatMap((b) => b.objects).filter((o) => (o['type'] as string) in ours);

  it('accepts every object of all 18 example bundles, officially and in zod', () => {
    expect(bundles).toHaveLength(18);
    for (const { file, objects } of bundles)
      for (const object of objects)
        expect(official(object).errors, `${file} ${String(object['id'])}`).toBe('');
    expect(mapped.length).toBeGreaterThan(100);
    for (const object of mapped) expect(zodAccepts(object), String(object['id'])).toBe(true);
  });

  it('rejects the hand-made negatives of the conformance README, as the schemas do', () => {
    const negatives: Record<string, unknown>[] = [
      { ...INDICATOR, created: '2024-01-01T00:00:00Z' },
      { ...INDICATOR, id: 'malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f' },
      { ...INDICATOR, id: 'indicator--8e2e2d2b-17d4-0cbf-938f-98ee46b3cd3f' },
      { ...INDICATOR, pattern: undefined },
      {
        type: 'domain-name',
        id: 'domain-name--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
        value: 'bad_host!.com',
      },
    ].map((o) => JSON.parse(JSON.stringify(o)) as Record<string, unknown>);
    for (const o of negatives) {
      expect(official(o).valid, JSON.stringify(o)).toBe(false);
      expect(zodAccepts(o), JSON.stringify(o)).toBe(false);
    }
    // A location is not a type Watchfloor maps: the schemas refuse it, the parser ignores it.
    const location = {
      type: 'location',
      spec_version: '2.1',
      id: 'location--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
      created: T,
      modified: T,
      latitude: 500,
      longitude: 0,
    };
    expect(official(location).valid).toBe(false);
    expect(zodAccepts(location)).toBe(false);
  });

  it('never accepts what the official schemas refuse (mutations of the examples)', () => {
    const values = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(
        null,
        [],
        {},
        '',
        'x',
        -1,
        101,
        1.5,
        true,
        ['a'],
        [''],
        '2017-01-01T00:00:00Z',
        '2017-02-30T00:00:00.000Z',
        '2999-01-01T00:00:00.5Z',
        'identity--611d9d41-dba5-4e13-9b29-e22488058ffc',
        'identity--611d9d41-dba5-4e13-0b29-e22488058ffc',
        'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
        '10.0.0.256',
        '::ffff:1.2.3.4',
        'a@b',
        'http://a b',
        [{ source_name: 'cve', external_id: 'CVE-20-1' }],
        [{ source_name: 'x' }],
        [{ source_name: 'x', url: 'x:' }],
        [{ kill_chain_name: 'a' }],
        [
          {
            marking_ref: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
            selectors: ['A'],
          },
        ],
        { 'x-foo-ext': {} },
        { 'aaaa!-ext': { a: 1 } },
        { MD5: 'zz' },
        { 'SHA-256': 'a'.repeat(64) },
      ),
    );
    const keys = fc.constantFrom(
      'x_custom',
      'ab',
      'Foo',
      'severity',
      'aid',
      'foo_bin',
      'foo_hex',
      'id',
      'spec_version',
      'created',
      'modified',
      'name',
      'value',
      'hashes',
      'objects',
      'object_refs',
      'extensions',
      'external_references',
      'granular_markings',
      'kill_chain_phases',
      'valid_until',
      'valid_from',
      'first_observed',
      'last_observed',
      'number_observed',
      'created_by_ref',
      'labels',
      'confidence',
      'lang',
      'object_marking_refs',
      'pattern',
      'aliases',
      'sectors',
      'resolves_to_refs',
      'size',
    );
    const mutation = fc.tuple(keys, fc.option(values, { freq: 4 }));
    fc.assert(
      fc.property(
        fc.nat(mapped.length - 1),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (i, muts) => {
          const o = structuredClone(mapped[i]!);
          for (const [key, value] of muts) {
            if (value === null) Reflect.deleteProperty(o, key);
            else o[key] = value;
          }
          if (zodAccepts(o)) expect(official(o).errors, JSON.stringify(o)).toBe('');
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('validates a ReDoS-crafted type name in milliseconds with the defused regexp engine', () => {
    const crafted = { ...INDICATOR, type: `${'a'.repeat(60)}!`, id: INDICATOR.id };
    const started = performance.now();
    expect(official(crafted).valid).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('parses every example bundle into records the records module accepts', async () => {
    const dirs = ['examples', 'examples/threat-reports', 'cti-documentation/examples/example_json'];
    let records = 0;
    for (const { file } of bundles) {
      expect(dirs.some((d) => file.startsWith(d))).toBe(true);
      const rows = await collect(parseStix(createReadStream(join(STIX_CONFORMANCE_DIR, file)), {}));
      for (const row of okRows(rows)) expectAcceptedByRecords(row.body);
      records += okRows(rows).length;
    }
    expect(records).toBeGreaterThan(100);
  });
});

it.skipIf(hasStixConformance)(`STIX conformance against the official schemas (${ABSENT})`, () => {
  expect(hasStixConformance).toBe(false);
});
