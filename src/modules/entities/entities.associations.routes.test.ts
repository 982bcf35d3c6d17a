/**
 * Confirmed associations on the entity profile: an analyst confirmed a possible association
 * without merging (CI-14: identity not established), and both entities' profiles show the
 * link — to a viewer who may see both observations it rests on, and to no one else.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import { createTestApp, type TestApp, type TestUser } from '../../server/test-app.ts';
import {
  candidateBetween,
  entityOf,
  writeObservation,
  type Written,
} from '../resolution/resolution.test-helpers.ts';

type Association = {
  candidateId: string;
  otherEntityId: string;
  observationA: string;
  observationB: string;
  probability: number;
  evidence: { field: string; level: string; weight: number }[];
  decidedByUserId: string | null;
  decidedAt: string | null;
};
type Profile = {
  resolution: {
    merges: { mergeId: string; observationA: string; observationB: string }[];
    possibleAssociations: { candidateId: string; otherEntityId: string }[];
    confirmedAssociations: Association[];
  };
};

describeEachDatabase('confirmed associations on entity profiles', (kind) => {
  let t: TestApp;
  let a: TestUser; // analyst of agency A: sees both records
  let b: TestUser; // analyst of agency B: owns the record released to A only
  let c: TestUser; // analyst of agency C: sees A's shared record, not B's
  const rationale = 'Same name and date of birth; the tip names no identifier';

  beforeAll(async () => {
    t = await createTestApp(kind);
    a = await t.personas.analyst((await t.buildAgency()).id);
    b = await t.personas.analyst((await t.buildAgency()).id);
    c = await t.personas.analyst((await t.buildAgency()).id);
  });
  afterAll(() => t.close());

  const profile = async (as: TestUser, entityId: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/entities/${entityId}`,
      headers: as.auth,
    });
    expect(res.statusCode, res.body).toBe(200);
    return { body: res.body, entity: res.json<Profile>() };
  };
  const confirm = async (as: TestUser, candidateId: string, association: boolean) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/entities/candidates/${candidateId}/confirm`,
      headers: as.auth,
      payload: { rationale, association },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ outcome: string; merge: { mergeId: string } | null }>();
  };

  let phones = 0;
  const phone = () => `+1757555${String(100 + phones++).padStart(4, '0')}`;
  const laurel = { address: { street: '48 Laurel St', city: 'Norfolk', state: 'VA' } };
  /** The same address but another sex and phone: merge-grade evidence, below auto-merge. */
  const atLaurel = (sex: string) => ({ ...laurel, sex, phones: [phone()] });

  /**
   * A's record (shared with every partner) and B's (released to A only) of one name and date
   * of birth: resolution proposes them as a possible association.
   */
  async function twoRecordsOfOneName(surname: string, more: { x?: object; y?: object } = {}) {
    const person = { givenName: 'Teodor', surname, dateOfBirth: '1968-05-14' };
    const x = await writeObservation(t, a, { ...person, ...more.x });
    const releasedToA = {
      tlp: 'GREEN',
      caveats: ['LES'],
      partnerShare: 'full',
      networkShare: 'none',
      releasableTo: [a.agencyId],
    };
    const y = await writeObservation(t, b, { ...person, ...more.y }, { markings: releasedToA });
    const [candidate] = await candidateBetween(t.database.db, x, y);
    expect(candidate, 'resolution should have proposed a possible association').toBeDefined();
    return { x, y, person, candidateId: candidate!.id };
  }

  const current = (w: Written) => entityOf(t.database.db, w.observationId);

  it('CI-14 a confirmed association shows on both profiles, with its evidence, instead of as an open candidate', async () => {
    const { x, y, candidateId } = await twoRecordsOfOneName('Marchetti');
    const open = await profile(a, x.entityId);
    expect(open.entity.resolution.possibleAssociations).toMatchObject([
      { candidateId, otherEntityId: y.entityId },
    ]);
    expect(open.entity.resolution.confirmedAssociations).toEqual([]);

    expect(await confirm(a, candidateId, true)).toMatchObject({ outcome: 'association' });
    const fromX = await profile(a, x.entityId);
    expect(fromX.entity.resolution.possibleAssociations).toEqual([]);
    expect(fromX.entity.resolution.confirmedAssociations).toEqual([
      {
        candidateId,
        otherEntityId: y.entityId,
        observationA: expect.any(String),
        observationB: expect.any(String),
        probability: expect.any(Number),
        evidence: expect.arrayContaining([
          { field: 'dob', level: 'exact', weight: expect.any(Number) },
        ]),
        decidedByUserId: a.id,
        decidedAt: expect.any(String),
      },
    ]);
    const pair = fromX.entity.resolution.confirmedAssociations[0]!;
    expect([pair.observationA, pair.observationB].sort()).toEqual(
      [x.observationId, y.observationId].sort(),
    );
    const fromY = await profile(b, y.entityId);
    expect(fromY.entity.resolution.confirmedAssociations).toMatchObject([
      { candidateId, otherEntityId: x.entityId },
    ]);
  });

  it('an association whose other side the viewer cannot see is not shown, nor its entity named', async () => {
    const { x, y, candidateId } = await twoRecordsOfOneName('Lindqvist');
    await confirm(a, candidateId, true);
    // C sees A's record but nothing of B's: the profile must not hint that B holds anything.
    const seenByC = await profile(c, x.entityId);
    expect(seenByC.entity.resolution.confirmedAssociations).toEqual([]);
    expect(seenByC.body).not.toContain(y.entityId);
    expect(seenByC.body).not.toContain(y.observationId);
    expect(seenByC.body).not.toContain(candidateId);
    const seenByA = await profile(a, x.entityId);
    expect(seenByA.entity.resolution.confirmedAssociations).toHaveLength(1);
  });

  it('follows the observations: once the other entity is merged into a third, it names the survivor', async () => {
    const { x, y, person, candidateId } = await twoRecordsOfOneName('Oyelaran', {
      y: atLaurel('M'),
    });
    await confirm(a, candidateId, true);
    // B's other record of him, at the same address: its own entity until B merges Y into it.
    const z = await writeObservation(t, b, { ...person, ...atLaurel('F') });
    const zEntity = await current(z);
    expect(zEntity).not.toBe(await current(y));
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/entities/${zEntity}/merge`,
      headers: b.auth,
      payload: { otherEntityId: await current(y), rationale },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await current(y)).toBe(zEntity);
    const fromX = await profile(a, x.entityId);
    expect(fromX.entity.resolution.confirmedAssociations).toMatchObject([
      { candidateId, otherEntityId: zEntity },
    ]);
  });

  it('a confirmation that merged is not an association, even once the merge is split', async () => {
    const { x, y, candidateId } = await twoRecordsOfOneName('Castellanos', {
      x: atLaurel('M'),
      y: atLaurel('F'),
    });
    const merged = await confirm(a, candidateId, false);
    expect(merged.outcome).toBe('merged');
    const split = await t.app.inject({
      method: 'POST',
      url: `/api/v1/entities/${await current(x)}/split`,
      headers: a.auth,
      payload: { mergeId: merged.merge!.mergeId, rationale: 'Two different men' },
    });
    expect(split.statusCode, split.body).toBe(200);
    expect(await current(x)).not.toBe(await current(y));
    for (const w of [x, y]) {
      const seen = await profile(a, await current(w));
      expect(seen.entity.resolution.confirmedAssociations).toEqual([]);
    }
  });

  it('the profile names each merge by the id a split takes; once split, the merge is gone', async () => {
    const { x, y, candidateId } = await twoRecordsOfOneName('Abernathy', {
      x: atLaurel('M'),
      y: atLaurel('F'),
    });
    const merged = await confirm(a, candidateId, false);
    const survivor = await current(x);
    const before = await profile(a, survivor);
    expect(before.entity.resolution.merges).toEqual([
      expect.objectContaining({ mergeId: merged.merge!.mergeId }),
    ]);
    const split = await t.app.inject({
      method: 'POST',
      url: `/api/v1/entities/${survivor}/split`,
      headers: a.auth,
      payload: { mergeId: before.entity.resolution.merges[0]!.mergeId, rationale },
    });
    expect(split.statusCode, split.body).toBe(200);
    expect((await profile(a, await current(x))).entity.resolution.merges).toEqual([]);
    expect(await current(y)).not.toBe(await current(x));
  });
});
