/**
 * One CSV row to one create-record body, following a bound mapping. Every field that can
 * be checked against the record schemas is checked here, one field at a time, so an error
 * names the column it came from rather than a path the person who sent the file never saw.
 */
import { z } from 'zod';
import { markingSchema } from '../../../access/markings.ts';
import {
  OBSERVATION_ROLES,
  observationAttributeSchemas,
} from '../../entities/observation-types.ts';
import { RECORD_KINDS, recordPayloadSchemas, type RecordKind } from '../../records/record-kinds.ts';
import { createRecordBodySchema } from '../../records/records.schemas.ts';
import { templateColumns, type BoundMapping } from './csv-mapping-bind.ts';
import type { CodeList, EntitySpec, FieldSpec } from './csv-mapping.ts';
import { evaluate, quote, type Evaluated, type RowContext } from './csv-values.ts';
import { splitName, type NameOrder } from './names.ts';

const AUTO_CODES: Record<string, CodeList> = {
  behaviours: 'sar-behaviours',
  targetSectors: 'target-sectors',
  tipClasses: 'tip-classes',
  tipDomain: 'tip-domains',
  howObserved: 'how-observed',
};
const DATETIME_PAYLOAD_FIELDS = new Set(['validFrom', 'validUntil']);
const MAX_SOURCE_RECORD_ID = 200;
const bodyShape = createRecordBodySchema.shape;

type Built = { sourceRecordId: string; body: Record<string, unknown> };

export function buildBody(bound: BoundMapping, ctx: RowContext): Built | undefined {
  const m = bound.mapping;
  const body = JSON.parse(bound.fixedJson) as Record<string, unknown>;
  const id = required(m.sourceRecordId, 'sourceRecordId', ctx, MAX_SOURCE_RECORD_ID);
  const kind = chooseKind(bound, ctx);
  const title = required(m.title, 'title', ctx, 500);
  if (kind) body['kind'] = kind;
  if (title !== undefined) body['title'] = title;
  setChecked(body, 'narrative', m.narrative, ctx);
  for (const key of ['occurredFrom', 'occurredTo'] as const) setChecked(body, key, m[key], ctx);
  for (const key of ['status', 'informationCategory', 'disposition'] as const)
    setChecked(body, key, m[key], ctx);
  setChecked(body, 'notifyOwnerOnHit', m.notifyOwnerOnHit, ctx);
  const observations = buildLocation(bound, ctx, body);
  mergeFields(body, 'markings', m.markings, ctx, markingSchema.shape);
  if (kind) mergeFields(body, 'payload', m.payload, ctx, recordPayloadSchemas[kind].shape);
  observations.push(...m.entities.flatMap((e) => buildObservation(e, ctx)));
  if (observations.length > 0) body['observations'] = observations;
  if (id === undefined || kind === undefined || title === undefined || ctx.errors.length > 0)
    return undefined;
  body['sourceRecordId'] = id;
  return { sourceRecordId: id, body };
}

function fieldOf(r: Evaluated | undefined, fallback: string): string {
  return r && r.columns.length > 0 ? r.columns.join('+') : fallback;
}

/** The columns a spec reads, to name them when the value turned out empty. */
function columnsOf(spec: FieldSpec): string[] {
  if (spec.kind === 'column') return [spec.column];
  return spec.kind === 'template' ? templateColumns(spec.template) : [];
}

function required(
  spec: FieldSpec,
  target: string,
  ctx: RowContext,
  max: number,
): string | undefined {
  const r = evaluate(spec, ctx, { target, dateMode: 'date' });
  const text = typeof r?.value === 'string' ? r.value.trim() : undefined;
  const problem =
    text === undefined || text === ''
      ? 'is required but empty'
      : text.length > max
        ? `is longer than ${max} characters`
        : undefined;
  if (!problem) return text;
  const columns = columnsOf(spec);
  // A cell already reported as unusable reads as empty; one error for it is enough.
  if (ctx.errors.some((e) => columns.includes(e.field))) return undefined;
  const field = fieldOf(r, columns.join('+') || target);
  ctx.errors.push({ line: ctx.line, field, message: `${target} ${problem}` });
  return undefined;
}

function chooseKind(bound: BoundMapping, ctx: RowContext): RecordKind | undefined {
  const spec = bound.mapping.kind;
  if (typeof spec === 'string') return spec;
  const raw = ctx.cell(spec.column);
  const kind = raw === undefined ? undefined : (spec.map?.[raw] ?? raw);
  if (kind !== undefined && (RECORD_KINDS as readonly string[]).includes(kind))
    return kind as RecordKind;
  const message = raw === undefined ? 'kind is required but empty' : `unknown kind ${quote(raw)}`;
  ctx.errors.push({ line: ctx.line, field: spec.column, message });
  return undefined;
}

/** Evaluates a field and checks it with the body schema's own rule for that field. */
function checkValue(
  r: Evaluated,
  schema: z.ZodType | undefined,
  target: string,
  ctx: RowContext,
): boolean {
  if (!schema) return true;
  const result = schema.safeParse(r.value);
  if (result.success) return true;
  const issue = result.error.issues[0]!;
  const where = issue.path.length > 0 ? `${target}.${issue.path.join('.')}` : target;
  ctx.errors.push({
    line: ctx.line,
    field: fieldOf(r, target),
    message: `${where}: ${issue.message}`,
  });
  return false;
}

