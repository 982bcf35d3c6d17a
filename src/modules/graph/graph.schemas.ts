import { z } from 'zod';
import { OBSERVATION_ROLES, OBSERVATION_TYPES } from '../entities/observation-types.ts';
import { RECORD_KINDS } from '../records/record-kinds.ts';
import { isoDateTimeSchema } from '../../shared/time.ts';

export const MAX_HOPS = 3;
export const MAX_PATH_HOPS = 4;
export const DEFAULT_MAX_NODES = 500;
export const MAX_NODES = 2000;

/**
 * Query strings carry lists as `a,b,c` (or the key repeated) and booleans as true/false;
 * JSON bodies carry real arrays and booleans. One schema serves both.
 */
const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.split(',').filter((s) => s !== '') : v),
    z.array(z.enum(values)).min(1).max(values.length),
  );
const flag = z.preprocess(
  (v) => (v === 'true' ? true : v === 'false' ? false : v),
  z.boolean({ message: 'must be true or false' }),
);
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** What counts: which entities may be nodes, which records support edges. */
const filterShape = {
  entityTypes: list(OBSERVATION_TYPES).optional(),
  recordKinds: list(RECORD_KINDS).optional(),
  /** Only records that occurred in this range count (records without a date then do not). */
  occurredAfter: isoDateTimeSchema.optional(),
  occurredBefore: isoDateTimeSchema.optional(),
  /** A co-occurrence edge needs at least this many shared records. */
  minWeight: int(1, 10_000).default(1),
};

const fromBeforeTo = (f: {
  occurredAfter?: string | undefined;
  occurredBefore?: string | undefined;
}) =>
  f.occurredAfter === undefined ||
  f.occurredBefore === undefined ||
  new Date(f.occurredAfter) <= new Date(f.occurredBefore);
const fromBeforeToIssue = {
  message: 'occurredAfter must not be later than occurredBefore',
  path: ['occurredBefore'],
};

export const expandShape = {
  entityId: z.uuid({ message: 'must be a UUID' }).optional(),
  recordId: z.uuid({ message: 'must be a UUID' }).optional(),
  hops: int(1, MAX_HOPS).default(2),
  maxNodes: int(1, MAX_NODES).default(DEFAULT_MAX_NODES),
  /** Records as nodes (with appears-in edges); off gives the entity network alone. */
  includeRecords: flag.default(true),
  /** Communities (Louvain) and centrality (degree, betweenness) on the returned graph. */
  structure: flag.default(false),
  ...filterShape,
};

const oneSeed = (b: { entityId?: string | undefined; recordId?: string | undefined }) =>
  (b.entityId === undefined) !== (b.recordId === undefined);
const oneSeedIssue = { message: 'give exactly one of entityId and recordId', path: ['entityId'] };

export const expandRequestSchema = z
  .object(expandShape)
  .strict()
  .refine(oneSeed, oneSeedIssue)
  .refine(fromBeforeTo, fromBeforeToIssue);
export type ExpandRequest = z.infer<typeof expandRequestSchema>;
export type GraphFilter = Pick<
  ExpandRequest,
  'entityTypes' | 'recordKinds' | 'occurredAfter' | 'occurredBefore' | 'minWeight'
>;

