import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import { expectProblem, MISSING_ID } from '../../server/http.test-helpers.ts';
import { createTestApp, type TestApp } from '../../server/test-app.ts';
import { updateCenter } from '../center/center.service.ts';
import {
  buildVettingCast,
  FACTS,
  sarBody,
  VETTING_NOW,
  vettingCalls,
  type VettingCast,
} from './sar-vetting.test-helpers.ts';

type Vetting = {
  status: string;
  version: number;
  transitions: { toState: string; rationale: string; actor: { userId: string } }[];
  allowedTransitions: { to: string; requiresArticulableFacts: boolean }[];
};
const allowed = (v: Vetting) => v.allowedTransitions.map((a) => a.to);

describeEachDatabase('SAR vetting API', (kind) => {
  let t: TestApp;
  let calls: ReturnType<typeof vettingCalls>;
  beforeAll(async () => {
    t = await createTestApp(kind, { clock: { now: () => VETTING_NOW } });
    calls = vettingCalls(t);
  });
  afterAll(() => t.close());

  /** A Part 2 SAR of the cast's reporting agency, moved along by the given steps. */
  async function sarAt(cast: VettingCast, steps: ('initial_review' | 'analyst_review')[]) {
    const id = await calls.create(cast.officer, sarBody(cast));
    for (const to of steps) await calls.step(cast.reviewer, id, to);
    return id;
  }

  it('SAR-03/04 two people take a Part 2 SAR from submission to shared, each step on the record', async () => {
    const cast = await buildVettingCast(t);
    const id = await sarAt(cast, []);
    const before = (await calls.vetting(cast.reviewer, id)).json<Vetting>();
    expect(before).toMatchObject({ status: 'submitted', version: 1, transitions: [] });
    expect(allowed(before)).toEqual(['initial_review']);
    expect(allowed((await calls.vetting(cast.analyst, id)).json<Vetting>())).toEqual([]);

    const steps = [
      [cast.reviewer, { to: 'initial_review', rationale: 'Taking it for Part 1 review' }],
      [cast.reviewer, { to: 'analyst_review', rationale: 'Matches PHOTO with the qualifier' }],
      [cast.analyst, { to: 'ise_sar', rationale: 'Potential nexus', articulableFacts: FACTS }],
      [cast.analyst, { to: 'shared', rationale: 'Submitted to the SDR' }],
    ] as const;
    for (const [who, body] of steps) {
      const res = await calls.move(who, id, body);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<Vetting>().status).toBe(body.to);
    }
    const after = (await calls.vetting(cast.officer, id)).json<Vetting>();
    expect(after.version).toBe(5);
    expect(after.transitions.map((h) => [h.toState, h.actor.userId, h.rationale])).toEqual(
      steps.map(([who, body]) => [body.to, who.id, body.rationale]),
    );
    expect(after.transitions[2]).toMatchObject({
      articulableFacts: FACTS,
      at: VETTING_NOW.toISOString(),
    });
    expect(allowed(after)).toEqual([]);
    const record = await t.app.inject({ url: `/api/v1/records/${id}`, headers: cast.officer.auth });
    expect(record.json()).toMatchObject({ status: 'shared', payload: { articulableFacts: FACTS } });
    // Each replaced version keeps the status it had; the current one shows the record.
    const versions = await t.app.inject({
      url: `/api/v1/records/${id}/versions`,
      headers: cast.officer.auth,
    });
    const history = versions.json<{ items: { version: number; snapshot: { status: string } }[] }>();
    expect(history.items.map((v) => [v.version, v.snapshot.status])).toEqual([
      [5, 'shared'],
      [4, 'ise_sar'],
      [3, 'analyst_review'],
      [2, 'initial_review'],
      [1, 'submitted'],
    ]);
    const audited = await calls.audits('sar.transition', id);
    expect(audited.map((a) => [a.actorUserId, a.decision, a.details['to']])).toEqual(
      steps.map(([who, body]) => [who.id, 'allow', body.to]),
    );
  });

  it('SAR-03 a transition without a rationale is refused with 422 naming the field, and changes nothing', async () => {
    const cast = await buildVettingCast(t);
    const id = await sarAt(cast, []);
    const blank = await calls.move(cast.reviewer, id, { to: 'initial_review', rationale: '  ' });
    expect(expectProblem(blank, 422, 'sars.transition_invalid').errors).toEqual([
      { path: 'rationale', message: expect.any(String) },
    ]);
    const missing = await calls.move(cast.reviewer, id, { to: 'initial_review' });
    expect(expectProblem(missing, 400, 'validation.failed').errors?.[0]?.path).toBe(
      'body.rationale',
    );
    expect((await calls.vetting(cast.reviewer, id)).json<Vetting>().status).toBe('submitted');
  });

  it('SAR-03/07 a step the state does not allow is 409 and audited as a denial', async () => {
    const cast = await buildVettingCast(t);
    const id = await sarAt(cast, ['initial_review', 'analyst_review']);
    const share = await calls.move(cast.analyst, id, { to: 'shared', rationale: 'To the SDR' });
    expectProblem(share, 409, 'sars.illegal_transition');
    const back = await calls.move(cast.reviewer, id, { to: 'submitted', rationale: 'Undo' });
    expectProblem(back, 409, 'sars.illegal_transition');
    const denials = (await calls.audits('sar.transition', id)).filter((a) => a.decision === 'deny');
    expect(denials.map((d) => [d.actorUserId, d.details['to'], d.details['rule']])).toEqual([
      [cast.analyst.id, 'shared', 'illegal_transition'],
      [cast.reviewer.id, 'submitted', 'illegal_transition'],
    ]);
  });

  it('SAR-04 each step needs its role: 403 problems, audited as denials', async () => {
    const cast = await buildVettingCast(t);
    const id = await sarAt(cast, []);
    const byAnalyst = await calls.move(cast.analyst, id, { to: 'initial_review', rationale: 'x' });
    expectProblem(byAnalyst, 403, 'sars.role_required');
    const withdraw = await calls.move(cast.reviewer, id, { to: 'withdrawn', rationale: 'x' });
    expectProblem(withdraw, 403, 'sars.not_owner');
    await calls.step(cast.reviewer, id, 'initial_review');
    await calls.step(cast.reviewer, id, 'analyst_review');
    const byReviewer = await calls.move(cast.reviewer, id, { to: 'no_nexus', rationale: 'x' });
    expectProblem(byReviewer, 403, 'sars.role_required');
    const denials = (await calls.audits('sar.transition', id)).filter((a) => a.decision === 'deny');
    expect(denials.map((d) => d.details['rule'])).toEqual(['role', 'owner', 'role']);
  });

  it('SAR-04 the ISE-SAR determination needs a current NSI attestation; no nexus does not', async () => {
    const cast = await buildVettingCast(t);
    const id = await sarAt(cast, ['initial_review', 'analyst_review']);
    const lapsed = (await calls.vetting(cast.lapsedAnalyst, id)).json<Vetting>();
    expect(allowed(lapsed)).toEqual(['no_nexus']);
    const res = await calls.move(cast.lapsedAnalyst, id, {
      to: 'ise_sar',
      rationale: 'Nexus',
      articulableFacts: FACTS,
    });
    expectProblem(res, 403, 'sars.attestation_required');
    await calls.step(cast.lapsedAnalyst, id, 'no_nexus');
  });

  it('SAR-04 two-person rule: who made the Part 1 decision cannot make Part 2, nor can the author vet', async () => {
    const cast = await buildVettingCast(t);
    const id = await calls.create(cast.officer, sarBody(cast));
    await calls.step(cast.both, id, 'initial_review');
    await calls.step(cast.both, id, 'analyst_review');
    expect(allowed((await calls.vetting(cast.both, id)).json<Vetting>())).toEqual([]);
    const same = await calls.move(cast.both, id, {
      to: 'ise_sar',
      rationale: 'Nexus',
      articulableFacts: FACTS,
    });
    expectProblem(same, 403, 'sars.two_person_rule');
    const [denial] = (await calls.audits('sar.transition', id)).filter(
      (a) => a.decision === 'deny',
    );
    expect(denial).toMatchObject({ actorUserId: cast.both.id, details: { rule: 'two_person' } });

    const own = await calls.create(
      cast.both,
      sarBody(cast, {
        markings: {
          tlp: 'AMBER',
          caveats: [],
          partnerShare: 'full',
          networkShare: 'none',
          releasableTo: [],
        },
      }),
    );
    const review = await calls.move(cast.both, own, { to: 'initial_review', rationale: 'Mine' });
    expectProblem(review, 403, 'sars.two_person_rule');
  });

  it('SAR-04 with two_person_vetting off (center setting) one person may take both steps', async () => {
    const cast = await buildVettingCast(t);
    const id = await calls.create(cast.officer, sarBody(cast));
    await updateCenter(t.database.db, t.system.viewer, {
      settings: { sarVetting: { twoPersonVetting: false } },
    });
    try {
      for (const to of ['initial_review', 'analyst_review'] as const)
        await calls.step(cast.both, id, to);
      const res = await calls.move(cast.both, id, {
        to: 'ise_sar',
        rationale: 'Nexus',
        articulableFacts: FACTS,
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ policy: { twoPersonVetting: false } });
    } finally {
      await updateCenter(t.database.db, t.system.viewer, { settings: { sarVetting: {} } });
    }
  });

  it('SAR-05 a Part 2 ISE-SAR needs articulable facts of the minimum length; Part 1 does not', async () => {
    const cast = await buildVettingCast(t);
    const part2 = await sarAt(cast, ['initial_review', 'analyst_review']);
    for (const facts of [undefined, 'Took photos.']) {
      const res = await calls.move(cast.analyst, part2, {
        to: 'ise_sar',
        rationale: 'Nexus',
        ...(facts === undefined ? {} : { articulableFacts: facts }),
      });
      expect(expectProblem(res, 422, 'sars.transition_invalid').errors?.[0]?.path).toBe(
        'articulableFacts',
      );
    }
    const part1 = await calls.create(
      cast.officer,
      sarBody(cast, { payload: { behaviours: ['INTRSN'], targetSectors: ['WATR'] } }),
    );
    for (const to of ['initial_review', 'analyst_review'] as const)
      await calls.step(cast.reviewer, part1, to);
    await calls.step(cast.analyst, part1, 'ise_sar');
  });

  it('SAR-01/03 a SAR starts as draft or submitted; its status never moves by PATCH', async () => {
    const cast = await buildVettingCast(t);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/records',
      headers: cast.officer.auth,
      payload: sarBody(cast, { status: 'active' }),
    });
    expect(expectProblem(created, 422, 'records.invalid').errors?.[0]?.path).toBe('status');
    const draft = await calls.create(
      cast.officer,
      sarBody(cast, { status: 'draft', payload: { behaviours: [] } }),
    );
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/records/${draft}`,
      headers: cast.officer.auth,
      payload: { version: 1, status: 'submitted' },
    });
    expect(expectProblem(patch, 422, 'records.invalid').errors?.[0]?.path).toBe('status');
    const empty = await calls.move(cast.officer, draft, { to: 'submitted', rationale: 'Done' });
    expect(expectProblem(empty, 422, 'sars.transition_invalid').errors?.[0]?.path).toBe(
      'payload.behaviours',
    );
    await calls.step(cast.officer, draft, 'withdrawn');
  });

  it('a SAR the viewer cannot see is 404 for its history and its transitions, like a missing one', async () => {
    const cast = await buildVettingCast(t);
    const stranger = await buildVettingCast(t);
    const id = await sarAt(cast, []);
    const missing = await calls.vetting(stranger.reviewer, MISSING_ID);
    expectProblem(missing, 404, 'records.not_found');
    expectProblem(await calls.vetting(stranger.reviewer, id), 404, 'records.not_found');
    const move = await calls.move(stranger.reviewer, id, { to: 'initial_review', rationale: 'x' });
    expectProblem(move, 404, 'records.not_found');
    const incident = await calls.create(
      cast.officer,
      sarBody(cast, { kind: 'incident', payload: {} }),
    );
    expectProblem(await calls.vetting(cast.officer, incident), 404, 'records.not_found');
    expect((await calls.vetting(cast.reviewer, id)).json<Vetting>().status).toBe('submitted');
    const denied = await calls.audits('sar.history', id);
    expect(denied.map((a) => [a.actorUserId, a.decision])).toEqual([
      [stranger.reviewer.id, 'deny'],
      [cast.reviewer.id, 'allow'],
    ]);
  });
});
