/**
 * Durable ingest across a crash: a real server is killed with SIGKILL in the middle of a job;
 * the next server resumes from the checkpoint, and every row lands exactly once.
 */
import { afterAll, expect, it } from 'vitest';
import { readCredential } from '../db/data-dir-lock.ts';
import { api, cleanUp, startServer, tempDataDir } from './cli.test-helpers.ts';

afterAll(cleanUp);

const ROWS = 30_000;

function ndjson(): string {
  const lines: string[] = [];
  for (let i = 1; i <= ROWS; i++) {
    lines.push(
      JSON.stringify({
        sourceRecordId: `R-${i}`,
        kind: 'tip',
        title: `Tip ${i}`,
        narrative: `Caller reports activity number ${i}.`,
        payload: { receivedVia: 'phone' },
      }),
    );
  }
  return lines.join('\n');
}

it('a job killed mid-way (kill -9) resumes on the next start, losing and duplicating nothing', async () => {
  const dir = tempDataDir();
  let server = await startServer(dir);
  const token = readCredential(dir)!;
  const me = await api(server.url, token, '/me');
  const source = await api(server.url, token, '/sources', {
    method: 'POST',
    body: JSON.stringify({ agencyId: me.body.agency.id, name: 'Tip line' }),
  });
  expect(source.status).toBe(201);
  const upload = await fetch(
    `${server.url}/api/v1/ingest?source=${source.body.id}&format=ndjson&fileName=tips.ndjson`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
      body: ndjson(),
    },
  );
  expect(upload.status).toBe(202);
  const jobId = ((await upload.json()) as { id: string }).id;

  // Kill as soon as some batches are committed but the job is not done.
  for (;;) {
    const job = (await api(server.url, token, `/ingest/jobs/${jobId}`)).body;
    expect(job.status).not.toBe('failed');
    if (job.rowsCreated > 0 && job.status === 'running') break;
    if (job.status === 'succeeded')
      throw new Error('the job finished before it could be interrupted; raise ROWS');
    await new Promise((r) => setTimeout(r, 20));
  }
  server.child.kill('SIGKILL');
  await server.exited;

  server = await startServer(dir);
  const newToken = readCredential(dir)!;
  let job;
  for (;;) {
    job = (await api(server.url, newToken, `/ingest/jobs/${jobId}`)).body;
    if (job.status === 'succeeded' || job.status === 'failed') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(job).toMatchObject({
    status: 'succeeded',
    rowsRead: ROWS,
    rowsCreated: ROWS,
    rowsFailed: 0,
  });
  // Every row exactly once: walk all tips of the source.
  const seen = new Set<string>();
  let cursor: string | null = null;
  do {
    const query = `/records?kind=tip&limit=500${cursor ? `&cursor=${cursor}` : ''}`;
    const page = (await api(server.url, newToken, query)).body as {
      items: { sourceRecordId: string }[];
      nextCursor: string | null;
    };
    for (const r of page.items) {
      expect(seen.has(r.sourceRecordId)).toBe(false);
      seen.add(r.sourceRecordId);
    }
    cursor = page.nextCursor;
  } while (cursor);
  expect(seen.size).toBe(ROWS);
}, 180_000);
