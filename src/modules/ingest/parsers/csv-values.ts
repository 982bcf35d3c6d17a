/**
 * Evaluates one field spec of a CSV mapping against one row. An empty cell is absent, and
 * a nested object or list built only from absent cells is absent too, so an entity whose
 * columns are all empty produces no observation. Problems are collected, never thrown.
 */
import {
  HOW_OBSERVED,
  SAR_BEHAVIOUR_CODES,
  TARGET_SECTORS,
  TIP_CLASSES,
  TIP_DOMAINS,
} from '../../records/sar-codes.ts';
import type { CodeList, ColumnSpec, FieldSpec } from './csv-mapping.ts';
import { templateColumns } from './csv-mapping-bind.ts';
import { toDateOnly, toUtcIso, type DateReader } from './dates.ts';
import type { RowError } from './types.ts';

export type DateMode = 'date' | 'datetime';

export type RowContext = {
  line: number;
  /** The trimmed cell, or undefined when the cell is empty. */
  cell: (column: string) => string | undefined;
  errors: RowError[];
  timezone: string;
  dates: ReadonlyMap<string, DateReader>;
  maxFieldChars: number;
};

/** A value and the columns it came from; `fromData` is false for fixed values. */
export type Evaluated = { value: unknown; columns: string[]; fromData: boolean };

const CODES: Record<CodeList, { values: readonly string[]; label: string; upper: boolean }> = {
  'sar-behaviours': { values: SAR_BEHAVIOUR_CODES, label: 'ISE-SAR behaviour', upper: true },
  'target-sectors': { values: TARGET_SECTORS, label: 'target sector', upper: true },
  'tip-classes': { values: TIP_CLASSES, label: 'tip class', upper: true },
  'tip-domains': { values: TIP_DOMAINS, label: 'tip domain', upper: true },
  'how-observed': { values: HOW_OBSERVED, label: 'how-observed', upper: false },
};

const BOOLEANS: Record<string, boolean> = {
  true: true,
  yes: true,
  y: true,
  '1': true,
  false: false,
  no: false,
  n: false,
  '0': false,
};

/** Shows a cell in an error message without copying a whole field into the report. */
export function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}

export type EvalOptions = { target: string; dateMode: DateMode; codes?: CodeList | undefined };

export function evaluate(spec: FieldSpec, ctx: RowContext, o: EvalOptions): Evaluated | undefined {
  switch (spec.kind) {
    case 'value':
      return { value: spec.value, columns: [], fromData: false };
    case 'template':
      return renderTemplate(spec.template, ctx, o);
    case 'column':
      return evaluateColumn(spec, ctx, o);
    case 'list':
      return evaluateList(spec['~items'], ctx, o);
    case 'nested':
      return evaluateNested(spec['~fields'], ctx, o);
  }
}

function renderTemplate(template: string, ctx: RowContext, o: EvalOptions): Evaluated | undefined {
  const columns = templateColumns(template);
  if (columns.every((c) => ctx.cell(c) === undefined)) return undefined;
  const text = template
    .replace(/\{([^{}]+)\}/g, (_m, name: string) => ctx.cell(name.trim()) ?? '')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
  // Each cell was checked on its own; joined they can still outgrow the field limit.
  if (text.length > ctx.maxFieldChars) {
    const message = `${o.target}: the templated text is longer than ${ctx.maxFieldChars} characters`;
    ctx.errors.push({ line: ctx.line, field: columns.join('+'), message });
    return undefined;
  }
  return { value: text, columns, fromData: true };
}

function evaluateColumn(spec: ColumnSpec, ctx: RowContext, o: EvalOptions): Evaluated | undefined {
  const raw = ctx.cell(spec.column);
  if (raw === undefined) return undefined;
  const items =
    spec.split === undefined
      ? [raw]
      : raw
          .split(spec.split)
          .map((s) => s.trim())
          .filter((s) => s !== '');
  const values: unknown[] = [];
  let failed = false;
  for (const item of items) {
    const c = convertItem(item, spec, ctx, o);
    if ('error' in c) {
      ctx.errors.push({ line: ctx.line, field: spec.column, message: `${o.target}: ${c.error}` });
      failed = true;
    } else values.push(c.value);
  }
  if (failed || values.length === 0) return undefined;
  const value = spec.split === undefined ? values[0] : values;
  return { value, columns: [spec.column], fromData: true };
}

type Converted = { value: unknown } | { error: string };

function convertItem(raw: string, spec: ColumnSpec, ctx: RowContext, o: EvalOptions): Converted {
  let text = spec.map?.[raw] ?? raw;
  const codes = spec.codes ?? o.codes;
  if (codes) {
    const list = CODES[codes];
    const normal = list.upper ? text.toUpperCase() : text.toLowerCase();
    if (!list.values.includes(normal))
      return { error: `unknown ${list.label} code ${quote(text)}` };
    text = normal;
  }
  if (spec.format !== undefined) return convertDate(text, spec.format, ctx, o);
  switch (spec.type) {
    case 'integer':
      return /^[+-]?\d{1,15}$/.test(text)
        ? { value: Number(text) }
        : { error: `${quote(text)} is not a whole number` };
    case 'number': {
      const n = Number(text.replace(/,/g, ''));
      return Number.isFinite(n) ? { value: n } : { error: `${quote(text)} is not a number` };
    }
    case 'boolean': {
      const b = BOOLEANS[text.toLowerCase()];
      return b === undefined ? { error: `${quote(text)} is not yes/no` } : { value: b };
    }
    case 'string':
    case undefined:
      return { value: text };
  }
}

function convertDate(text: string, format: string, ctx: RowContext, o: EvalOptions): Converted {
  // A birth date may be known only to the year or month (DOMAIN.md), kept as written.
  if (o.dateMode === 'date' && format === 'iso' && /^\d{4}(-(0[1-9]|1[0-2]))?$/.test(text))
    return { value: text };
  const t = ctx.dates.get(format)?.(text);
  if (!t) return { error: `${quote(text)} is not a date in the format ${format}` };
  if (o.dateMode === 'date') return { value: toDateOnly(t) };
  const iso = toUtcIso(t, ctx.timezone);
  return iso === undefined
    ? { error: `${quote(text)} is outside the years 1 to 9999` }
    : { value: iso };
}

function evaluateList(items: FieldSpec[], ctx: RowContext, o: EvalOptions): Evaluated | undefined {
  const values: unknown[] = [];
  const columns: string[] = [];
  let fromData = false;
  for (const [i, item] of items.entries()) {
    const r = evaluate(item, ctx, { ...o, target: `${o.target}[${i}]` });
    if (!r) continue;
    if (Array.isArray(r.value)) values.push(...(r.value as unknown[]));
    else values.push(r.value);
    columns.push(...r.columns);
    fromData ||= r.fromData;
  }
  return fromData ? { value: values, columns, fromData } : undefined;
}

function evaluateNested(
  fields: Record<string, FieldSpec>,
  ctx: RowContext,
  o: EvalOptions,
): Evaluated | undefined {
  const value: Record<string, unknown> = {};
  const columns: string[] = [];
  let fromData = false;
  for (const [key, spec] of Object.entries(fields)) {
    const r = evaluate(spec, ctx, { ...o, target: `${o.target}.${key}` });
    if (!r) continue;
    value[key] = r.value;
    columns.push(...r.columns);
    fromData ||= r.fromData;
  }
  return fromData ? { value, columns, fromData } : undefined;
}
