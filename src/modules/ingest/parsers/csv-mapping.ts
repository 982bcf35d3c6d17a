/**
 * The CSV mapping file (YAML or JSON): which column feeds which field of the record body.
 * The grammar is documented in docs/ingest-mapping.md. A mapping is checked in two steps: its own
 * shape here (zod, before the file is opened), then against the CSV header in
 * csv-mapping-bind.ts. Either failure is a MappingError and no row is read.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { OBSERVATION_ROLES, OBSERVATION_TYPES } from '../../entities/observation-types.ts';
import { RECORD_KINDS } from '../../records/record-kinds.ts';
import { isKnownTimeZone } from './time-zones.ts';
import { UnparseableFileError } from './types.ts';

export const CODE_LISTS = [
  'sar-behaviours',
  'target-sectors',
  'tip-classes',
  'tip-domains',
  'how-observed',
] as const;
export type CodeList = (typeof CODE_LISTS)[number];
export const VALUE_TYPES = ['string', 'integer', 'number', 'boolean'] as const;

export type ColumnSpec = {
  kind: 'column';
  column: string;
  split?: string | undefined;
  format?: string | undefined;
  type?: (typeof VALUE_TYPES)[number] | undefined;
  map?: Record<string, string> | undefined;
  codes?: CodeList | undefined;
};
export type FieldSpec =
  | ColumnSpec
  | { kind: 'template'; template: string }
  | { kind: 'value'; value: z.core.util.JSONType }
  | { kind: 'list'; '~items': FieldSpec[] }
  | { kind: 'nested'; '~fields': Record<string, FieldSpec> };

const VALUE_KEYS = ['column', 'template', 'value'];
const OPTION_KEYS = ['split', 'format', 'type', 'map', 'codes'];

/** Tags the short forms so zod can dispatch on `kind` and report errors precisely. */
function tagFieldSpec(input: unknown): unknown {
  if (typeof input === 'string') return { kind: 'column', column: input };
  if (Array.isArray(input)) return { kind: 'list', '~items': input };
  if (input === null || typeof input !== 'object') return input;
  const keys = Object.keys(input);
  // `{ fields: {…} }` spells out an object whose own keys would read as options (`value`).
  if (keys.length === 1 && keys[0] === 'fields')
    return { kind: 'nested', '~fields': (input as { fields: unknown }).fields };
  const valueKey = VALUE_KEYS.find((k) => keys.includes(k));
  if (valueKey) return { kind: valueKey, ...input };
  if (keys.some((k) => OPTION_KEYS.includes(k))) return { kind: 'column', ...input };
  return { kind: 'nested', '~fields': input };
}

const columnName = z.string().trim().min(1).max(200);

export const fieldSpecSchema: z.ZodType<FieldSpec> = z.lazy(() =>
  z.preprocess(
    tagFieldSpec,
    z.discriminatedUnion(
      'kind',
      [
        z
          .object({
            kind: z.literal('column'),
            column: columnName,
            split: z.string().min(1).max(10).optional(),
            format: z.string().min(1).max(60).optional(),
            type: z.enum(VALUE_TYPES).optional(),
            map: z.record(z.string().max(200), z.string().max(200)).optional(),
            codes: z.enum(CODE_LISTS).optional(),
          })
          .strict(),
        z
          .object({
            kind: z.literal('template'),
            template: z
              .string()
              .min(1)
              .max(2000)
              .regex(/\{[^{}]+\}/, 'names no {column}'),
          })
          .strict(),
        z.object({ kind: z.literal('value'), value: z.json() }).strict(),
        z.object({ kind: z.literal('list'), '~items': z.array(fieldSpecSchema).min(1).max(50) }),
        z.object({
          kind: z.literal('nested'),
          '~fields': z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/), fieldSpecSchema),
        }),
      ],
      { error: 'expected a column name, {column}, {template}, {value}, a list or an object' },
    ),
  ),
);

