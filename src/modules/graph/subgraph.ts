/**
 * Turns what the database said (who appears in which visible record, which visible analyst
 * links exist) into the edges of a returned graph and the records worth showing as nodes.
 * Pure, so the rules about weights, priorities and caps are tested without a database.
 */
import type { ObservationRole, ObservationType } from '../entities/observation-types.ts';
import type { RecordKind } from '../records/record-kinds.ts';
import type { Incidence } from './graph.repository.ts';
import type { LinkRow } from './links.repository.ts';
import type { NodeStructure } from './structure.ts';

/** Edges beyond this are cut, weakest co-occurrences first. */
export const MAX_EDGES = 20_000;
/** Supporting record ids listed on a co-occurrence edge (its weight counts them all). */
export const EDGE_RECORD_SAMPLE = 10;

export type GraphNode = (
  | { id: string; kind: 'entity'; entityType: ObservationType; label: string; hop: number | null }
  | {
      id: string;
      kind: 'record';
      recordKind: RecordKind;
      label: string;
      occurredFrom: Date | null;
      ownerAgencyId: string;
    }
) &
  Partial<NodeStructure>;

export type GraphEdge =
  | { id: string; kind: 'appears_in'; source: string; target: string; roles: ObservationRole[] }
  | {
      id: string;
      kind: 'co_occurs';
      source: string;
      target: string;
      weight: number;
      recordIds: string[];
    }
  | {
      id: string;
      kind: 'link';
      source: string;
      target: string;
      link: Pick<
        LinkRow,
        'id' | 'label' | 'source' | 'ownerAgencyId' | 'createdByUserId' | 'createdAt'
      >;
    };

type CoOccurrence = { a: string; b: string; records: { id: string; at: number }[] };

/** Entity pairs that share records passing the filters, at least `minWeight` of them. */
export function coOccurrences(incidence: readonly Incidence[], minWeight: number): CoOccurrence[] {
  const byRecord = new Map<string, { entities: string[]; at: number }>();
  for (const row of incidence) {
    if (!row.supports) continue;
    let rec = byRecord.get(row.recordId);
    if (!rec) {
      rec = { entities: [], at: row.occurredFrom?.getTime() ?? -Infinity };
      byRecord.set(row.recordId, rec);
    }
    rec.entities.push(row.entityId);
  }
  const pairs = new Map<string, CoOccurrence>();
  for (const [recordId, { entities, at }] of byRecord) {
    const sorted = [...new Set(entities)].sort();
    for (let i = 0; i < sorted.length; i++)
      for (let j = i + 1; j < sorted.length; j++) {
        const a = sorted[i]!;
        const b = sorted[j]!;
        const key = `${a}:${b}`;
        let pair = pairs.get(key);
        if (!pair) pairs.set(key, (pair = { a, b, records: [] }));
        pair.records.push({ id: recordId, at });
      }
  }
  return [...pairs.values()]
    .filter((p) => p.records.length >= minWeight)
    .sort((x, y) => y.records.length - x.records.length || cmp(x.a, y.a) || cmp(x.b, y.b));
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

export type RecordChoice = {
  seedRecord: string | null;
  seedEntity: string | null;
  linkedRecords: readonly string[];
  room: number;
};

/**
 * Records shown as nodes, best first: the seed record, records an analyst linked, then records
 * that support a returned co-occurrence edge or hold the seed entity, those joining the most
 * entities first, then the latest. Returns the chosen ids and how many were left out.
 */
export function chooseRecords(
  incidence: readonly Incidence[],
  edges: readonly CoOccurrence[],
  choice: RecordChoice,
): { ids: string[]; cut: number } {
  const supporting = new Set(edges.flatMap((e) => e.records.map((r) => r.id)));
  const stats = new Map<string, { n: number; at: number; seedEntity: boolean }>();
  for (const row of incidence) {
    const s = stats.get(row.recordId) ?? { n: 0, at: -Infinity, seedEntity: false };
    s.n++;
    s.at = Math.max(s.at, row.occurredFrom?.getTime() ?? -Infinity);
    s.seedEntity ||= row.entityId === choice.seedEntity;
    stats.set(row.recordId, s);
  }
  const linked = new Set(choice.linkedRecords);
  const rank = (id: string) =>
    id === choice.seedRecord ? 0 : linked.has(id) ? 1 : stats.get(id)?.seedEntity ? 2 : 3;
  const candidates = new Set<string>([
    ...(choice.seedRecord ? [choice.seedRecord] : []),
    ...linked,
    ...[...stats].filter(([id, s]) => s.seedEntity || supporting.has(id)).map(([id]) => id),
  ]);
  const ordered = [...candidates].sort((x, y) => {
    const sx = stats.get(x);
    const sy = stats.get(y);
    return (
      rank(x) - rank(y) ||
      (sy?.n ?? 0) - (sx?.n ?? 0) ||
      (sy?.at ?? -Infinity) - (sx?.at ?? -Infinity) ||
      cmp(x, y)
    );
  });
  const room = Math.max(choice.room, 0);
  return { ids: ordered.slice(0, room), cut: Math.max(ordered.length - room, 0) };
}

/** Every edge between the given nodes, capped at MAX_EDGES (weakest co-occurrences cut). */
export function edgesBetween(
  entities: ReadonlySet<string>,
  records: ReadonlySet<string>,
  incidence: readonly Incidence[],
  coOccurring: readonly CoOccurrence[],
  links: readonly LinkRow[],
): { edges: GraphEdge[]; cut: number } {
  const appears: GraphEdge[] = incidence
    .filter((row) => records.has(row.recordId) && entities.has(row.entityId))
    .map((row) => ({
      id: `appears:${row.entityId}:${row.recordId}`,
      kind: 'appears_in',
      source: row.entityId,
      target: row.recordId,
      roles: row.roles,
    }));
  const linkEdges: GraphEdge[] = links
    .filter((l) => entities.has(l.fromEntityId))
    .flatMap((l) => {
      const target = l.toEntityId ?? l.toRecordId;
      if (target === null || !(entities.has(target) || records.has(target))) return [];
      const { id, label, source, ownerAgencyId, createdByUserId, createdAt } = l;
      return [
        {
          id: `link:${id}`,
          kind: 'link' as const,
          source: l.fromEntityId,
          target,
          link: { id, label, source, ownerAgencyId, createdByUserId, createdAt },
        },
      ];
    });
  const co: GraphEdge[] = coOccurring
    .filter((p) => entities.has(p.a) && entities.has(p.b))
    .map((p) => ({
      id: `co:${p.a}:${p.b}`,
      kind: 'co_occurs',
      source: p.a,
      target: p.b,
      weight: p.records.length,
      recordIds: [...p.records]
        .sort((x, y) => y.at - x.at || cmp(x.id, y.id))
        .slice(0, EDGE_RECORD_SAMPLE)
        .map((r) => r.id),
    }));
  const room = Math.max(MAX_EDGES - appears.length - linkEdges.length, 0);
  return {
    edges: [...linkEdges, ...appears, ...co.slice(0, room)],
    cut: Math.max(co.length - room, 0),
  };
}
