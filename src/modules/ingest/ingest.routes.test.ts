import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import { createTestApp, type TestApp, type TestUser } from '../../server/test-app.ts';
import { observationsOutOfStep } from '../records/observation-copies.test-helpers.ts';
import { orphanBlockingKeys } from '../resolution/resolution.test-helpers.ts';

/** Waits for the in-process worker to finish a job (no wall-clock assertion: just polling). */
async function waitForJob(t: TestApp, user: TestUser, id: string) {
  for (;;) {
    const job = (
      await t.app.inject({ method: 'GET', url: `/api/v1/ingest/jobs/${id}`, headers: user.auth })
    ).json();
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
}

function ndjsonLine(id: string, overrides: Record<string, unknown> = {}) {
  return JSON.stringify({
    sourceRecordId: id,
    kind: 'incident',
    title: `Burglary ${id}`,
    narrative: 'Rear door forced; tools taken from the shed.',
    occurredFrom: '2026-02-01T03:00:00Z',
    observations: [
      { type: 'person', role: 'subject', attributes: { givenName: 'Dale', surname: 'Pruitt' } },
    ],
    ...overrides,
  });
}

describeEachDatabase('ingest over HTTP', (kind) => {
  let t: TestApp;
  let analyst: TestUser;
  let sourceId: string;
  beforeAll(async () => {
    t = await createTestApp(kind, { ingestWorker: true });
    const agency = await t.buildAgency();
    analyst = await t.personas.analyst(agency.id);
    const admin = await t.personas.admin(agency.id);
    const source = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sources',
      headers: admin.auth,
      payload: {
        agencyId: agency.id,
        name: 'RMS nightly export',
        defaultMarkings: { tlp: 'AMBER', caveats: ['LES'] },
      },
    });
    expect(source.statusCode, source.body).toBe(201);
    sourceId = source.json().id;
  });
  afterAll(() => t.close());

  const post = (body: string, query = `source=${sourceId}&format=ndjson`) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/ingest?${query}`,
      headers: { ...analyst.auth, 'content-type': 'application/x-ndjson' },
      payload: body,
    });

  it('streams NDJSON in, reports bad rows with line and field, and lands the good ones with the source markings', async () => {
    const body = [
      ndjsonLine('A-1'),
      '{"sourceRecordId":"A-2","kind":"incident"',
      ndjsonLine('A-3', { kind: 'alien' }),
      ndjsonLine('A-4'),
    ].join('\n');
    const queued = await post(body);
    expect(queued.statusCode, queued.body).toBe(202);
    const job = await waitForJob(t, analyst, queued.json().id);
    expect(job).toMatchObject({ status: 'succeeded', rowsRead: 4, rowsCreated: 2, rowsFailed: 2 });
    const errors = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/ingest/jobs/${job.id}/errors`,
        headers: analyst.auth,
      })
    ).json().items;
    expect(errors.map((e: { line: number }) => e.line)).toEqual([2, 3]);
    expect(errors[1]).toMatchObject({ field: 'kind', sourceRecordId: 'A-3' });
    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/v1/ingest/jobs/${job.id}/errors.csv`,
      headers: analyst.auth,
    });
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\n')[0]).toBe('line,field,message,source_record_id');
    const list = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/records?kind=incident',
        headers: analyst.auth,
      })
    ).json().items;
    const landed = list.filter((r: { sourceRecordId: string }) =>
      r.sourceRecordId.startsWith('A-'),
    );
    expect(landed).toHaveLength(2);
    expect(landed[0].markings).toMatchObject({ tlp: 'AMBER', caveats: ['LES'] });
  });

  it('pages the error report at line boundaries, so no error of a line is skipped', async () => {
    const body = [
      ndjsonLine('P-1', { title: '', occurredFrom: 'yesterday' }),
      ndjsonLine('P-2', { occurredFrom: 'tomorrow' }),
    ].join('\n');
    const job = await waitForJob(t, analyst, (await post(body)).json().id);
    const page = async (query: string) =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/ingest/jobs/${job.id}/errors?${query}`,
          headers: analyst.auth,
        })
      ).json().items as { line: number; field: string }[];
    const all = await page('limit=100');
    const first = all.filter((e) => e.line === 1);
    expect(first.length).toBeGreaterThan(1);
    expect(await page('limit=1')).toEqual(first);
    expect(await page('afterLine=1&limit=1')).toEqual(all.filter((e) => e.line === 2));
  });

  it('the same file twice changes nothing; a changed row makes a new version', async () => {
    const file = [ndjsonLine('B-1'), ndjsonLine('B-2')].join('\n');
    await waitForJob(t, analyst, (await post(file)).json().id);
    const again = await waitForJob(t, analyst, (await post(file)).json().id);
    expect(again).toMatchObject({ rowsCreated: 0, rowsUpdated: 0, rowsUnchanged: 2 });
    const changed = await waitForJob(
      t,
      analyst,
      (
        await post(
          [
            // The new version drops its date: it is then dated by its first entry, not by now.
            ndjsonLine('B-1', { title: 'Burglary B-1 (amended)', occurredFrom: undefined }),
            ndjsonLine('B-2'),
          ].join('\n'),
        )
      ).json().id,
    );
    expect(changed).toMatchObject({ rowsCreated: 0, rowsUpdated: 1, rowsUnchanged: 1 });
    expect(await observationsOutOfStep(t.system.db)).toBe(0);
    expect(await orphanBlockingKeys(t.system.db)).toBe(0);
  });

  it('SAR-03 a changed SAR from the source keeps its vetting state; no row sets one past submitted', async () => {
    const sar = (id: string, title: string, status?: string) =>
      ndjsonLine(id, {
        kind: 'sar',
        title,
        payload: { behaviours: ['SURVL'] },
        ...(status ? { status } : {}),
      });
    const first = await waitForJob(
      t,
      analyst,
      (
        await post([sar('S-1', 'Watching the substation'), sar('S-2', 'x', 'ise_sar')].join('\n'))
      ).json().id,
    );
    expect(first).toMatchObject({ rowsCreated: 1, rowsFailed: 1 });
    const errors = await t.app.inject({
      url: `/api/v1/ingest/jobs/${first.id}/errors`,
      headers: analyst.auth,
    });
    expect(errors.json().items[0]).toMatchObject({ sourceRecordId: 'S-2', field: 'status' });
    const reviewer = await t.buildUser(analyst.agencyId, { roles: ['sar_reviewer'] });
    const [landed] = (
      await t.app.inject({ url: '/api/v1/records?kind=sar', headers: analyst.auth })
    ).json().items;
    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sars/${landed.id}/transitions`,
      headers: reviewer.auth,
      payload: { to: 'initial_review', rationale: 'Part 1 review started' },
    });
    expect(moved.statusCode, moved.body).toBe(201);
    await waitForJob(
      t,
      analyst,
      (await post(sar('S-1', 'Watching the substation, amended'))).json().id,
    );
    const after = await t.app.inject({
      url: `/api/v1/records/${landed.id}`,
      headers: analyst.auth,
    });
    expect(after.json()).toMatchObject({
      title: 'Watching the substation, amended',
      status: 'initial_review',
      version: 3,
    });
  });

  it('a record repeated in one file lands once and its second row becomes version 2', async () => {
    const file = [
      ndjsonLine('R-1'),
      ndjsonLine('R-2'),
      ndjsonLine('R-1', { title: 'Burglary R-1 (corrected)' }),
    ].join('\n');
    const job = await waitForJob(t, analyst, (await post(file)).json().id);
    expect(job).toMatchObject({ status: 'succeeded', rowsCreated: 2, rowsUpdated: 1 });
    const list = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/records?kind=incident',
        headers: analyst.auth,
      })
    ).json().items as { sourceRecordId: string; title: string; version: number }[];
    expect(list.filter((r) => r.sourceRecordId === 'R-1')).toEqual([
      expect.objectContaining({ title: 'Burglary R-1 (corrected)', version: 2 }),
    ]);
  });

  it('a file that cannot be parsed at all fails the job and commits none of its rows', async () => {
    const count = async () =>
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/records?kind=cyber_indicator&limit=100',
          headers: analyst.auth,
        })
      ).json().items.length as number;
    const before = await count();
    const bundle = readFileSync(new URL('./parsers/fixtures/bundle.json', import.meta.url), 'utf8');
    // Every object before the cut is well formed; the bundle itself never closes.
    const truncated = bundle.slice(0, bundle.lastIndexOf('}', bundle.length - 10));
    const job = await waitForJob(
      t,
      analyst,
      (await post(truncated, `source=${sourceId}&format=stix`)).json().id,
    );
    expect(job.status).toBe('failed');
    expect(job.errorMessage).toMatch(/\S/);
    expect(job.rowsRead).toBe(0);
    expect(await count()).toBe(before);
  });

  it('--dry-run validates everything and writes no record', async () => {
    const job = await waitForJob(
      t,
      analyst,
      (
        await post(
          [ndjsonLine('C-1'), ndjsonLine('C-2', { kind: 'x' })].join('\n'),
          `source=${sourceId}&format=ndjson&dryRun=true`,
        )
      ).json().id,
    );
    expect(job).toMatchObject({ status: 'succeeded', rowsCreated: 0, rowsFailed: 1, dryRun: true });
    const list = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/records?kind=incident',
        headers: analyst.auth,
      })
    ).json().items;
    expect(list.some((r: { sourceRecordId: string }) => r.sourceRecordId === 'C-1')).toBe(false);
  });

  it('refuses a source of another agency (403) and an unknown format (400)', async () => {
    const other = await t.personas.analyst((await t.buildAgency()).id);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/ingest?source=${sourceId}&format=ndjson`,
      headers: { ...other.auth, 'content-type': 'application/x-ndjson' },
      payload: ndjsonLine('D-1'),
    });
    expect([403, 404]).toContain(res.statusCode);
    const bad = await post(ndjsonLine('D-2'), `source=${sourceId}&format=docx`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('querystring.format');
  });

  it('a CSV upload without a mapping is refused with 422', async () => {
    const res = await post('a,b\n1,2', `source=${sourceId}&format=csv`);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('ingest.mapping_required');
  });

  it('a row that sets only its TLP keeps the source’s caveats and sharing', async () => {
    const job = await waitForJob(
      t,
      analyst,
      (await post(ndjsonLine('E-1', { markings: { tlp: 'RED' } }))).json().id,
    );
    expect(job).toMatchObject({ status: 'succeeded', rowsCreated: 1 });
    const list = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/records?kind=incident',
        headers: analyst.auth,
      })
    ).json().items;
    expect(
      list.find((r: { sourceRecordId: string }) => r.sourceRecordId === 'E-1').markings,
    ).toMatchObject({ tlp: 'RED', caveats: ['LES'] });
  });

  it('ingests a STIX bundle minified to one line, every object once, CSV with its mapping and SAR XML', async () => {
    const fixture = (name: string) =>
      readFileSync(new URL(`./parsers/fixtures/${name}`, import.meta.url), 'utf8');
    const minified = JSON.stringify(JSON.parse(fixture('bundle.json')));
    const stix = await waitForJob(
      t,
      analyst,
      (await post(minified, `source=${sourceId}&format=stix`)).json().id,
    );
    expect(stix.status).toBe('succeeded');
    expect(stix.rowsCreated).toBeGreaterThan(1);
    const xml = await waitForJob(
      t,
      analyst,
      (await post(fixture('sar-reports.xml'), `source=${sourceId}&format=sar-xml`)).json().id,
    );
    expect(xml).toMatchObject({ status: 'succeeded' });
    expect(xml.rowsCreated).toBeGreaterThan(0);
    const form = new FormData();
    form.set('source', sourceId);
    form.set('format', 'csv');
    form.set('mapping', new Blob([fixture('sar-export.mapping.yaml')]), 'mapping.yaml');
    form.set('file', new Blob([fixture('sar-export.csv')]), 'sar-export.csv');
    const encoded = new Response(form);
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ingest',
      headers: { ...analyst.auth, 'content-type': encoded.headers.get('content-type')! },
      payload: Buffer.from(await encoded.arrayBuffer()),
    });
    expect(upload.statusCode, upload.body).toBe(202);
    const csv = await waitForJob(t, analyst, upload.json().id);
    expect(csv.status).toBe('succeeded');
    expect(csv.rowsCreated).toBeGreaterThan(0);
  });
});
