/**
 * NDJSON intake: one JSON object per line, exactly the body of `POST /api/v1/records` plus
 * its `sourceRecordId`. Lines are split as bytes (see byte-lines.ts) and each line is
 * decoded and parsed on its own, so one bad line never affects another.
 */
import { splitByteLines } from './byte-lines.ts';
import { inspectValue } from './limits.ts';
import {
  resolveLimits,
  rowError,
  WHOLE_ROW,
  type Limits,
  type ParsedRow,
  type ParserOptions,
  type RowError,
} from './types.ts';

const MAX_SOURCE_RECORD_ID = 200;
const BOM = 0xfeff;

export async function* parseNdjson(
  input: AsyncIterable<Buffer | string>,
  opts: ParserOptions,
): AsyncGenerator<ParsedRow> {
  const limits = resolveLimits(opts);
  // Fatal decoding: an invalid byte is reported on its own line instead of silently altered.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  for await (const item of splitByteLines(input, limits.maxRowBytes)) {
    if (item.overLimit) {
      yield tooLong(item.line, limits);
      continue;
    }
    let text: string;
    try {
      text = decoder.decode(item.bytes);
    } catch {
      yield rowError(item.line, [
        { line: item.line, field: WHOLE_ROW, message: 'the line is not valid UTF-8' },
      ]);
      continue;
    }
    if (item.line === 1 && text.charCodeAt(0) === BOM) text = text.slice(1);
    if (text.trim() === '') continue;
    yield parseLine(text, item.line, limits);
  }
}

function tooLong(line: number, limits: Limits): ParsedRow {
  return rowError(line, [
    { line, field: WHOLE_ROW, message: `the line is longer than ${limits.maxRowBytes} bytes` },
  ]);
}

/** One line to one row: syntax, storable strings, then the record id. */
export function parseLine(text: string, line: number, limits: Limits): ParsedRow {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const detail = err instanceof SyntaxError ? err.message : 'unreadable';
    return rowError(line, [{ line, field: WHOLE_ROW, message: `malformed JSON: ${detail}` }]);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return rowError(line, [{ line, field: WHOLE_ROW, message: 'each line must be a JSON object' }]);
  }
  const record = value as Record<string, unknown>;
  const errors: RowError[] = inspectValue(record, limits).map((i) => ({
    line,
    field: i.path,
    message: i.message,
  }));
  const rawId = record['sourceRecordId'];
  const idError = checkSourceRecordId(rawId);
  if (idError) errors.push({ line, field: 'sourceRecordId', message: idError });
  const idIsClean = !idError && !errors.some((e) => e.field === 'sourceRecordId');
  const id = idIsClean && typeof rawId === 'string' ? rawId.trim() : undefined;
  if (errors.length > 0 || id === undefined) return rowError(line, errors, id);
  return { ok: true, line, sourceRecordId: id, body: { ...record, sourceRecordId: id } };
}

function checkSourceRecordId(value: unknown): string | undefined {
  if (value === undefined) return 'is required';
  if (typeof value !== 'string') return 'must be a string';
  const id = value.trim();
  if (id === '') return 'must not be empty';
  if (id.length > MAX_SOURCE_RECORD_ID) return `must be at most ${MAX_SOURCE_RECORD_ID} characters`;
  return undefined;
}
