/**
 * The SAR life cycle rule walked by fast-check: random SARs, policies and sequences of
 * requests by a small cast (reviewers, analysts with current and lapsed training, a person
 * holding both roles, the SAR's author, an outsider), applied the way the service applies
 * them. Whatever the sequence, the properties of SAR-03/04/05/07 hold. Examples that name
 * each refusal are in sar-vetting.routes.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_ATTRIBUTES, type Role, type Viewer } from '../../access/viewer.ts';
import { SAR_BEHAVIOUR_CODES } from './sar-codes.ts';
import {
  allowedTransitions,
  decideTransition,
  hasPart2Behaviour,
  isAttestationCurrent,
  permissionFor,
  SAR_NEXT,
  SAR_START_STATES,
  SAR_STATES,
  vettingFacts,
  type SarState,
  type SarVettingPolicy,
} from './sar-vetting.ts';

const NOW = new Date('2026-06-15T12:00:00Z');
const OWNER = 'owner-agency';
const CENTER = 'center-agency';
const CURRENT = '2026-01-10';
const LAPSED = '2022-01-10';

function person(id: string, agencyId: string, roles: Role[], trained: string | null): Viewer {
  return {
    kind: 'user',
    userId: id,
    username: id,
    agencyId,
    agencyLevel: 'local',
    agencyDiscipline: 'law_enforcement',
    roles,
    attributes: { ...NO_ATTRIBUTES, lawEnforcement: true, nsiTrainedAnalyst: trained },
    sharingGroupIds: [],
    active: true,
    agencyActive: true,
    purpose: null,
  };
}

const AUTHOR = person('author', OWNER, ['sar_reviewer', 'sar_analyst', 'analyst'], CURRENT);
const CAST: readonly Viewer[] = [
  AUTHOR,
  person('clerk', OWNER, ['analyst'], null),
  person('reviewer1', CENTER, ['sar_reviewer'], null),
  person('reviewer2', CENTER, ['sar_reviewer'], null),
  person('analyst', CENTER, ['sar_analyst'], CURRENT),
  person('lapsed', CENTER, ['sar_analyst'], LAPSED),
  person('both', CENTER, ['sar_reviewer', 'sar_analyst'], CURRENT),
  person('outsider', CENTER, ['partner'], CURRENT),
];

const LONG_FACTS = 'The subject photographed the fence line and cameras for forty minutes. '.repeat(
  3,
);
const step = fc.record({
  actor: fc.nat(CAST.length - 1),
  /**
   * Usually a next state of the current one, most often the first (onward) one, so that
   * walks go deep; sometimes any state at all.
   */
  followGraph: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, fc.constant(false)),
  choice: fc.oneof({ arbitrary: fc.constant(0), weight: 2 }, fc.nat(20)),
  rationale: fc.oneof(
    { arbitrary: fc.constant('Reviewed against the Part B criteria.'), weight: 6 },
    fc.constantFrom('', '   ', '\n'),
  ),
  articulableFacts: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 3 },
    { arbitrary: fc.constant(LONG_FACTS), weight: 2 },
    fc.constantFrom('', 'short'),
  ),
});
const policyArb = fc.record({
  twoPersonVetting: fc.boolean(),
  articulableFactsMinLength: fc.integer({ min: 1, max: 200 }),
  attestationValidMonths: fc.integer({ min: 1, max: 36 }),
});
const sarArb = fc.record({
  start: fc.constantFrom(...SAR_START_STATES),
  behaviours: fc.subarray([...SAR_BEHAVIOUR_CODES], { maxLength: 3 }),
});

type Accepted = {
  from: SarState;
  to: SarState;
  actor: Viewer;
  rationale: string;
  articulableFacts: string | undefined;
};

