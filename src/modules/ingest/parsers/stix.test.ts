import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
import { parseStix } from './stix.ts';
import { UnparseableFileError } from './types.ts';

const T = '2024-01-01T00:00:00.000Z';
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const indicator = (n: number, extra: Record<string, unknown> = {}) => ({
  type: 'indicator',
  spec_version: '2.1',
  id: `indicator--${uuid(n)}`,
  created: T,
  modified: T,
  pattern: `[ipv4-addr:value = '192.0.2.${n % 250}']`,
  pattern_type: 'stix',
  valid_from: T,
  ...extra,
});
const identity = (n: number, name = `Org ${n}`) => ({
  type: 'identity',
  spec_version: '2.1',
  id: `identity--${uuid(n)}`,
  created: T,
  modified: T,
  name,
});
const bundle = (objects: unknown[], pretty = true) =>
  JSON.stringify({ type: 'bundle', id: `bundle--${uuid(0)}`, objects }, null, pretty ? 2 : 0);
const parse = (text: string, chunk = 13) => collect(parseStix(bytes(text, chunk), {}));

describe('STIX bundle parser', () => {
  it('maps the fixture bundle: indicators, observed data, threat actors and identities', async () => {
    const rows = await collect(parseStix(fixtureStream('bundle.json'), {}));
    expectWellFormed(rows);
    for (const row of okRows(rows)) expectAcceptedByRecords(row.body);
    const byId = new Map(okRows(rows).map((r) => [r.sourceRecordId.split('--')[0], r]));
    expect([...byId.keys()]).toEqual(['indicator', 'identity', 'observed-data', 'threat-actor']);
    const ind = byId.get('indicator')!;
    expect(ind.line).toBe(5);
    expect(ind.body).toMatchObject({
      kind: 'cyber_indicator',
      title: 'Phishing infrastructure',
      markings: { tlp: 'AMBER' },
      payload: {
        stixId: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
        patternType: 'stix',
        validFrom: '2024-03-01T10:00:00Z',
        validUntil: '2024-09-01T00:00:00Z',
        indicatorTypes: ['malicious-activity'],
      },
    });
    const observations = ind.body['observations'] as {
      type: string;
      role: string;
      attributes: object;
    }[];
    // The creating identity appears after the indicator: it is still attached.
    expect(observations[0]).toEqual({
      type: 'organization',
      role: 'reporting_party',
      attributes: { name: 'Example State ISAC' },
    });
    expect(observations.slice(1).map((o) => o.type)).toEqual([
      'identifier',
      'online_account',
      'online_account',
      'email',
      'identifier',
    ]);
    // A referenced identity is not a record of its own; the unreferenced individual is.
    expect(byId.get('identity')!.body).toMatchObject({
      title: 'Identity: Jordan Q. Sample',
      observations: [{ type: 'person', attributes: { givenName: 'Jordan', surname: 'Sample' } }],
    });
    expect(byId.get('observed-data')!.body).toMatchObject({
      markings: { tlp: 'RED' },
      occurredFrom: '2024-03-02T07:00:00Z',
      payload: { observables: [{ type: 'ipv4-addr', value: '203.0.113.9' }] },
    });
    expect(byId.get('threat-actor')!.body).toMatchObject({
      title: 'Threat actor: Copper Lantern',
      observations: [{ type: 'organization', role: 'subject', attributes: { aliases: ['CL-12'] } }],
    });
    expect(badRows(rows)).toEqual([
      {
        ok: false,
        line: 72,
        sourceRecordId: 'indicator--1b9a7f34-61a3-4c3c-8c21-2f2a0e6d7c55',
        errors: [
          { line: 72, field: 'created', message: 'must be a UTC timestamp with milliseconds' },
          { line: 72, field: 'modified', message: 'must be a UTC timestamp with milliseconds' },
        ],
      },
    ]);
  });

  it('gives every object of a one-line bundle line 1, and keeps file order', async () => {
    const text = readFileSync(join(FIXTURES, 'bundle.json'), 'utf8').replace(/\n\s*/g, ' ');
    const rows = await parse(text, 64);
    expect(rows.map((r) => r.line)).toEqual([1, 1, 1, 1, 1]);
  });

  it('reports invalid objects with their fields and keeps going', async () => {
    const rows = await parse(
      bundle([
        indicator(1, { id: `indicator--${uuid(1)}x` }),
        indicator(2, { pattern: undefined }),
        indicator(3, { id: `malware--${uuid(3)}` }),
        { ...identity(4), created: '2024-01-01T00:00:00Z' },
        'not an object',
        { type: 'ipv4-addr', id: `ipv4-addr--${uuid(5)}`, value: '999.1.1.1' },
        indicator(6),
      ]),
    );
    expectWellFormed(rows);
    expect(rows.map((r) => (r.ok ? 'ok' : r.errors.map((e) => e.field).join(',')))).toEqual([
      'id',
      'pattern',
      'id',
      'created',
      '(row)',
      'value',
      'ok',
    ]);
  });

  it('maps TLP 2.0 and 1.0 markings to the most restrictive level', async () => {
    const amberStrict = 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003';
    const tlp1Green = 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da';
    const rows = await parse(
      bundle([
        indicator(1, { object_marking_refs: [tlp1Green, amberStrict] }),
        indicator(2, { object_marking_refs: [tlp1Green] }),
        indicator(3),
      ]),
    );
    expect(okRows(rows).map((r) => r.body['markings'])).toEqual([
      { tlp: 'AMBER+STRICT' },
      { tlp: 'GREEN' },
      undefined,
    ]);
  });

  it('refuses what is not a well-formed STIX bundle, naming the line', async () => {
    await expect(parse('')).rejects.toThrow(/empty/);
    await expect(parse('[1, 2]')).rejects.toThrow(/one JSON object/);
    await expect(parse('{"type": "report", "objects": []}')).rejects.toThrow(/not a STIX bundle/);
    await expect(parse('{"objects": []}')).rejects.toThrow(/not a STIX bundle/);
    await expect(parse('{"type": "bundle", "objects": {}}')).rejects.toThrow(/must be an array/);
    const truncated = bundle([indicator(1), indicator(2)]).slice(0, -40);
    await expect(parse(truncated)).rejects.toThrow(/ends before the JSON is complete/);
    const broken = bundle([indicator(1)]).replace('"pattern_type"', '"pattern_type" "x",');
    const err = await parse(broken).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnparseableFileError);
    expect((err as UnparseableFileError).line).toBe(12);
  });

  it('limits field size, object size and nesting per object, and reads on', async () => {
    const rows = await parse(
      bundle([
        indicator(1, { description: 'x'.repeat(100_001) }),
        indicator(2, { x_deep: JSON.parse(`${'['.repeat(40)}${']'.repeat(40)}`) as unknown }),
        indicator(3, { x_big: Array.from({ length: 20 }, () => 'y'.repeat(60_000)) }),
        indicator(4),
      ]),
      65_536,
    );
    expect(rows.map((r) => (r.ok ? 'ok' : r.errors[0]!.message))).toEqual([
      'description is longer than 100000 characters',
      expect.stringMatching(/^x_deep(\.0)+ nests deeper than 32$/),
      'the object is larger than 1048576 characters',
      'ok',
    ]);
    expect(rows[0]).toMatchObject({ sourceRecordId: `indicator--${uuid(1)}` });
  });

  it('turns NUL characters and unpaired surrogates into row errors', async () => {
    const text = bundle([indicator(1, { name: 'a\u0000b' }), indicator(2)]).replace(
      `"valid_from": "${T}"\n    }\n  ]`,
      `"valid_from": "${T}", "description": "\\udc00"\n    }\n  ]`,
    );
    const rows = await parse(text);
    expect(rows.map((r) => (r.ok ? 'ok' : r.errors[0]))).toEqual([
      { line: 5, field: 'title', message: 'contains a NUL character' },
      { line: 16, field: 'narrative', message: 'contains an unpaired UTF-16 surrogate' },
    ]);
  });

  it('handles ReDoS-crafted type and extension names in milliseconds', async () => {
    // 28 such characters take seconds with the upstream pattern; 60 would hang it.
    const crafted = `${'a'.repeat(60)}!`;
    const objects = [
      { ...indicator(1), type: crafted },
      { type: crafted, id: `${crafted}--${uuid(2)}`, value: 'x' },
      indicator(3, { extensions: { [`${crafted}-ext`]: { a: 1 } } }),
      indicator(4),
    ];
    const started = performance.now();
    const rows = await parse(bundle(objects));
    expect(performance.now() - started).toBeLessThan(1000);
    // Objects of unknown types are not records; the crafted extension name is refused.
    expect(rows.map((r) => (r.ok ? 'ok' : r.errors[0]!.field))).toEqual([
      `extensions.${crafted}-ext`,
      'ok',
    ]);
  });

  it('waits for forward references within a bounded window, in file order', async () => {
    const creator = identity(1, 'Creator');
    const early = indicator(2, { created_by_ref: creator.id });
    const filler = Array.from({ length: 10_050 }, (_, i) => indicator(100 + i));
    const late = indicator(50_000, { created_by_ref: identity(3).id });
    const objects = [early, creator, identity(3), ...filler, late];
    const rows = await parse(bundle(objects, false), 65_536);
    expect(rows.every((r) => r.ok)).toBe(true);
    const ids = okRows(rows).map((r) => r.sourceRecordId);
    expect(ids.length).toBe(10_053);
    // The creator follows `early` closely: it is attached, and not a record of its own.
    // Identity 3 left the window before `late` referred to it: it became a record, and
    // `late` still names it.
    expect(ids.filter((id) => id.startsWith('identity--'))).toEqual([identity(3).id]);
    const reporter = (id: string) => {
      const body = okRows(rows).find((r) => r.sourceRecordId === id)!.body;
      return (body['observations'] as { role: string; attributes: { name?: string } }[])[0];
    };
    expect(reporter(early.id)).toEqual({
      type: 'organization',
      role: 'reporting_party',
      attributes: { name: 'Creator' },
    });
    expect(reporter(late.id)).toMatchObject({
      role: 'reporting_party',
      attributes: { name: 'Org 3' },
    });
  });
});
