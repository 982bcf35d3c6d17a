/**
 * Checks a mapping beyond its shape: field names that exist for the record kind and entity
 * type, date formats that compile, name splitting where it makes sense, and finally every
 * column it names against the file's header row.
 */
import { markingSchema } from '../../../access/markings.ts';
import { observationAttributeSchemas } from '../../entities/observation-types.ts';
import { RECORD_KINDS, recordPayloadSchemas } from '../../records/record-kinds.ts';
import type { CsvMapping, FieldSpec, MappingIssue } from './csv-mapping.ts';
import { MappingError } from './csv-mapping.ts';
import { compileDateFormat, type DateReader } from './dates.ts';
import { NAME_ORDERS } from './names.ts';

export type BoundMapping = {
  mapping: CsvMapping;
  /** `fixed` as JSON, parsed afresh for each row so rows never share objects. */
  fixedJson: string;
  columns: ReadonlyMap<string, number>;
  dates: ReadonlyMap<string, DateReader>;
};

type Visit = (spec: FieldSpec, path: string) => void;

function walkSpec(spec: FieldSpec | undefined, path: string, visit: Visit): void {
  if (!spec) return;
  visit(spec, path);
  if (spec.kind === 'list')
    spec['~items'].forEach((s, i) => {
      walkSpec(s, `${path}[${i}]`, visit);
    });
  if (spec.kind === 'nested')
    for (const [k, s] of Object.entries(spec['~fields'])) walkSpec(s, `${path}.${k}`, visit);
}

/** Every field spec of the mapping with its path, for the checks below. */
function walkMapping(m: CsvMapping, visit: Visit): void {
  const top = ['sourceRecordId', 'title', 'narrative', 'occurredFrom', 'occurredTo'] as const;
  for (const key of top) walkSpec(m[key], key, visit);
  for (const key of ['status', 'informationCategory', 'disposition', 'notifyOwnerOnHit'] as const)
    walkSpec(m[key], key, visit);
  if (m.location) {
    walkSpec(m.location.lat, 'location.lat', visit);
    walkSpec(m.location.lon, 'location.lon', visit);
    walkSpec(m.location.address, 'location.address', visit);
  }
  walkSpec(m.markings, 'markings', visit);
  walkSpec(m.payload, 'payload', visit);
  m.entities.forEach((e, i) => {
    for (const [k, s] of Object.entries(e.attributes))
      walkSpec(s, `entities[${i}].attributes.${k}`, visit);
  });
}

const templateCache = new Map<string, string[]>();

/** The columns a template names; mappings hold few templates, so each is read once. */
export function templateColumns(template: string): string[] {
  let columns = templateCache.get(template);
  if (!columns) {
    columns = [...template.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!.trim());
    if (templateCache.size > 1000) templateCache.clear();
    templateCache.set(template, columns);
  }
  return columns;
}

/** Semantic checks that need no header; throws MappingError listing every problem. */
export function checkMapping(m: CsvMapping): Map<string, DateReader> {
  const issues: MappingIssue[] = [];
  const dates = new Map<string, DateReader>();
  walkMapping(m, (spec, path) => {
    if (spec.kind !== 'column' || spec.format === undefined || dates.has(spec.format)) return;
    try {
      dates.set(spec.format, compileDateFormat(spec.format));
    } catch (err) {
      issues.push({ path: `${path}.format`, message: (err as Error).message });
    }
  });
  checkObjectKeys(m.markings, 'markings', Object.keys(markingSchema.shape), issues);
  // With the kind read from a column, a payload field need only exist for some kind.
  const kinds = typeof m.kind === 'string' ? [m.kind] : RECORD_KINDS;
  const payloadFields = new Set(kinds.flatMap((k) => Object.keys(recordPayloadSchemas[k].shape)));
  checkObjectKeys(m.payload, 'payload', [...payloadFields], issues);
  m.entities.forEach((e, i) => {
    const allowed = Object.keys(observationAttributeSchemas[e.type].shape);
    for (const [name, spec] of Object.entries(e.attributes)) {
      const path = `entities[${i}].attributes.${name}`;
      if (e.type === 'person' && name === 'name') checkNameSpec(spec, path, issues);
      else if (!allowed.includes(name))
        issues.push({ path, message: `is not an attribute of ${e.type} (${allowed.join(', ')})` });
    }
  });
  if (issues.length > 0) throw new MappingError(issues);
  return dates;
}

function checkObjectKeys(
  spec: FieldSpec | undefined,
  path: string,
  allowed: string[],
  issues: MappingIssue[],
): void {
  if (!spec) return;
  if (spec.kind !== 'nested') {
    issues.push({ path, message: 'must be an object of fields' });
    return;
  }
  for (const key of Object.keys(spec['~fields']))
    if (!allowed.includes(key))
      issues.push({ path: `${path}.${key}`, message: `is not one of ${allowed.join(', ')}` });
}

function checkNameSpec(spec: FieldSpec, path: string, issues: MappingIssue[]): void {
  const order = spec.kind === 'column' ? spec.split : undefined;
  if (!order || !(NAME_ORDERS as readonly string[]).includes(order))
    issues.push({
      path,
      message: `must be { column, split: ${NAME_ORDERS.join(' | ')} }`,
    });
}

/** Ties the mapping to the header: every named column must be there, exactly once. */
export function bindMapping(
  mapping: CsvMapping,
  header: readonly string[],
  dates: Map<string, DateReader>,
): BoundMapping {
  const columns = new Map<string, number>();
  const duplicates = new Set<string>();
  header.forEach((name, i) => {
    if (columns.has(name)) duplicates.add(name);
    else columns.set(name, i);
  });
  const issues: MappingIssue[] = [];
  const need = (column: string, path: string) => {
    if (!columns.has(column))
      issues.push({ path, message: `names column "${column}", which the header does not have` });
    else if (duplicates.has(column))
      issues.push({ path, message: `names column "${column}", which the header has twice` });
  };
  if (typeof mapping.kind !== 'string') need(mapping.kind.column, 'kind.column');
  mapping.entities.forEach((e, i) => {
    if (typeof e.role !== 'string') need(e.role.column, `entities[${i}].role.column`);
  });
  walkMapping(mapping, (spec, path) => {
    if (spec.kind === 'column') need(spec.column, path);
    if (spec.kind === 'template')
      for (const c of templateColumns(spec.template)) need(c, `${path}.template`);
  });
  if (issues.length > 0) throw new MappingError(issues);
  return { mapping, fixedJson: JSON.stringify(mapping.fixed ?? {}), columns, dates };
}
