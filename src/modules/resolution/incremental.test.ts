import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import { createTestApp, recordBody, type TestApp, type TestUser } from '../../server/test-app.ts';
import { entities, observations } from '../entities/entities.table.ts';
import { entityCandidates, entityMerges } from './resolution.table.ts';

type Obs = { type: string; role: string; entityId: string; attributes: Record<string, unknown> };

describeEachDatabase('incremental resolution as records arrive', (kind) => {
  let t: TestApp;
  let police: TestUser;
  let sheriff: TestUser;
  beforeAll(async () => {
    t = await createTestApp(kind);
    police = await t.personas.analyst((await t.buildAgency()).id);
    sheriff = await t.personas.analyst((await t.buildAgency()).id);
  });
  afterAll(() => t.close());

  const subject = (attributes: Record<string, unknown>) => ({
    type: 'person',
    role: 'subject',
    attributes,
  });
  async function create(
    user: TestUser,
    observations: unknown[],
    narrative = 'Seen near the rail yard.',
  ) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: user.auth,
      payload: recordBody({ narrative, observations }),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; observations: Obs[] }>();
  }

  it('the same man seen by two agencies, with a nickname and a licence number, becomes one entity with its evidence', async () => {
    const licence = { scheme: 'driver_license', value: 'T12345678', issuer: 'VA' };
    const first = await create(police, [
      subject({
        givenName: 'Robert',
        surname: 'Kowalski',
        dateOfBirth: '1984-03-12',
        identifiers: [licence],
      }),
    ]);
    const second = await create(sheriff, [
      subject({
        givenName: 'Bob',
        surname: 'Kowalski',
        dateOfBirth: '1984-03-12',
        identifiers: [licence],
      }),
    ]);
    const a = first.observations.find((o) => o.type === 'person')!;
    const b = second.observations.find((o) => o.type === 'person')!;
    expect(b.entityId).toBe(a.entityId);
    const [merge] = await t.database.db
      .select()
      .from(entityMerges)
      .where(eq(entityMerges.entityId, a.entityId));
    expect(merge).toMatchObject({ decidedBy: 'auto' });
    expect(merge!.probability).toBeGreaterThanOrEqual(0.99);
    expect(merge!.evidence.map((e) => e.field)).toEqual(expect.arrayContaining(['dob']));
    const [absorbed] = await t.database.db
      .select()
      .from(entities)
      .where(eq(entities.id, merge!.absorbedEntityId));
    expect(absorbed!.mergedIntoId).toBe(a.entityId);
  });

  it('CI-14 name and date of birth alone do not merge: a possible association is recorded instead', async () => {
    const first = await create(police, [
      subject({ givenName: 'Teresa', surname: 'Vandermolen', dateOfBirth: '1979-11-02' }),
    ]);
    const second = await create(sheriff, [
      subject({ givenName: 'Teresa', surname: 'Vandermolen', dateOfBirth: '1979-11-02' }),
    ]);
    const a = first.observations.find((o) => o.type === 'person')!;
    const b = second.observations.find((o) => o.type === 'person')!;
    expect(b.entityId).not.toBe(a.entityId);
    const candidates = await t.database.db.select().from(entityCandidates);
    expect(
      candidates.some(
        (c) => [c.entityA, c.entityB].sort().join() === [a.entityId, b.entityId].sort().join(),
      ),
    ).toBe(true);
  });

  it('a phone number mentioned in two narratives is one entity', async () => {
    const one = await create(police, [], 'The caller used (757) 555-0199 twice.');
    const two = await create(sheriff, [], 'Subject gave his number as 757-555-0199.');
    const phone = (r: { observations: Obs[] }) => r.observations.find((o) => o.type === 'phone')!;
    expect(phone(two).entityId).toBe(phone(one).entityId);
  });

  it('different people sharing only a common surname stay apart', async () => {
    const one = await create(police, [
      subject({ givenName: 'James', surname: 'Smith', dateOfBirth: '1990-01-01' }),
    ]);
    const two = await create(sheriff, [
      subject({ givenName: 'Maria', surname: 'Smith', dateOfBirth: '1955-07-30' }),
    ]);
    expect(two.observations[0]!.entityId).not.toBe(one.observations[0]!.entityId);
  });

  it('the profile shows merge evidence only to a viewer who sees both sides; an absorbed id still leads to the entity', async () => {
    const licence = { scheme: 'driver_license', value: 'Z99887766', issuer: 'VA' };
    const person = {
      givenName: 'Dwayne',
      surname: 'Okafor',
      dateOfBirth: '1988-06-21',
      identifiers: [licence],
    };
    const open = await create(police, [subject(person)]);
    const strict = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: sheriff.auth,
      payload: recordBody({
        observations: [subject(person)],
        markings: { tlp: 'AMBER+STRICT', caveats: [], partnerShare: 'full' },
      }),
    });
    const hidden = strict.json<{ observations: Obs[] }>().observations[0]!;
    const entityId = open.observations[0]!.entityId;
    expect(hidden.entityId).toBe(entityId);
    const profile = async (user: TestUser, id: string) =>
      (
        await t.app.inject({ method: 'GET', url: `/api/v1/entities/${id}`, headers: user.auth })
      ).json();
    const mine = await profile(sheriff, entityId);
    expect(mine.observations).toHaveLength(2);
    expect(mine.resolution.merges).toHaveLength(1);
    const theirs = await profile(police, entityId);
    expect(theirs.observations).toHaveLength(1);
    expect(theirs.resolution.merges).toEqual([]);
    const [merge] = await t.database.db
      .select()
      .from(entityMerges)
      .where(eq(entityMerges.entityId, entityId));
    expect((await profile(sheriff, merge!.absorbedEntityId)).id).toBe(entityId);
  });

  it('GET /entities pages through entities with only the observations the viewer may see', async () => {
    const seen = new Map<string, number>();
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/entities?type=person&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await t.app.inject({ method: 'GET', url, headers: police.auth });
      expect(res.statusCode, res.body).toBe(200);
      const page: { items: { id: string; observations: unknown[] }[]; nextCursor: string | null } =
        res.json();
      for (const e of page.items) {
        expect(seen.has(e.id)).toBe(false);
        expect(e.observations.length).toBeGreaterThan(0);
        seen.set(e.id, e.observations.length);
      }
      cursor = page.nextCursor;
    } while (cursor);
    // Okafor's entity holds a sheriff's AMBER+STRICT observation the police never see.
    const okafor = await t.database.db
      .select({ entityId: observations.entityId })
      .from(observations)
      .where(sql`${observations.attributes}->>'surname' = 'Okafor'`);
    expect(new Set(okafor.map((o) => o.entityId)).size).toBe(1);
    expect(okafor).toHaveLength(2);
    expect(seen.get(okafor[0]!.entityId)).toBe(1);
  });
});
