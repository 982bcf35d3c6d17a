import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import { expectProblem } from '../../server/http.test-helpers.ts';
import { createTestApp, recordBody, type TestApp, type TestUser } from '../../server/test-app.ts';
import type { SarCodes } from './sar-codes.schemas.ts';

describeEachDatabase('SAR code lists for forms', (kind) => {
  let t: TestApp;
  let partner: TestUser;
  let analyst: TestUser;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const agency = await t.buildAgency();
    partner = await t.personas.partnerWithoutLes(agency.id);
    analyst = await t.personas.analyst(agency.id);
  });
  afterAll(() => t.close());

  const codes = async (user: TestUser) => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reference/sar-codes',
      headers: user.auth,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<SarCodes>();
  };

  it('SAR-01/02: any signed-in user gets the 16 behaviour categories with Part and definition, and the 34 sectors', async () => {
    const list = await codes(partner);
    expect(list.behaviours).toHaveLength(16);
    expect(list.behaviours.filter((b) => b.part === 1)).toHaveLength(7);
    expect(list.behaviours.find((b) => b.code === 'PHOTO')).toMatchObject({
      part: 2,
      name: 'Photography',
      definition: expect.stringContaining('surreptitious') as unknown,
    });
    expect(list.targetSectors).toHaveLength(34);
    expect(list.targetSectors).toContainEqual({ code: 'MASS', name: 'Mass gathering' });
    expect(list.howObserved.map((h) => h.code)).toContain('tip_line');
    expect(list.part2Caution).toMatch(/articulable facts/);
  });

  it('a SAR made of every listed category and sector is accepted, and an unlisted code is refused naming the field', async () => {
    const list = await codes(analyst);
    const sar = (payload: object) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/records',
        headers: analyst.auth,
        payload: recordBody({ kind: 'sar', status: 'submitted', payload }),
      });
    const accepted = await sar({
      behaviours: list.behaviours.map((b) => b.code),
      targetSectors: list.targetSectors.map((s) => s.code),
      howObserved: list.howObserved[0]?.code,
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
    const refused = expectProblem(await sar({ behaviours: ['LOITER'] }), 422);
    expect(refused.errors?.map((e) => e.path).join(' ')).toContain('behaviours');
  });

  it('is not answered without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/reference/sar-codes' });
    expectProblem(res, 401);
  });
});