export const EXPORT_FORMATS = ['json', 'graphml'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const exportRequestSchema = z
  .object({ ...expandShape, format: z.enum(EXPORT_FORMATS).default('json') })
  .strict()
  .refine(oneSeed, oneSeedIssue)
  .refine(fromBeforeTo, fromBeforeToIssue);
export type ExportRequest = z.infer<typeof exportRequestSchema>;

export const pathsRequestSchema = z
  .object({
    from: z.uuid({ message: 'must be a UUID' }),
    to: z.uuid({ message: 'must be a UUID' }),
    maxHops: int(1, MAX_PATH_HOPS).default(3),
    maxPaths: int(1, 50).default(10),
    ...filterShape,
  })
  .strict()
  .refine(fromBeforeTo, fromBeforeToIssue);
export type PathsRequest = z.infer<typeof pathsRequestSchema>;

export const structureRequestSchema = z
  .object({
    nodeIds: z
      .array(z.uuid({ message: 'must be a UUID' }))
      .min(1)
      .max(MAX_NODES),
    ...filterShape,
  })
  .strict()
  .refine(fromBeforeTo, fromBeforeToIssue);
export type StructureRequest = z.infer<typeof structureRequestSchema>;

const structureFields = {
  /** Louvain community (seeded, so the same graph always gets the same numbering). */
  community: z.number().int().optional(),
  /** Degree centrality: neighbours / (nodes - 1). */
  degree: z.number().optional(),
  /** Betweenness centrality, normalised, on hops (edge weights ignored); up to 1,000 nodes. */
  betweenness: z.number().optional(),
};

export const graphNodeSchema = z
  .discriminatedUnion('kind', [
    z.object({
      id: z.uuid(),
      kind: z.literal('entity'),
      entityType: z.enum(OBSERVATION_TYPES),
      /** Built only from observations the viewer may see. */
      label: z.string(),
      /** Hops from the seed (0 for the seed); null where the node was named by the caller. */
      hop: z.number().int().nullable(),
      ...structureFields,
    }),
    z.object({
      id: z.uuid(),
      kind: z.literal('record'),
      recordKind: z.enum(RECORD_KINDS),
      label: z.string(),
      occurredFrom: z.date().nullable(),
      ownerAgencyId: z.uuid(),
      ...structureFields,
    }),
  ])
  .meta({ id: 'GraphNode' });

export const graphEdgeSchema = z
  .discriminatedUnion('kind', [
    z.object({
      id: z.string(),
      kind: z.literal('appears_in'),
      source: z.uuid(),
      target: z.uuid(),
      roles: z.array(z.enum(OBSERVATION_ROLES)),
    }),
    z.object({
      id: z.string(),
      kind: z.literal('co_occurs'),
      source: z.uuid(),
      target: z.uuid(),
      /** Visible records (within the filters) both entities appear in. */
      weight: z.number().int(),
      /** Up to 10 of those records, latest first. */
      recordIds: z.array(z.uuid()),
    }),
    z.object({
      id: z.string(),
      kind: z.literal('link'),
      source: z.uuid(),
      target: z.uuid(),
      link: z.object({
        id: z.uuid(),
        label: z.string(),
        source: z.string(),
        ownerAgencyId: z.uuid(),
        createdByUserId: z.uuid().nullable(),
        createdAt: z.date(),
      }),
    }),
  ])
  .meta({ id: 'GraphEdge' });

export const graphSchema = z
  .object({
    seed: z.object({ kind: z.enum(['entity', 'record']), id: z.uuid() }).nullable(),
    nodes: z.array(graphNodeSchema),
    edges: z.array(graphEdgeSchema),
    /** True when the node or edge cap cut the graph; `cut` says what was left out. */
    truncated: z.boolean(),
    cut: z.object({
      entities: z.number().int(),
      records: z.number().int(),
      edges: z.number().int(),
      /** The hop at which entities were cut (later hops were not expanded). */
      atHop: z.number().int().nullable(),
      hopsNotExpanded: z.number().int(),
    }),
    structure: z
      .object({
        communities: z.number().int(),
        modularity: z.number(),
        /** False above 1,000 nodes: betweenness was not computed (see docs/graph.md). */
        betweenness: z.boolean(),
      })
      .nullable(),
  })
  .meta({ id: 'Graph' });

const pathRecordSchema = z.object({
  id: z.uuid(),
  recordKind: z.enum(RECORD_KINDS),
  label: z.string(),
  occurredFrom: z.date().nullable(),
  ownerAgencyId: z.uuid(),
});

export const pathsResponseSchema = z
  .object({
    /** The entities compared (after following merges). */
    from: z.uuid(),
    to: z.uuid(),
    /** Hops of the shortest paths; null when none exists within maxHops. */
    length: z.number().int().nullable(),
    /** Each path as its node ids, from `from` to `to`. */
    paths: z.array(z.array(z.uuid())),
    morePaths: z.boolean(),
    /** The search stopped at its exploration bound (a very connected neighbourhood). */
    searchLimited: z.boolean(),
    nodes: z.array(
      z.object({
        id: z.uuid(),
        entityType: z.enum(OBSERVATION_TYPES),
        label: z.string(),
        hop: z.number().int(),
      }),
    ),
    edges: z.array(
      z.object({
        source: z.uuid(),
        target: z.uuid(),
        /** Visible records (within the filters) both entities appear in. */
        weight: z.number().int(),
        /** Up to 20 of them, latest first. */
        records: z.array(pathRecordSchema),
        links: z.array(
          z.object({
            id: z.uuid(),
            label: z.string(),
            source: z.string(),
            fromEntityId: z.uuid(),
            toEntityId: z.uuid(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'GraphPaths' });