const chooser = <T extends readonly [string, ...string[]]>(values: T) =>
  z.union(
    [
      z.enum(values),
      z
        .object({ column: columnName, map: z.record(z.string(), z.enum(values)).optional() })
        .strict(),
    ],
    { error: `must be one of ${values.join(', ')}, or { column, map }` },
  );

export const entitySpecSchema = z
  .object({
    type: z.enum(OBSERVATION_TYPES),
    role: chooser(OBSERVATION_ROLES).default('mentioned'),
    attributes: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/), fieldSpecSchema),
  })
  .strict();
export type EntitySpec = z.infer<typeof entitySpecSchema>;

/** Body fields `fixed` may set; kind and the id come only from their own keys. */
export const FIXABLE_FIELDS = [
  'title',
  'narrative',
  'occurredFrom',
  'occurredTo',
  'location',
  'markings',
  'payload',
  'status',
  'informationCategory',
  'disposition',
  'notifyOwnerOnHit',
] as const;

export const csvMappingSchema = z
  .object({
    version: z.literal(1).optional(),
    delimiter: z.string().length(1).default(','),
    quote: z.string().length(1).default('"'),
    timezone: z.string().refine(isKnownTimeZone, 'is not a known IANA time zone').optional(),
    sourceRecordId: fieldSpecSchema,
    kind: chooser(RECORD_KINDS),
    title: fieldSpecSchema,
    narrative: fieldSpecSchema.optional(),
    occurredFrom: fieldSpecSchema.optional(),
    occurredTo: fieldSpecSchema.optional(),
    location: z
      .object({ lat: fieldSpecSchema, lon: fieldSpecSchema, address: fieldSpecSchema.optional() })
      .strict()
      .optional(),
    status: fieldSpecSchema.optional(),
    informationCategory: fieldSpecSchema.optional(),
    disposition: fieldSpecSchema.optional(),
    notifyOwnerOnHit: fieldSpecSchema.optional(),
    markings: fieldSpecSchema.optional(),
    payload: fieldSpecSchema.optional(),
    fixed: z.partialRecord(z.enum(FIXABLE_FIELDS), z.json()).optional(),
    entities: z.array(entitySpecSchema).max(100).default([]),
  })
  .strict();
export type CsvMapping = z.infer<typeof csvMappingSchema>;

export type MappingIssue = { path: string; message: string };

/** The mapping cannot be used: thrown before any row is read, naming each bad field. */
export class MappingError extends UnparseableFileError {
  readonly issues: MappingIssue[];

  constructor(issues: MappingIssue[]) {
    super(`invalid CSV mapping: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'MappingError';
    this.issues = issues;
  }
}

const MAX_MAPPING_CHARS = 1_000_000;

/** Parses mapping text (YAML, of which JSON is a subset) and checks its shape. */
export function loadCsvMapping(text: string): CsvMapping {
  if (text.trim() === '') throw new MappingError([{ path: '(mapping)', message: 'is empty' }]);
  if (text.length > MAX_MAPPING_CHARS)
    throw new MappingError([{ path: '(mapping)', message: 'is larger than 1 MB' }]);
  let raw: unknown;
  try {
    // yaml caps alias expansion by default, so a billion-laughs mapping fails here.
    raw = parseYaml(text, { uniqueKeys: true, maxAliasCount: 100 });
  } catch (err) {
    const detail = err instanceof Error ? err.message.split('\n')[0] : 'unreadable';
    throw new MappingError([{ path: '(mapping)', message: `not valid YAML or JSON: ${detail}` }]);
  }
  const parsed = csvMappingSchema.safeParse(raw);
  if (!parsed.success) {
    throw new MappingError(
      parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    );
  }
  return parsed.data;
}

/** `entities.0.attributes.address.~fields.city` reads as `entities[0].attributes.address.city`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (seg === '~fields' || seg === '~items') continue;
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out || '(mapping)';
}
