import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import { createTestApp, recordBody, type TestApp } from '../../server/test-app.ts';

describeEachDatabase('records API', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('creates a record, reads it back with its observations, and lists it', async () => {
    const agency = await t.buildAgency();
    const analyst = await t.personas.analyst(agency.id);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: analyst.auth,
      payload: recordBody(),
    });
    expect(created.statusCode, created.body).toBe(201);
    const record = created.json();
    expect(record).toMatchObject({
      kind: 'incident',
      ownerAgencyId: agency.id,
      version: 1,
      isOwnAgency: true,
    });
    expect(record.observations).toHaveLength(1);
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/v1/records/${record.id}`,
      headers: analyst.auth,
    });
    expect(read.statusCode).toBe(200);
    expect(read.json().observations[0].attributes).toMatchObject({ surname: 'Doe' });
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/records?kind=incident',
      headers: analyst.auth,
    });
    expect(list.json().items.map((r: { id: string }) => r.id)).toContain(record.id);
  });

  describe('visibility through the API', () => {
    it('an AMBER+STRICT record of another agency answers 404, exactly like a missing one', async () => {
      const owner = await t.personas.analyst((await t.buildAgency()).id);
      const other = await t.personas.analyst((await t.buildAgency()).id);
      const body = recordBody({
        markings: { tlp: 'AMBER+STRICT', caveats: [], partnerShare: 'full' },
      });
      const { id } = (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/records',
          headers: owner.auth,
          payload: body,
        })
      ).json();
      const hidden = await t.app.inject({
        method: 'GET',
        url: `/api/v1/records/${id}`,
        headers: other.auth,
      });
      const missing = await t.app.inject({
        method: 'GET',
        url: `/api/v1/records/018f0000-0000-7000-8000-000000000000`,
        headers: other.auth,
      });
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().code).toBe(missing.json().code);
      const list = await t.app.inject({
        method: 'GET',
        url: `/api/v1/records?ownerAgencyId=${owner.agencyId}`,
        headers: other.auth,
      });
      expect(list.json().items).toEqual([]);
    });

    it('CI-07 criminal intelligence needs a stated purpose: 403 without X-Purpose, 200 with it', async () => {
      const agency = await t.buildAgency();
      const intel = await t.personas.intelAnalyst(agency.id);
      const body = recordBody({
        kind: 'intel_report',
        markings: { tlp: 'AMBER', caveats: ['CRIMINAL_INTEL', 'LES'], partnerShare: 'pointer' },
        payload: {
          criminalActivityType: 'drug_trafficking',
          reasonableSuspicion:
            'Two confidential sources and a controlled buy link the subject to fentanyl sales.',
          sourceReliability: 'usually_reliable',
          contentValidity: 'probable',
        },
      });
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/records',
        headers: { ...intel.auth, 'x-purpose': 'case 26-1234' },
        payload: body,
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().id;
      const without = await t.app.inject({
        method: 'GET',
        url: `/api/v1/records/${id}`,
        headers: intel.auth,
      });
      expect(without.statusCode).toBe(403);
      expect(without.json().code).toBe('access.purpose_required');
      const withPurpose = await t.app.inject({
        method: 'GET',
        url: `/api/v1/records/${id}`,
        headers: { ...intel.auth, 'x-purpose': 'case 26-1234' },
      });
      expect(withPurpose.statusCode).toBe(200);
    });

    it('CI-01 an intelligence report without its predicate is refused with 422 naming the fields', async () => {
      const analyst = await t.personas.intelAnalyst((await t.buildAgency()).id);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/records',
        headers: analyst.auth,
        payload: recordBody({ kind: 'intel_report', payload: { criminalActivityType: 'fraud' } }),
      });
      expect(res.statusCode).toBe(422);
      const paths = res.json().errors.map((e: { path: string }) => e.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          'payload.reasonableSuspicion',
          'payload.sourceReliability',
          'payload.contentValidity',
        ]),
      );
    });
  });

  it('every change makes a new version and history keeps each one; a stale version is 409', async () => {
    const analyst = await t.personas.analyst((await t.buildAgency()).id);
    const { id } = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/records',
        headers: analyst.auth,
        payload: recordBody(),
      })
    ).json();
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/records/${id}`,
      headers: analyst.auth,
      payload: { version: 1, title: 'Trespass and cut fence' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ version: 2, title: 'Trespass and cut fence' });
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/records/${id}`,
      headers: analyst.auth,
      payload: { version: 1, title: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    const versions = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/records/${id}/versions`,
        headers: analyst.auth,
      })
    ).json().items;
    expect(
      versions.map((v: { version: number; snapshot: { title: string } }) => [
        v.version,
        v.snapshot.title,
      ]),
    ).toEqual([
      [2, 'Trespass and cut fence'],
      [1, 'Trespass at substation'],
    ]);
  });

  it('mentions in the narrative become observations with offsets; a listed subject gains its place in the text', async () => {
    const analyst = await t.personas.analyst((await t.buildAgency()).id);
    const narrative =
      'A man later identified as John Doe called from (804) 555-0142 and left in a gray sedan bearing Virginia registration TKM-8876.';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: analyst.auth,
      payload: recordBody({ narrative }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const obs = res.json().observations as {
      type: string;
      role: string;
      attributes: Record<string, unknown>;
      textStart: number | null;
      textEnd: number | null;
    }[];
    const text = (o: (typeof obs)[number]) => narrative.slice(o.textStart ?? 0, o.textEnd ?? 0);
    const subject = obs.find((o) => o.type === 'person' && o.role === 'subject');
    expect(subject && text(subject)).toBe('John Doe');
    const phone = obs.find((o) => o.type === 'phone');
    expect(phone).toMatchObject({ role: 'mentioned', attributes: { number: '+18045550142' } });
    expect(phone && text(phone)).toBe('(804) 555-0142');
    expect(obs.find((o) => o.type === 'vehicle')).toMatchObject({
      attributes: { plate: 'TKM8876', plateState: 'VA' },
    });
    expect(obs.filter((o) => o.type === 'person')).toHaveLength(1);
  });
});
