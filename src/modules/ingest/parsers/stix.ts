/**
 * STIX 2.1 bundle intake. The bundle's `objects` array is streamed one object at a time;
 * indicators, observed data and threat actors become `cyber_indicator` records, identities
 * become observations on the records they created (or records of their own when nothing
 * within reach refers to them), and cyber observables feed observed data.
 *
 * References may point forward, so objects wait in an ordered window until what they
 * refer to has been seen, the window is full, or the bundle ends. Rows therefore come out
 * in file order, and memory is bounded by the window rather than by the bundle.
 */
import { readJsonArrayMembers } from './json-bundle-reader.ts';
import { inspectValue } from './limits.ts';
import {
  identityBody,
  indicatorBody,
  observedDataBody,
  scoObservables,
  threatActorBody,
  type Identity,
  type Lookup,
  type Observable,
} from './stix-map.ts';
import { scoSchemas, sdoSchemas, SCO_TYPES, type ScoType } from './stix-validate.ts';
import {
  resolveLimits,
  rowError,
  UnparseableFileError,
  WHOLE_ROW,
  type Limits,
  type ParsedRow,
  type ParserOptions,
} from './types.ts';

const WINDOW_OBJECTS = 10_000;
const WINDOW_CHARS = 64 * 1024 * 1024;
const CACHE_LIMIT = 200_000;

type Entry =
  | { kind: 'row'; row: ParsedRow }
  | {
      kind: 'record';
      line: number;
      size: number;
      waitsFor: string[];
      build: () => Record<string, unknown>;
    }
  | { kind: 'identity'; line: number; size: number; identity: Identity };

type Bundle = {
  limits: Limits;
  window: Entry[];
  /** Index of the window's first entry: shifting a 10,000-entry array per object is slow. */
  head: number;
  windowChars: number;
  identities: Map<string, Identity>;
  observables: Map<string, Observable[]>;
  referenced: Set<string>;
  lookup: Lookup;
};

export async function* parseStix(
  input: AsyncIterable<Buffer | string>,
  opts: ParserOptions,
): AsyncGenerator<ParsedRow> {
  const b = newBundle(resolveLimits(opts));
  let envelopeType: unknown;
  for await (const item of readJsonArrayMembers(input, 'objects', b.limits)) {
    if (item.kind === 'envelope') {
      if (item.key === 'type') envelopeType = item.value;
      if (item.key === 'type' && item.value !== 'bundle')
        throw new UnparseableFileError('not a STIX bundle: "type" must be "bundle"');
      continue;
    }
    if (item.kind === 'oversized') {
      const id = typeof item.id === 'string' ? item.id : undefined;
      push(b, {
        kind: 'row',
        row: rowError(
          item.line,
          [{ line: item.line, field: WHOLE_ROW, message: item.problem }],
          id,
        ),
      });
    } else {
      accept(b, item.value, item.line, item.size);
    }
    yield* release(b, false);
  }
  if (envelopeType !== 'bundle')
    throw new UnparseableFileError('not a STIX bundle: "type": "bundle" is missing');
  yield* release(b, true);
}

function newBundle(limits: Limits): Bundle {
  const identities = new Map<string, Identity>();
  const observables = new Map<string, Observable[]>();
  return {
    limits,
    window: [],
    head: 0,
    windowChars: 0,
    identities,
    observables,
    referenced: new Set(),
    lookup: { identity: (id) => identities.get(id), observables: (id) => observables.get(id) },
  };
}

function push(b: Bundle, entry: Entry): void {
  b.window.push(entry);
  if (entry.kind !== 'row') b.windowChars += entry.size;
}

function invalid(
  line: number,
  id: unknown,
  issues: { path: PropertyKey[]; message: string }[],
): Entry {
  const errors = issues.slice(0, 20).map((i) => ({
    line,
    field: i.path.map(String).join('.') || WHOLE_ROW,
    message: i.message,
  }));
  const sourceRecordId = typeof id === 'string' && id.length <= 200 ? id : undefined;
  return { kind: 'row', row: rowError(line, errors, sourceRecordId) };
}

