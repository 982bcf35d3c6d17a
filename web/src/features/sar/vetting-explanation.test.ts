import { describe, expect, it } from 'vitest';
import type { SarVetting } from './sar-api.ts';
import { whyNoStep } from './vetting-explanation.ts';

const policy = {
  twoPersonVetting: true,
  articulableFactsMinLength: 50,
  attestationValidMonths: 12,
};
const vetting = (status: string, allowed: string[], part1By?: string): SarVetting =>
  ({
    sarId: 's',
    status,
    version: 3,
    behaviours: ['PHOTO'],
    hasPart2Behaviour: true,
    transitions: part1By
      ? [
          {
            id: 't',
            fromState: 'initial_review',
            toState: 'analyst_review',
            at: '2026-03-01T10:00:00Z',
            actor: { userId: part1By, username: part1By, agencyId: 'a' },
            rationale: 'meets the criteria',
            articulableFacts: null,
            recordVersion: 3,
          },
        ]
      : [],
    allowedTransitions: allowed.map((to) => ({ to, requiresArticulableFacts: false })),
    policy,
  }) as SarVetting;
const both = {
  userId: 'dual',
  roles: ['sar_reviewer', 'sar_analyst'],
  nsiTrainedAnalyst: '2026-01-01',
};

describe('why a vetter sees no control for the step a SAR waits for', () => {
  it('SAR-04: the Part 1 decider is told another analyst makes the Part 2 determination', () => {
    expect(whyNoStep(vetting('analyst_review', ['withdrawn'], 'dual'), both)).toMatch(
      /You made the Part 1 decision.*two-person rule/,
    );
  });

  it('SAR-04: the author of a SAR is told they do not vet it', () => {
    expect(whyNoStep(vetting('submitted', ['withdrawn']), both)).toMatch(/entered or submitted/);
  });

  it('an analyst without a current attestation may still find no nexus, and is told why not ISE-SAR', () => {
    const lapsed = { userId: 'fbi', roles: ['sar_analyst'], nsiTrainedAnalyst: '2022-10-17' };
    expect(whyNoStep(vetting('analyst_review', ['no_nexus'], 'tom'), lapsed)).toMatch(
      /attestation within the last 12 months \(yours: 2022-10-17\).*no nexus/,
    );
  });

  it('says nothing to someone without the step’s role, or who may take the step', () => {
    const officer = { userId: 'o', roles: ['analyst'], nsiTrainedAnalyst: null };
    expect(whyNoStep(vetting('submitted', ['withdrawn']), officer)).toBeNull();
    expect(whyNoStep(vetting('analyst_review', ['ise_sar', 'no_nexus'], 'tom'), both)).toBeNull();
  });
});