describe('SAR vetting rule (SAR-03, SAR-04, SAR-05, SAR-07)', () => {
  it('holds its properties over random walks of the life cycle', () => {
    const reached = new Set<SarState>();
    fc.assert(
      fc.property(
        sarArb,
        policyArb,
        fc.array(step, { minLength: 5, maxLength: 50 }),
        (sar, policy, steps) => {
          let state: SarState = sar.start;
          const accepted: Accepted[] = [];
          for (const s of steps) {
            const actor = CAST[s.actor]!;
            const next: readonly SarState[] = SAR_NEXT[state];
            const to: SarState =
              s.followGraph && next.length > 0
                ? next[s.choice % next.length]!
                : SAR_STATES[s.choice % SAR_STATES.length]!;
            const facts = vettingFacts(
              { status: state, ownerAgencyId: OWNER, createdByUserId: AUTHOR.userId },
              sar.behaviours,
              accepted.map((a) => ({ toState: a.to, actorUserId: a.actor.userId })),
            );
            const request = { to, rationale: s.rationale, articulableFacts: s.articulableFacts };
            const refusal = decideTransition(facts, actor, request, policy, NOW);
            const allowed = allowedTransitions(facts, actor, policy, NOW).map((a) => a.to);
            // The controls a screen shows are exactly the transitions the viewer may perform.
            expect(allowed.includes(to)).toBe(!permissionFor(facts, actor, to, policy, NOW));
            if (refusal === undefined) {
              expect(allowed).toContain(to);
              accepted.push({ from: state, actor, ...request });
              state = to;
              reached.add(to);
            }
            if (s.rationale.trim() === '') expect(refusal).toBeDefined();
          }
          checkHistory(sar.start, sar.behaviours, policy, accepted);
        },
      ),
      { numRuns: 3000 },
    );
    // The walks must reach the far end of the graph, or the properties above prove little.
    expect([...reached]).toEqual(expect.arrayContaining(['ise_sar', 'shared', 'no_nexus']));
  });

  it('an attestation is current from its date until the configured months have passed', () => {
    expect(isAttestationCurrent('2025-06-16', NOW, 12)).toBe(true);
    expect(isAttestationCurrent('2025-06-15', NOW, 12)).toBe(false);
    expect(isAttestationCurrent('2026-06-16', NOW, 12)).toBe(false); // in the future
    expect(isAttestationCurrent(null, NOW, 12)).toBe(false);
  });
});

function checkHistory(
  start: SarState,
  behaviours: readonly string[],
  policy: SarVettingPolicy,
  accepted: readonly Accepted[],
) {
  let state = start;
  for (const a of accepted) {
    expect(a.from).toBe(state);
    expect(SAR_NEXT[a.from]).toContain(a.to);
    expect(a.rationale.trim()).not.toBe('');
    state = a.to;
  }
  const determination = accepted.find((a) => a.to === 'ise_sar');
  const sharing = accepted.find((a) => a.to === 'shared');
  // SAR-07: shared only ever follows an ISE-SAR determination.
  if (sharing) expect(determination).toBeDefined();
  if (!determination) return;
  const states = accepted.map((a) => a.to);
  expect(states.indexOf('initial_review')).toBeGreaterThanOrEqual(0);
  expect(states.indexOf('initial_review')).toBeLessThan(states.indexOf('analyst_review'));
  const part1 = accepted.find((a) => a.to === 'analyst_review')!;
  expect(part1.actor.roles).toContain('sar_reviewer');
  expect(determination.actor.roles).toContain('sar_analyst');
  const trained = determination.actor.attributes.nsiTrainedAnalyst;
  expect(isAttestationCurrent(trained, NOW, policy.attestationValidMonths)).toBe(true);
  if (policy.twoPersonVetting) {
    expect(determination.actor.userId).not.toBe(part1.actor.userId);
    expect([part1.actor.userId, determination.actor.userId]).not.toContain(AUTHOR.userId);
  }
  if (hasPart2Behaviour(behaviours)) {
    const facts = determination.articulableFacts?.trim() ?? '';
    expect(facts.length).toBeGreaterThanOrEqual(policy.articulableFactsMinLength);
  }
}
