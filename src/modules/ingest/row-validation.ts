import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Marking } from '../../access/markings.ts';
import { AppError } from '../../shared/errors.ts';
import { prepareRecord } from '../records/record-preparation.ts';
import { createRecordBodySchema } from '../records/records.schemas.ts';
import type { PreparedRecord } from '../records/record-rows.ts';

export type RowError = { line: number; field: string; message: string; sourceRecordId?: string };
export type IngestRow = { line: number; sourceRecordId: string; body: Record<string, unknown> };
export type ValidRow = { line: number; record: PreparedRecord; contentHash: string };

export type SourceContext = {
  sourceId: string;
  agencyId: string;
  defaultMarkings: Marking;
  /** Who records the rows were written by: the user who started the job. */
  authorUserId: string;
};

/**
 * Validates one parsed row exactly as the API validates a record body: the envelope, then
 * the kind's payload and each observation. A row without markings takes the source's.
 */
export function validateRow(row: IngestRow, source: SourceContext): ValidRow | RowError[] {
  const { sourceRecordId: _id, ...rest } = row.body;
  // A row may set some markings (a STIX TLP, a mapped caveat); the source fills the rest.
  const own = rest['markings'];
  const markings =
    typeof own === 'object' && own !== null
      ? { ...source.defaultMarkings, ...own }
      : source.defaultMarkings;
  const body = { ...rest, markings };
  const parsed = createRecordBodySchema.safeParse(body);
  if (!parsed.success) {
    return parsed.error.issues.map((i) => ({
      line: row.line,
      field: i.path.join('.') || '(record)',
      message: i.message,
      sourceRecordId: row.sourceRecordId,
    }));
  }
  const b = parsed.data;
  try {
    const record = prepareRecord(b, {
      ownerAgencyId: source.agencyId,
      createdByUserId: source.authorUserId,
      source: source.sourceId,
      sourceRecordId: row.sourceRecordId,
    });
    return { line: row.line, record, contentHash: contentHashOf(b) };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const issues = (err.details?.['errors'] ?? []) as { path: string; message: string }[];
    return issues.map((i) => ({
      line: row.line,
      field: i.path,
      message: i.message,
      sourceRecordId: row.sourceRecordId,
    }));
  }
}

/** SHA-256 of the canonical JSON of the validated body: equal content, equal hash. */
export function contentHashOf(body: unknown): string {
  return createHash('sha256')
    .update(canonicalize(body) ?? '')
    .digest('hex');
}
