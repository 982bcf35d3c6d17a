import type { Readable } from 'node:stream';
import type { IngestFormat } from './ingest.table.ts';
import { parseCsv } from './parsers/csv.ts';
import { parseNdjson } from './parsers/ndjson.ts';
import { parseSarXml } from './parsers/sar-xml.ts';
import { parseStix } from './parsers/stix.ts';
import type { ParsedRow } from './parsers/types.ts';

export { UnparseableFileError } from './parsers/types.ts';

/** The parser for a job's format; CSV takes the job's mapping. */
export function parseFile(
  job: { format: IngestFormat; mapping: string | null },
  input: Readable,
): AsyncIterable<ParsedRow> {
  switch (job.format) {
    case 'ndjson':
      return parseNdjson(input, {});
    case 'csv':
      return parseCsv(input, { mapping: job.mapping ?? '' });
    case 'sar-xml':
      return parseSarXml(input, {});
    case 'stix':
      return parseStix(input, {});
  }
}