function setChecked(
  body: Record<string, unknown>,
  key: keyof typeof bodyShape,
  spec: FieldSpec | undefined,
  ctx: RowContext,
): void {
  if (!spec) return;
  const dateMode = key === 'occurredFrom' || key === 'occurredTo' ? 'datetime' : 'date';
  const r = evaluate(spec, ctx, { target: key, dateMode });
  if (r && checkValue(r, bodyShape[key], key, ctx)) body[key] = r.value;
}

/** Markings and payload: fixed values stay, mapped fields overlay them one by one. */
function mergeFields(
  body: Record<string, unknown>,
  key: 'markings' | 'payload',
  spec: FieldSpec | undefined,
  ctx: RowContext,
  shape: Record<string, z.ZodType>,
): void {
  if (spec?.kind !== 'nested') return;
  const existing = body[key];
  const target: Record<string, unknown> =
    existing !== null && typeof existing === 'object' ? { ...existing } : {};
  for (const [field, fieldSpec] of Object.entries(spec['~fields'])) {
    // With the kind read from a column, fields of other kinds' payloads are left out.
    if (!(field in shape)) continue;
    const path = `${key}.${field}`;
    const dateMode = key === 'payload' && DATETIME_PAYLOAD_FIELDS.has(field) ? 'datetime' : 'date';
    const codes = key === 'payload' ? AUTO_CODES[field] : undefined;
    const r = evaluate(fieldSpec, ctx, { target: path, dateMode, codes });
    if (r && checkValue(r, shape[field], path, ctx)) target[field] = r.value;
  }
  if (Object.keys(target).length > 0) body[key] = target;
}

/** Coordinates go to `location`; an address without them becomes a location observation. */
function buildLocation(
  bound: BoundMapping,
  ctx: RowContext,
  body: Record<string, unknown>,
): Record<string, unknown>[] {
  const spec = bound.mapping.location;
  if (!spec) return [];
  const opts = { dateMode: 'date' as const };
  const lat = evaluate(spec.lat, ctx, { ...opts, target: 'location.lat' });
  const lon = evaluate(spec.lon, ctx, { ...opts, target: 'location.lon' });
  const address =
    spec.address && evaluate(spec.address, ctx, { ...opts, target: 'location.address' });
  const addressText = typeof address?.value === 'string' ? address.value : undefined;
  if (!lat && !lon) {
    return addressText
      ? [{ type: 'location', role: 'mentioned', attributes: { name: addressText } }]
      : [];
  }
  const latN = coordinate(lat, 90, 'location.lat', ctx);
  const lonN = coordinate(lon, 180, 'location.lon', ctx);
  if (latN === undefined || lonN === undefined) return [];
  body['location'] = addressText
    ? { lat: latN, lon: lonN, address: addressText }
    : { lat: latN, lon: lonN };
  return [];
}

function coordinate(
  r: Evaluated | undefined,
  limit: number,
  target: string,
  ctx: RowContext,
): number | undefined {
  const n = typeof r?.value === 'number' ? r.value : Number(r?.value);
  if (r?.value !== undefined && r.value !== '' && Number.isFinite(n) && Math.abs(n) <= limit)
    return n;
  const message = r
    ? `${target}: ${quote(String(r.value))} is not between -${limit} and ${limit}`
    : `${target} is empty while the other coordinate is given`;
  ctx.errors.push({ line: ctx.line, field: fieldOf(r, target), message });
  return undefined;
}

function buildObservation(entity: EntitySpec, ctx: RowContext): Record<string, unknown>[] {
  const shape = observationAttributeSchemas[entity.type].shape as Record<string, z.ZodType>;
  const attributes: Record<string, unknown> = {};
  let fromData = false;
  for (const [name, spec] of Object.entries(entity.attributes)) {
    const target = `${entity.type}.${name}`;
    const r = evaluate(spec, ctx, { target, dateMode: 'date' });
    if (!r) continue;
    fromData ||= r.fromData;
    // Only a person's `name` is split into given/middle/surname; an organisation's is its name.
    if (entity.type === 'person' && name === 'name' && spec.kind === 'column') {
      const parts = splitName(String(r.value), spec.split as NameOrder);
      for (const [k, v] of Object.entries(parts)) {
        const part = { ...r, value: v };
        if (attributes[k] === undefined && checkValue(part, shape[k], `${entity.type}.${k}`, ctx))
          attributes[k] = v;
      }
    } else if (checkValue(r, shape[name], target, ctx)) attributes[name] = r.value;
  }
  if (!fromData) return [];
  const role = chooseRole(entity, ctx);
  return role ? [{ type: entity.type, role, attributes }] : [];
}

function chooseRole(entity: EntitySpec, ctx: RowContext): string | undefined {
  if (typeof entity.role === 'string') return entity.role;
  const raw = ctx.cell(entity.role.column);
  if (raw === undefined) return 'mentioned';
  const role = entity.role.map?.[raw] ?? raw;
  const r = { value: role, columns: [entity.role.column], fromData: true };
  return checkValue(r, roleSchema, `${entity.type}.role`, ctx) ? role : undefined;
}

const roleSchema = z.enum(OBSERVATION_ROLES);
