import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import { createTestApp, recordBody, type TestApp } from '../../server/test-app.ts';

describeEachDatabase('record access log', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const get = (url: string, headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url, headers });

  async function scenario(markings: Record<string, unknown>) {
    const ownerAgency = await t.buildAgency();
    const owner = await t.personas.analyst(ownerAgency.id);
    const colleague = await t.personas.analyst(ownerAgency.id);
    const outsider = await t.personas.analyst((await t.buildAgency()).id);
    const auditor = await t.personas.auditor((await t.buildAgency()).id);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: owner.auth,
      payload: recordBody({ markings }),
    });
    expect(created.statusCode, created.body).toBe(201);
    return { id: created.json().id as string, owner, colleague, outsider, auditor };
  }

  it('shows the owning agency who read its record and who was refused, newest first', async () => {
    const s = await scenario({ tlp: 'AMBER+STRICT', caveats: [], partnerShare: 'full' });
    expect((await get(`/api/v1/records/${s.id}`, s.colleague.auth)).statusCode).toBe(200);
    expect((await get(`/api/v1/records/${s.id}`, s.outsider.auth)).statusCode).toBe(404);

    const log = await get(`/api/v1/records/${s.id}/access-log`, s.owner.auth);
    expect(log.statusCode, log.body).toBe(200);
    const items = log.json().items as {
      actorUsername: string;
      action: string;
      decision: string;
      actorAgency: { name: string } | null;
    }[];
    expect(items.slice(0, 2).map((e) => [e.actorUsername, e.action, e.decision])).toEqual([
      [s.outsider.username, 'record.read', 'deny'],
      [s.colleague.username, 'record.read', 'allow'],
    ]);
    expect(items.at(-1)).toMatchObject({
      actorUsername: s.owner.username,
      action: 'record.create',
    });
    expect(items[0]!.actorAgency?.name).toEqual(expect.any(String));
  });

  it('refuses another agency that can see the record, and hides it from one that cannot', async () => {
    const s = await scenario({ tlp: 'GREEN', caveats: [], partnerShare: 'full' });
    const seen = await get(`/api/v1/records/${s.id}/access-log`, s.outsider.auth);
    expect(seen.statusCode).toBe(403);
    expect(seen.json().code).toBe('records.access_log_owners_only');

    const hidden = await scenario({ tlp: 'AMBER+STRICT', caveats: [], partnerShare: 'full' });
    const missing = await get(`/api/v1/records/${hidden.id}/access-log`, hidden.outsider.auth);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('records.not_found');
  });

  it('lets an auditor read it without seeing the record, and audits every look', async () => {
    const s = await scenario({ tlp: 'AMBER+STRICT', caveats: [], partnerShare: 'full' });
    expect((await get(`/api/v1/records/${s.id}`, s.auditor.auth)).statusCode).toBe(404);
    const log = await get(`/api/v1/records/${s.id}/access-log?limit=1`, s.auditor.auth);
    expect(log.statusCode, log.body).toBe(200);
    expect(log.json().items).toHaveLength(1);
    expect(log.json().nextCursor).toEqual(expect.any(String));
    const next = await get(
      `/api/v1/records/${s.id}/access-log?limit=1&cursor=${log.json().nextCursor}`,
      s.auditor.auth,
    );
    expect(next.json().items[0].seq).toBeLessThan(log.json().items[0].seq);

    const looks = await get(
      `/api/v1/audit?objectId=${s.id}&action=record.access_log`,
      s.auditor.auth,
    );
    expect(looks.json().items.map((e: { decision: string }) => e.decision)).toEqual([
      'allow',
      'allow',
    ]);
  });
});