/** Validates one bundle object and queues what it turns into. */
function accept(b: Bundle, value: unknown, line: number, size: number): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    push(
      b,
      invalid(line, undefined, [{ path: [], message: 'a bundle object must be a JSON object' }]),
    );
    return;
  }
  const object = value as Record<string, unknown>;
  const type = object['type'];
  if (typeof type !== 'string') {
    push(b, invalid(line, object['id'], [{ path: ['type'], message: 'is required' }]));
    return;
  }
  if ((SCO_TYPES as string[]).includes(type)) acceptObservable(b, type as ScoType, object, line);
  else if (type in sdoSchemas) acceptSdo(b, type as keyof typeof sdoSchemas, object, line, size);
}

function acceptObservable(
  b: Bundle,
  type: ScoType,
  object: Record<string, unknown>,
  line: number,
): void {
  const parsed = scoSchemas[type].safeParse(object);
  if (!parsed.success) {
    push(b, invalid(line, object['id'], parsed.error.issues));
    return;
  }
  if (b.observables.size < CACHE_LIMIT)
    b.observables.set(parsed.data.id, scoObservables(parsed.data));
}

function acceptSdo(
  b: Bundle,
  type: keyof typeof sdoSchemas,
  object: Record<string, unknown>,
  line: number,
  size: number,
): void {
  const parsed = sdoSchemas[type].safeParse(object);
  if (!parsed.success) {
    push(b, invalid(line, object['id'], parsed.error.issues));
    return;
  }
  const o = parsed.data;
  if (o.type === 'identity') {
    if (b.identities.size < CACHE_LIMIT) b.identities.set(o.id, o);
    push(b, { kind: 'identity', line, size, identity: o });
    return;
  }
  const waitsFor = o.created_by_ref === undefined ? [] : [o.created_by_ref];
  if (o.created_by_ref !== undefined && b.referenced.size < CACHE_LIMIT)
    b.referenced.add(o.created_by_ref);
  let build: () => Record<string, unknown>;
  if (o.type === 'indicator') build = () => indicatorBody(o, b.lookup);
  else if (o.type === 'threat-actor') build = () => threatActorBody(o, b.lookup);
  else {
    const refs = (o.object_refs ?? []).filter((r) => SCO_TYPES.some((t) => r.startsWith(`${t}--`)));
    waitsFor.push(...refs);
    const embedded = Object.values(o.objects ?? {}).flatMap((sco) => scoObservables(sco));
    build = () => observedDataBody(o, b.lookup, embedded);
  }
  push(b, { kind: 'record', line, size, waitsFor, build });
}

function isReady(b: Bundle, entry: Entry): boolean {
  switch (entry.kind) {
    case 'row':
      return true;
    case 'record':
      return entry.waitsFor.every((id) => b.identities.has(id) || b.observables.has(id));
    case 'identity':
      return b.referenced.has(entry.identity.id);
  }
}

/** Yields from the head of the window while ready, or everything when forced. */
function* release(b: Bundle, all: boolean): Generator<ParsedRow> {
  while (b.head < b.window.length) {
    const head = b.window[b.head]!;
    const waiting = b.window.length - b.head;
    const full = waiting > WINDOW_OBJECTS || b.windowChars > WINDOW_CHARS;
    if (!all && !full && !isReady(b, head)) break;
    b.head++;
    if (head.kind !== 'row') b.windowChars -= head.size;
    const row = toRow(b, head);
    if (row) yield row;
  }
  if (b.head > 1024 && b.head * 2 > b.window.length) {
    b.window = b.window.slice(b.head);
    b.head = 0;
  }
}

function toRow(b: Bundle, entry: Entry): ParsedRow | undefined {
  if (entry.kind === 'row') return entry.row;
  if (entry.kind === 'identity' && b.referenced.has(entry.identity.id)) return undefined;
  const body = entry.kind === 'identity' ? identityBody(entry.identity, b.lookup) : entry.build();
  const id = body['sourceRecordId'] as string;
  const line = entry.line;
  const errors = inspectValue(body, b.limits).map((i) => ({
    line,
    field: i.path,
    message: i.message,
  }));
  if (id.length > 200)
    errors.push({
      line,
      field: 'id',
      message: 'a STIX id longer than 200 characters cannot be a record id',
    });
  const payload = body['payload'] as { pattern?: string; observables?: unknown[] };
  if (payload.pattern === undefined && !payload.observables?.length)
    errors.push({
      line,
      field: 'object_refs',
      message: `names no observable of a type read here (${SCO_TYPES.join(', ')})`,
    });
  if (errors.length > 0) return rowError(line, errors, id.length <= 200 ? id : undefined);
  return { ok: true, line, sourceRecordId: id, body };
}
