import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceContext } from '../../shared/context.ts';
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

/** RFC 4180 quoting; a leading = + - @ is defused so spreadsheets do not run it as a formula. */
function csvCell(value: string | number): string {
  const text = String(value);
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
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
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-content-type-options': 'nosniff',
  });
  let last = '';
  let closed = false;
  req.raw.on('close', () => {
    closed = true;
  });
  const tick = async () => {
    if (closed) return;
    const job = await getIngestJob(ctx, jobId);
    const { filePath: _p, mapping: _m, claimedBy: _c, ...visible } = job;
    const data = JSON.stringify(visible);
    if (data !== last) res.write(`event: progress\ndata: ${data}\n\n`);
    last = data;
    if (job.status === 'succeeded' || job.status === 'failed') {
      res.write(`event: done\ndata: ${data}\n\n`);
      res.end();
      return;
    }
    setTimeout(() => void tick().catch(() => res.end()), POLL_MS);
  };
  void tick().catch(() => res.end());
}
