import type { Batch } from './ingest-batch.ts';
import type { ParsedRow } from './parsers/types.ts';
import { validateRow, type SourceContext } from './row-validation.ts';

/**
 * Input bytes after which a batch is cut whatever its row count. Rows may be up to 1 MiB
 * each (`maxRowBytes`), so a count alone would let a batch of large rows hold a gigabyte;
 * with this bound the rows a job holds (two batches prepared ahead, two committing) stay
 * bounded whatever the rows' size. Demo-world rows (about 1 KB) never reach it.
 */
export const MAX_BATCH_BYTES = 16 * 2 ** 20;

/**
 * Groups parsed rows into the batches the runner commits, validating each row (which also
 * mines its narrative): everything a batch needs except the database. A batch ends at
 * `batchSize` rows or `maxBatchBytes` of input. Rows up to `checkpointRow` were committed by
 * an earlier run and are skipped. Rows are counted, not lines: a minified STIX bundle or XML
 * file is one line.
 */
export async function* prepareBatches(
  rows: AsyncIterable<ParsedRow>,
  options: {
    context: SourceContext;
    checkpointRow: number;
    batchSize: number;
    bytesRead: () => number;
    maxBatchBytes?: number;
  },
): AsyncGenerator<Batch> {
  const maxBytes = options.maxBatchBytes ?? MAX_BATCH_BYTES;
  let batch = emptyBatch();
  let bytesAtCut = options.bytesRead();
  const seen = new Set<string>();
  const cut = () => {
    bytesAtCut = options.bytesRead();
    const done = { ...batch, bytesRead: bytesAtCut };
    batch = emptyBatch();
    seen.clear();
    return done;
  };
  let ordinal = 0;
  for await (const row of rows) {
    if (++ordinal <= options.checkpointRow) continue;
    // The same record twice in one batch: commit the first so the second becomes its update.
    if (row.ok && seen.has(row.sourceRecordId)) yield cut();
    batch.rowsRead++;
    batch.rowsThrough = ordinal;
    if (!row.ok)
      batch.errors.push(...row.errors.map((e) => ({ ...e, sourceRecordId: row.sourceRecordId })));
    else {
      seen.add(row.sourceRecordId);
      const valid = validateRow(row, options.context);
      if (Array.isArray(valid)) batch.errors.push(...valid);
      else batch.rows.push(valid);
    }
    if (batch.rowsRead >= options.batchSize || options.bytesRead() - bytesAtCut >= maxBytes)
      yield cut();
  }
  if (batch.rowsRead > 0) yield cut();
}

function emptyBatch(): Batch {
  return { rows: [], errors: [], rowsRead: 0, rowsThrough: 0, bytesRead: 0 };
}
