/**
 * Streams CSV records with their first line number through csv-parse. Bad records
 * (inconsistent field counts, broken quoting, over-long rows) come out as located errors
 * in line order with the good ones, so the caller never sees csv-parse's own exceptions.
 */
import { Readable } from 'node:stream';
import { parse, type CsvError, type Info } from 'csv-parse';
import { RecordGuard } from './csv-guard.ts';
import { decodeUtf8 } from './text-chunks.ts';
import { UnparseableFileError, type Limits } from './types.ts';

export type CsvItem =
  { line: number; cells: string[]; error?: undefined } | { line: number; error: string };

type Options = { delimiter: string; quote: string; limits: Limits };
type Parsed = { record: string[]; info: Info; raw: string };

/** Lines a record spans before its last one: skipped blank lines and its terminator aside. */
function innerBreaks(raw: string | undefined): number {
  if (!raw) return 0;
  const body = raw.replace(/^\n+/, '').replace(/\n$/, '');
  return body.split('\n').length - 1;
}

function describe(err: CsvError): string {
  const message = err.message.replace(/ (at|on) line \d+/, '');
  return `malformed CSV: ${message}`;
}

function createParser(o: Options, onSkip: (err: CsvError, raw: string | undefined) => void) {
  return parse({
    delimiter: o.delimiter,
    quote: o.quote,
    escape: o.quote,
    // The guard has turned every line break into LF.
    record_delimiter: '\n',
    bom: true,
    info: true,
    raw: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // Only a backstop: the guard drops long rows first, and csv-parse stops reading after this.
    max_record_size: o.limits.maxRowBytes * 2 + 1024,
    on_skip: (err, raw) => {
      if (err) onSkip(err, raw);
      return undefined;
    },
  });
}

export async function* readCsvRecords(
  input: AsyncIterable<Buffer | string>,
  o: Options,
): AsyncGenerator<CsvItem> {
  const pending: CsvItem[] = [];
  let fatal: UnparseableFileError | undefined;
  const guard = new RecordGuard(o.delimiter, o.quote, o.limits.maxRowBytes, (line, reason) => {
    pending.push({ line, error: reason });
  });
  const parser = createParser(o, (err, raw) => {
    const line = Math.max(1, Number(err['lines'] ?? 1) - innerBreaks(raw));
    // Without a header no row can be read; past the size backstop csv-parse reads no more.
    if (err.code === 'CSV_MAX_RECORD_SIZE' || parser.info.records === 0)
      fatal ??= new UnparseableFileError(describe(err), line);
    else pending.push({ line, error: describe(err) });
  });
  const source = Readable.from(guarded(input, guard), { objectMode: false });
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);
  try {
    for await (const item of parser as AsyncIterable<Parsed>) {
      if (fatal) throw fatal;
      const line = item.info.lines - innerBreaks(item.raw);
      yield* drain(pending, line);
      yield { line, cells: item.record };
    }
    yield* drain(pending, Infinity);
    if (fatal) throw fatal;
  } finally {
    source.destroy();
    parser.destroy();
  }
}

/** Errors found ahead of the record about to be yielded, in line order. */
function* drain(pending: CsvItem[], beforeLine: number): Generator<CsvItem> {
  pending.sort((a, b) => a.line - b.line);
  while (pending.length > 0 && pending[0]!.line < beforeLine) yield pending.shift()!;
}

async function* guarded(
  input: AsyncIterable<Buffer | string>,
  guard: RecordGuard,
): AsyncGenerator<string> {
  for await (const text of decodeUtf8(input)) {
    const out = guard.feed(text);
    if (out) yield out;
  }
  const rest = guard.end();
  if (rest) yield rest;
}
