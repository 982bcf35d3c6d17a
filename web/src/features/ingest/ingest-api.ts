import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { components } from '../../api/schema';
import { useCursorPages } from '../../lib/cursor-pages.ts';

export type IngestJob = components['schemas']['IngestJob'];
export type IngestFormat = IngestJob['format'];
export type IngestError = components['schemas']['IngestError'];

export const FORMAT_NAMES: { [F in IngestFormat]: string } = {
  csv: 'CSV',
  ndjson: 'NDJSON',
  'sar-xml': 'SAR XML',
  stix: 'STIX',
};

/** For choosing a format: what each one is. */
export const FORMAT_LABELS: { [F in IngestFormat]: string } = {
  csv: 'CSV (needs a mapping file)',
  ndjson: 'NDJSON (one record per line)',
  'sar-xml': 'SAR XML (ISE-SAR)',
  stix: 'STIX 2.1 bundle',
};

/** The format a file name suggests, so the usual case needs no choice. */
export function formatOfFileName(name: string): IngestFormat | undefined {
  const ext = name.toLowerCase().split('.').pop();
  if (ext === 'csv') return 'csv';
  if (ext === 'ndjson' || ext === 'jsonl') return 'ndjson';
  if (ext === 'xml') return 'sar-xml';
  if (ext === 'json') return 'stix';
  return undefined;
}

export const isFinished = (job: IngestJob) => job.status === 'succeeded' || job.status === 'failed';

export const ingestKeys = {
  jobs: ['ingest', 'jobs'] as const,
  job: (id: string) => ['ingest', 'job', id] as const,
  errors: (id: string) => ['ingest', 'job', id, 'errors'] as const,
};

/** Newest first; re-read while a job on screen is still queued or running. */
export function useIngestJobs() {
  return useCursorPages(
    ingestKeys.jobs,
    (cursor) =>
      unwrap(api.GET('/api/v1/ingest/jobs', { params: { query: { cursor, limit: 20 } } })),
    (jobs) => (jobs.every(isFinished) ? false : 3000),
  );
}

export function useIngestJob(id: string, refetchInterval: (job?: IngestJob) => number | false) {
  return useQuery({
    queryKey: ingestKeys.job(id),
    queryFn: () => unwrap(api.GET('/api/v1/ingest/jobs/{id}', { params: { path: { id } } })),
    refetchInterval: (q) => refetchInterval(q.state.data),
  });
}

const ERRORS_PAGE = 100;

/** The error report in file order, a page at a time (the cursor is the last line shown). */
export function useIngestErrors(id: string) {
  const query = useInfiniteQuery({
    queryKey: ingestKeys.errors(id),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/ingest/jobs/{id}/errors', {
          params: { path: { id }, query: { afterLine: pageParam, limit: ERRORS_PAGE } },
        }),
      ),
    initialPageParam: 0,
    getNextPageParam: (last) =>
      last.items.length === ERRORS_PAGE ? last.items.at(-1)?.line : undefined,
  });
  return { ...query, items: query.data?.pages.flatMap((p) => p.items) ?? [] };
}

export type Upload = {
  sourceId: string;
  format: IngestFormat;
  file: File;
  mapping: File | null;
  dryRun: boolean;
};

/** Multipart upload: the fields and the mapping go before the file, as the route reads them. */
export function uploadIngest(u: Upload): Promise<IngestJob> {
  const form = new FormData();
  form.set('source', u.sourceId);
  form.set('format', u.format);
  form.set('dryRun', String(u.dryRun));
  form.set('fileName', u.file.name);
  if (u.mapping) form.set('mapping', u.mapping, u.mapping.name);
  form.set('file', u.file, u.file.name);
  // The route streams its multipart body, so the OpenAPI document declares no body for it.
  return unwrap(api.POST('/api/v1/ingest', { body: form as never }));
}
