import { afterAll, beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import { describeEachDatabase } from '../../db/test-db.ts';
import { observationSchema } from './records.schemas.ts';
import { orphanBlockingKeys } from '../resolution/resolution.test-helpers.ts';
import { createTestApp, recordBody, type TestApp, type TestUser } from '../../server/test-app.ts';

type Obs = z.infer<typeof observationSchema>;

describeEachDatabase('editing a narrative', (kind) => {
  let t: TestApp;
  let police: TestUser;
  let sheriff: TestUser;
  beforeAll(async () => {
    t = await createTestApp(kind);
    police = await t.personas.analyst((await t.buildAgency()).id);
    sheriff = await t.personas.analyst((await t.buildAgency()).id);
  });
  afterAll(() => t.close());

  const send = async (
    user: TestUser,
    method: 'POST' | 'PATCH',
    url: string,
    payload: Record<string, unknown>,
  ) => {
    const res = await t.app.inject({ method, url, headers: user.auth, payload });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json<{ id: string; version: number; narrative: string; observations: Obs[] }>();
  };
  const inText = (narrative: string, o: Obs | undefined) =>
    o && narrative.slice(o.textStart ?? 0, o.textEnd ?? 0);

  it('mines it again: what stays keeps its observation and moves, what went is removed, a new mention resolves and makes its hit', async () => {
    const phoneHeld = await send(sheriff, 'POST', '/api/v1/records', {
      ...recordBody({ narrative: 'Burner phone recovered at the scene.' }),
      observations: [{ type: 'phone', role: 'subject', attributes: { number: '757-555-0100' } }],
    });
    const first = await send(police, 'POST', '/api/v1/records', {
      ...recordBody({
        narrative:
          'John Doe called from (804) 555-0142 and left in a gray sedan bearing Virginia registration TKM-8876.',
      }),
    });
    const before = new Map(first.observations.map((o) => [o.type, o]));
    expect(inText(first.narrative, before.get('phone'))).toBe('(804) 555-0142');

    const narrative =
      'Update: a gray sedan bearing Virginia registration TKM-8876 was seen again; John Doe now uses 757-555-0100.';
    const edited = await send(police, 'PATCH', `/api/v1/records/${first.id}`, {
      version: first.version,
      narrative,
    });
    const person = edited.observations.find((o) => o.type === 'person');
    expect(person?.id).toBe(before.get('person')?.id);
    expect(inText(narrative, person)).toBe('John Doe');
    const vehicle = edited.observations.find((o) => o.type === 'vehicle');
    expect(vehicle?.id).toBe(before.get('vehicle')?.id);
    expect(inText(narrative, vehicle)).toBe('Virginia registration TKM-8876');
    const phones = edited.observations.filter((o) => o.type === 'phone');
    expect(phones.map((o) => o.attributes['number'])).toEqual(['+17575550100']);
    expect(inText(narrative, phones[0])).toBe('757-555-0100');

    const hits = await t.app.inject({ method: 'GET', url: '/api/v1/hits', headers: police.auth });
    const mine = hits
      .json<{ items: { yourRecord: { id: string }; other: { record?: { id: string } } }[] }>()
      .items.filter((h) => h.yourRecord.id === first.id);
    expect(mine.map((h) => h.other.record?.id)).toEqual([phoneHeld.id]);

    const versions = await t.app.inject({
      method: 'GET',
      url: `/api/v1/records/${first.id}/versions`,
      headers: police.auth,
    });
    const [latest, replaced] = versions.json<{
      items: { version: number; snapshot: { observations: Obs[] } }[];
    }>().items;
    expect(latest!.version).toBe(2);
    expect(latest!.snapshot.observations.filter((o) => o.type === 'phone')).toHaveLength(1);
    // The replaced version keeps what it said, the mention the new narrative dropped included.
    expect(replaced!.version).toBe(1);
    expect(replaced!.snapshot.observations.map((o) => o.attributes['number'])).toContain(
      '+18045550142',
    );
    // The dropped phone's blocking keys went with it: it can no longer be found as a candidate.
    expect(await orphanBlockingKeys(t.system.db)).toBe(0);
  });
});
