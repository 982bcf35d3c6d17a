import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import { expectProblem, problemPaths } from '../../server/http.test-helpers.ts';
import { createTestApp, type TestApp } from '../../server/test-app.ts';
import {
  buildVettingCast,
  sarBody,
  VETTING_NOW,
  vettingCalls,
  type VettingCast,
} from './sar-vetting.test-helpers.ts';

type Page = {
  items: { id: string; status: string; lastTransitionAt: string | null }[];
  nextCursor: string | null;
};

describeEachDatabase('SAR vetting queues', (kind) => {
  let t: TestApp;
  let calls: ReturnType<typeof vettingCalls>;
  beforeAll(async () => {
    t = await createTestApp(kind, { clock: { now: () => VETTING_NOW } });
    calls = vettingCalls(t);
  });
  afterAll(() => t.close());

  /** One SAR in each state a queue may hold, oldest first. */
  async function threeSars(cast: VettingCast) {
    const submitted = await calls.create(cast.officer, sarBody(cast));
    const inReview = await calls.create(cast.officer, sarBody(cast));
    await calls.step(cast.reviewer, inReview, 'initial_review');
    const forAnalyst = await calls.create(cast.officer, sarBody(cast));
    await calls.step(cast.both, forAnalyst, 'initial_review');
    await calls.step(cast.both, forAnalyst, 'analyst_review');
    return { submitted, inReview, forAnalyst };
  }
  const ids = (res: { json: () => Page }) => res.json().items.map((i) => i.id);

  it('the initial-review queue holds the visible SARs waiting for Part 1, oldest first, page by page', async () => {
    const cast = await buildVettingCast(t);
    const sars = await threeSars(cast);
    const hidden = await buildVettingCast(t);
    await calls.create(hidden.officer, sarBody(hidden));
    const first = await calls.queue(cast.reviewer, 'step=initial_review&limit=1');
    expect(first.statusCode, first.body).toBe(200);
    expect(ids(first)).toEqual([sars.submitted]);
    const cursor = first.json().nextCursor!;
    const rest = await calls.queue(cast.reviewer, `step=initial_review&cursor=${cursor}`);
    expect(rest.json()).toMatchObject({
      items: [
        {
          id: sars.inReview,
          status: 'initial_review',
          lastTransitionAt: VETTING_NOW.toISOString(),
        },
      ],
      nextCursor: null,
    });
    const listed = await calls.audits('sar.queue', sars.submitted);
    expect(listed).toMatchObject([
      { actorUserId: cast.reviewer.id, decision: 'allow', details: { step: 'initial_review' } },
    ]);
  });

  it('SAR-04 the analyst-review queue leaves out SARs whose Part 1 decision the viewer made', async () => {
    const cast = await buildVettingCast(t);
    const sars = await threeSars(cast);
    expect(ids(await calls.queue(cast.analyst, 'step=analyst_review'))).toEqual([sars.forAnalyst]);
    // The lapsed analyst still decides no nexus, so the SAR waits for them too.
    expect(ids(await calls.queue(cast.lapsedAnalyst, 'step=analyst_review'))).toEqual([
      sars.forAnalyst,
    ]);
    expect(ids(await calls.queue(cast.both, 'step=analyst_review'))).toEqual([]);
    expect(ids(await calls.queue(cast.both, 'step=initial_review'))).toEqual([
      sars.submitted,
      sars.inReview,
    ]);
  });

  it('SAR-04 the submitter does not find their own SAR in a queue', async () => {
    const cast = await buildVettingCast(t);
    const own = await calls.create(
      cast.both,
      sarBody(cast, {
        markings: {
          tlp: 'AMBER',
          caveats: [],
          partnerShare: 'full',
          networkShare: 'none',
          releasableTo: [cast.reporting.id],
        },
      }),
    );
    expect(ids(await calls.queue(cast.both, 'step=initial_review'))).toEqual([]);
    expect(ids(await calls.queue(cast.reviewer, 'step=initial_review'))).toEqual([own]);
  });

  it('a queue is for the role of its step: 403 otherwise, audited as a denial', async () => {
    const cast = await buildVettingCast(t);
    expectProblem(await calls.queue(cast.analyst, 'step=initial_review'), 403, 'access.forbidden');
    expectProblem(await calls.queue(cast.officer, 'step=analyst_review'), 403, 'access.forbidden');
    expect(await calls.denials('sar.queue', cast.analyst.id)).toMatchObject([
      {
        details: { step: 'initial_review' },
        reason: 'the initial_review queue needs sar_reviewer',
      },
    ]);
    const bad = await calls.queue(cast.reviewer, 'step=shared');
    expectProblem(bad, 400, 'validation.failed');
    expect(problemPaths(bad)).toContain('querystring.step');
  });
});
