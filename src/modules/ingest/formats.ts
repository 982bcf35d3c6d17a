import type { Readable } from 'node:stream';
import type { IngestFormat } from './ingest.table.ts';
import { parseCsv } from './parsers/csv.ts';
import { parseNdjson } from './parsers/ndjson.ts';
import { parseSarXml } from './parsers/sar-xml.ts';
import { parseStix } from './parsers/stix.ts';
import type { ParsedRow } from './parsers/types.ts';

export { UnparseableFileError } from './parsers/types.ts';

/**
 * The parser for a job's format; CSV takes the job's mapping. `structureOnly` asks only for
 * what can make the whole file unreadable (CSV then reads its header and records but maps
 * none of them, and yields nothing): for a pass that only drains the parser.
 */
export function parseFile(
  job: { format: IngestFormat; mapping: string | null },
  input: Readable,
  options: { structureOnly?: boolean } = {},
): AsyncIterable<ParsedRow> {
  switch (job.format) {
    case 'ndjson':
      return parseNdjson(input, {});
    case 'csv':
      return parseCsv(input, { mapping: job.mapping ?? '', ...options });
    case 'sar-xml':
      return parseSarXml(input, {});
    case 'stix':
      return parseStix(input, {});
  }
}
