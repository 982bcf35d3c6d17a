import { z } from 'zod';
import { INGEST_FORMATS, JOB_STATUSES } from './ingest.table.ts';

export const ingestQuerySchema = z
  .object({
    source: z.uuid(),
    format: z.enum(INGEST_FORMATS),
    dryRun: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    fileName: z.string().trim().min(1).max(255).default('upload'),
  })
  .strict();

export const ingestJobSchema = z
  .object({
    id: z.uuid(),
    sourceId: z.uuid(),
    format: z.enum(INGEST_FORMATS),
    fileName: z.string(),
    dryRun: z.boolean(),
    status: z.enum(JOB_STATUSES),
    bytesTotal: z.number().int(),
    bytesRead: z.number().int(),
    checkpointRow: z.number().int(),
    rowsRead: z.number().int(),
    rowsCreated: z.number().int(),
    rowsUpdated: z.number().int(),
    rowsUnchanged: z.number().int(),
    rowsFailed: z.number().int(),
    errorMessage: z.string().nullable(),
    createdAt: z.date(),
    startedAt: z.date().nullable(),
    finishedAt: z.date().nullable(),
  })
  .meta({ id: 'IngestJob' });

export const ingestErrorSchema = z
  .object({
    line: z.number().int(),
    field: z.string(),
    message: z.string(),
    sourceRecordId: z.string().nullable(),
  })
  .meta({ id: 'IngestError' });
