/**
 * CSV intake with a mapping file (docs/ingest-mapping.md). The mapping is checked before the file
 * is read and against the header row before any data row; each data row then becomes a
 * create-record body or a list of errors naming the column at fault.
 */
import { checkMapping, bindMapping, type BoundMapping } from './csv-mapping-bind.ts';
import { loadCsvMapping, type CsvMapping } from './csv-mapping.ts';
import { readCsvRecords } from './csv-records.ts';
import { buildBody } from './csv-row.ts';
import type { RowContext } from './csv-values.ts';
import { stringProblem } from './limits.ts';
import {
  resolveLimits,
  rowError,
  UnparseableFileError,
  WHOLE_ROW,
  type Limits,
  type ParsedRow,
  type ParserOptions,
  type RowError,
} from './types.ts';

export type CsvParserOptions = ParserOptions & {
  /** The mapping file's text (YAML or JSON), or a mapping already loaded. */
  mapping: string | CsvMapping;
  /** Check the mapping, the header and the record structure, but build no bodies. */
  structureOnly?: boolean;
};

export async function* parseCsv(
  input: AsyncIterable<Buffer | string>,
  opts: CsvParserOptions,
): AsyncGenerator<ParsedRow> {
  const mapping = typeof opts.mapping === 'string' ? loadCsvMapping(opts.mapping) : opts.mapping;
  const dates = checkMapping(mapping);
  const limits = resolveLimits({ ...opts, timezone: mapping.timezone ?? opts.timezone });
  let bound: BoundMapping | undefined;
  const records = readCsvRecords(input, {
    delimiter: mapping.delimiter,
    quote: mapping.quote,
    limits,
  });
  for await (const item of records) {
    if (item.error !== undefined) {
      if (!bound)
        throw new UnparseableFileError(`the header row cannot be read: ${item.error}`, item.line);
      yield rowError(item.line, [{ line: item.line, field: WHOLE_ROW, message: item.error }]);
      continue;
    }
    if (!bound) {
      bound = bindMapping(mapping, item.cells.map(cleanHeader), dates);
      continue;
    }
    if (opts.structureOnly || item.cells.every((c) => c.trim() === '')) continue;
    yield parseRow(bound, item.cells, item.line, limits);
  }
  if (!bound) throw new UnparseableFileError('the file has no header row');
}

function cleanHeader(name: string): string {
  return name.trim();
}

function parseRow(bound: BoundMapping, cells: string[], line: number, limits: Limits): ParsedRow {
  const errors: RowError[] = [];
  const checked = new Map<string, string | undefined>();
  const ctx: RowContext = {
    line,
    errors,
    timezone: limits.timezone,
    dates: bound.dates,
    maxFieldChars: limits.maxFieldChars,
    cell: (column) => {
      if (checked.has(column)) return checked.get(column);
      const raw = cells[bound.columns.get(column)!] ?? '';
      const problem = stringProblem(raw, limits.maxFieldChars);
      if (problem) errors.push({ line, field: column, message: `the cell ${problem}` });
      const value = problem || raw.trim() === '' ? undefined : raw.trim();
      checked.set(column, value);
      return value;
    },
  };
  // Every string in the body comes from a checked cell, a length-checked template or the
  // mapping itself, so the body needs no second walk.
  const built = buildBody(bound, ctx);
  if (built) return { ok: true, line, sourceRecordId: built.sourceRecordId, body: built.body };
  const column = idColumn(bound);
  const id = column === undefined ? undefined : ctx.cell(column);
  return rowError(line, errors, id !== undefined && id.length <= 200 ? id : undefined);
}

/** The column holding the record id, to label a failed row in the error report. */
function idColumn(bound: BoundMapping): string | undefined {
  const spec = bound.mapping.sourceRecordId;
  return spec.kind === 'column' && bound.columns.has(spec.column) ? spec.column : undefined;
}
