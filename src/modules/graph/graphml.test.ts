import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toGraphml } from './graphml.ts';
import { parseGraphml } from './graphml.test-helpers.ts';
import type { GraphEdge, GraphNode } from './subgraph.ts';

/** XML 1.0's Char production, written independently of the serializer (code point by code point). */
function xmlSafe(s: string): string {
  return Array.from(s)
    .map((ch) => {
      const cp = ch.codePointAt(0)!;
      const ok =
        cp === 0x9 ||
        cp === 0xa ||
        cp === 0xd ||
        (cp >= 0x20 && cp <= 0xd7ff) ||
        (cp >= 0xe000 && cp <= 0xfffd) ||
        cp >= 0x10000;
      return ok ? ch : '\uFFFD';
    })
    .join('');
}

const entity = (id: string, label: string): GraphNode => ({
  id,
  kind: 'entity',
  entityType: 'person',
  label,
  hop: 1,
  community: 0,
  degree: 0.5,
  betweenness: 0,
});
const A = '018f0000-0000-7000-8000-00000000000a';
const B = '018f0000-0000-7000-8000-00000000000b';
const R = '018f0000-0000-7000-8000-0000000000cc';

describe('GraphML export', () => {
  it('declares every key, marks co-occurrence undirected, and reads back with an XML parser', () => {
    const nodes: GraphNode[] = [
      entity(A, 'O\'Brien & "Sons" <LLC>'),
      entity(B, 'Tab\there\r\nnew line'),
      {
        id: R,
        kind: 'record',
        recordKind: 'sar',
        label: 'SAR: ]]> </graph> &amp;',
        occurredFrom: new Date('2026-03-01T02:00:00Z'),
        ownerAgencyId: A,
      },
    ];
    const edges: GraphEdge[] = [
      { id: `co:${A}:${B}`, kind: 'co_occurs', source: A, target: B, weight: 3, recordIds: [R] },
      {
        id: `appears:${A}:${R}`,
        kind: 'appears_in',
        source: A,
        target: R,
        roles: ['subject', 'witness'],
      },
      {
        id: `link:${R}`,
        kind: 'link',
        source: A,
        target: B,
        link: {
          id: R,
          label: 'brother <of>',
          source: 'interview & notes',
          ownerAgencyId: A,
          createdByUserId: null,
          createdAt: new Date(0),
        },
      },
    ];
    const parsed = parseGraphml(toGraphml({ nodes, edges }));
    const keyName = (id: string) => parsed.keys.get(id)?.name;
    const named = (data: Record<string, string>) =>
      Object.fromEntries(Object.entries(data).map(([k, v]) => [keyName(k), v]));
    expect(parsed.nodes.map((n) => named(n.data)['label'])).toEqual([
      'O\'Brien & "Sons" <LLC>',
      'Tab\there\r\nnew line',
      'SAR: ]]> </graph> &amp;',
    ]);
    expect(named(parsed.nodes[2]!.data)).toMatchObject({
      kind: 'record',
      recordKind: 'sar',
      occurredFrom: '2026-03-01T02:00:00.000Z',
    });
    expect(named(parsed.nodes[0]!.data)).toMatchObject({ hop: '1', degree: '0.5', community: '0' });
    expect(
      parsed.edges.map((e) => [e.source, e.target, e.directed, named(e.data)['kind']]),
    ).toEqual([
      [A, B, 'false', 'co_occurs'],
      [A, R, undefined, 'appears_in'],
      [A, B, undefined, 'link'],
    ]);
    expect(named(parsed.edges[0]!.data)).toMatchObject({ weight: '3', recordIds: R });
    expect(named(parsed.edges[1]!.data)).toMatchObject({ roles: 'subject,witness', weight: '1' });
    expect(named(parsed.edges[2]!.data)).toMatchObject({
      label: 'brother <of>',
      justification: 'interview & notes',
    });
    expect(
      [...parsed.keys.values()].every((k) => ['string', 'int', 'double'].includes(k.type)),
    ).toBe(true);
  });

  it('any label survives the round trip, characters XML cannot carry replaced by U+FFFD', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.string({ unit: 'grapheme', maxLength: 20 }),
        (a, b) => {
          const parsed = parseGraphml(
            toGraphml({ nodes: [entity(A, a), entity(B, b)], edges: [] }),
          );
          const labelKey = [...parsed.keys].find(
            ([, k]) => k.for === 'node' && k.name === 'label',
          )![0];
          // Empty data elements read back as '' and are still written (a label is always a string).
          expect(parsed.nodes.map((n) => n.data[labelKey] ?? '')).toEqual([xmlSafe(a), xmlSafe(b)]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
