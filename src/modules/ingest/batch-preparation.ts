import type { Batch } from './ingest-batch.ts';
import type { ParsedRow } from './parsers/types.ts';
import { validateRow, type SourceContext } from './row-validation.ts';

/**
 * Groups parsed rows into the batches the runner commits, validating each row (which also
 * mines its narrative): everything a batch needs except the database. Rows up to
 * `checkpointRow` were committed by an earlier run and are skipped. Rows are counted, not
 * lines: a minified STIX bundle or XML file is one line.
 */
export async function* prepareBatches(
  rows: AsyncIterable<ParsedRow>,
  options: {
    context: SourceContext;
    checkpointRow: number;
    batchSize: number;
    bytesRead: () => number;
  },
): AsyncGenerator<Batch> {
  let batch = emptyBatch();
  const seen = new Set<string>();
  const cut = () => {
    const done = { ...batch, bytesRead: options.bytesRead() };
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
    if (batch.rowsRead >= options.batchSize) yield cut();
  }
  if (batch.rowsRead > 0) yield cut();
}

function emptyBatch(): Batch {
  return { rows: [], errors: [], rowsRead: 0, rowsThrough: 0, bytesRead: 0 };
}
