import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../users/users.table.ts';
import { sources } from '../sources/sources.table.ts';

export const INGEST_FORMATS = ['csv', 'ndjson', 'sar-xml', 'stix'] as const;
export type IngestFormat = (typeof INGEST_FORMATS)[number];
export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * A durable ingest job. The file lives in the data directory until the job ends; each
 * committed batch moves the checkpoint in the same transaction as its rows, so a job
 * resumed after a crash skips exactly what was acknowledged.
 */
export const ingestJobs = pgTable(
  'ingest_jobs',
  {
    id: uuid('id').primaryKey(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id),
    format: text('format').$type<IngestFormat>().notNull(),
    fileName: text('file_name').notNull(),
    filePath: text('file_path').notNull(),
    mapping: text('mapping'),
    dryRun: boolean('dry_run').notNull().default(false),
    status: text('status').$type<JobStatus>().notNull().default('queued'),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    bytesTotal: bigint('bytes_total', { mode: 'number' }).notNull().default(0),
    bytesRead: bigint('bytes_read', { mode: 'number' }).notNull().default(0),
    /** Rows of the file fully committed, in the parser's (deterministic) order. */
    checkpointRow: integer('checkpoint_row').notNull().default(0),
    rowsRead: integer('rows_read').notNull().default(0),
    rowsCreated: integer('rows_created').notNull().default(0),
    rowsUpdated: integer('rows_updated').notNull().default(0),
    rowsUnchanged: integer('rows_unchanged').notNull().default(0),
    rowsFailed: integer('rows_failed').notNull().default(0),
    errorMessage: text('error_message'),
    claimedBy: text('claimed_by'),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('ingest_jobs_status_idx').on(t.status, t.createdAt)],
);

/** The per-job error report: one row per problem, with where it is in the file. */
export const ingestErrors = pgTable(
  'ingest_errors',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => ingestJobs.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    field: text('field').notNull(),
    message: text('message').notNull(),
    sourceRecordId: text('source_record_id'),
  },
  (t) => [index('ingest_errors_job_idx').on(t.jobId, t.line)],
);
