/**
 * The contract every intake parser keeps: bytes in, rows out, memory bounded by the limits
 * below whatever the file's size. Parsers build a create-record body (the body of
 * `POST /api/v1/records`) but do not validate it against the record schemas; the ingest
 * pipeline does that, so a parser reports only what it can see itself.
 */

export type RowError = { line: number; field: string; message: string };

export type ParsedRow =
  | { ok: true; line: number; sourceRecordId: string; body: Record<string, unknown> }
  | { ok: false; line: number; sourceRecordId?: string; errors: RowError[] };

export type ParserOptions = {
  /** Longest string value, in UTF-16 code units. */
  maxFieldChars?: number;
  /** Longest row (line, record, report or STIX object), in bytes or characters of input. */
  maxRowBytes?: number;
  /** Deepest nesting of objects, arrays or XML elements inside one row. */
  maxDepth?: number;
  /** IANA zone for date-times written without an offset (CSV mapping may override). */
  timezone?: string;
};

export type Limits = Required<ParserOptions>;

export type Parser = (
  input: AsyncIterable<Buffer | string>,
  opts: ParserOptions,
) => AsyncIterable<ParsedRow>;

export const DEFAULT_LIMITS: Limits = Object.freeze({
  maxFieldChars: 100_000,
  maxRowBytes: 1_048_576,
  maxDepth: 32,
  timezone: 'UTC',
});

export function resolveLimits(opts: ParserOptions): Limits {
  return {
    maxFieldChars: opts.maxFieldChars ?? DEFAULT_LIMITS.maxFieldChars,
    maxRowBytes: opts.maxRowBytes ?? DEFAULT_LIMITS.maxRowBytes,
    maxDepth: opts.maxDepth ?? DEFAULT_LIMITS.maxDepth,
    timezone: opts.timezone ?? DEFAULT_LIMITS.timezone,
  };
}

/**
 * The file as a whole cannot be read: nothing of it may be committed. The message is meant
 * for the person who sent the file and never quotes file content beyond a short token.
 */
export class UnparseableFileError extends Error {
  readonly line: number | undefined;

  constructor(message: string, line?: number) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'UnparseableFileError';
    this.line = line;
  }
}

/** The field name used when an error concerns the whole row rather than one field. */
export const WHOLE_ROW = '(row)';

export function rowError(
  line: number,
  errors: RowError[],
  sourceRecordId?: string,
): Extract<ParsedRow, { ok: false }> {
  return sourceRecordId === undefined
    ? { ok: false, line, errors }
    : { ok: false, line, sourceRecordId, errors };
}
