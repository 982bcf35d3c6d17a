import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceContext } from '../../shared/context.ts';
import { csvCell } from '../../shared/csv.ts';
import { streamByPolling } from '../../server/sse.ts';
import { getIngestJob, listIngestErrors } from './ingest.service.ts';

const PAGE = 1000;
const POLL_MS = 500;

/** The error report as CSV, read page by page so a large report streams in bounded memory. */
export function streamErrorsCsv(ctx: ServiceContext, jobId: string): Readable {
  async function* lines() {
    yield 'line,field,message,source_record_id\n';
    let after = 0;
    for (;;) {
      const page = await listIngestErrors(ctx, jobId, after, PAGE);
      for (const e of page)
        yield [e.line, e.field, e.message, e.sourceRecordId ?? ''].map(csvCell).join(',') + '\n';
      if (page.length < PAGE) return;
      after = page.at(-1)!.line;
    }
  }
  return Readable.from(lines());
}

/**
 * Live progress over Server-Sent Events: a `progress` event whenever the job's counters
 * move and a final `done` event. It reads the job row, so it works whichever process runs it.
 */
export function streamJobEvents(
  ctx: ServiceContext,
  jobId: string,
  req: FastifyRequest,
  reply: FastifyReply,
): void {
  let last = '';
  streamByPolling(req, reply, POLL_MS, async (stream) => {
    const { filePath: _p, mapping: _m, claimedBy: _c, ...visible } = await getIngestJob(ctx, jobId);
    const data = JSON.stringify(visible);
    if (data !== last) stream.send('progress', visible);
    last = data;
    const done = visible.status === 'succeeded' || visible.status === 'failed';
    if (done) stream.send('done', visible);
    return !done;
  });
}
