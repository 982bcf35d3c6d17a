import { describe, expect, it } from 'vitest';
import type { SarTransition } from './sar-api.ts';
import { stepperSteps } from './sar-states.ts';

const step = (fromState: string, toState: string, username = 'reviewer'): SarTransition =>
  ({
    id: `${fromState}-${toState}`,
    fromState,
    toState,
    at: '2026-03-01T10:00:00Z',
    actor: { userId: username, username, agencyId: 'a' },
    rationale: 'why',
    articulableFacts: null,
    recordVersion: 2,
  }) as SarTransition;

const view = (status: string, transitions: SarTransition[]) =>
  stepperSteps(status, transitions).map(
    (s) => `${s.label}:${s.progress}${s.tone === 'stop' ? '!' : ''}`,
  );

describe('the life-cycle stepper of a SAR', () => {
  it('a submitted SAR shows both vetting steps, the determination and sharing still to come', () => {
    expect(view('submitted', [])).toEqual([
      'Submitted:current',
      'Initial review (Part 1):todo',
      'Analyst review (Part 2):todo',
      'Determination: ISE-SAR or no nexus:todo',
      'Shared (SAR Data Repository):todo',
    ]);
  });

  it('the states passed carry who reached them; a rejected SAR ends there, marked as a stop', () => {
    const steps = stepperSteps('rejected', [
      step('submitted', 'initial_review'),
      step('initial_review', 'rejected', 'tom'),
    ]);
    expect(steps.map((s) => [s.label, s.progress, s.reachedBy?.actor.username])).toEqual([
      ['Submitted', 'done', undefined],
      ['Initial review (Part 1)', 'done', 'reviewer'],
      ['Rejected', 'current', 'tom'],
    ]);
    expect(steps.at(-1)?.tone).toBe('stop');
  });

  it('a draft starts at Draft; an ISE-SAR has only sharing ahead', () => {
    expect(view('draft', [])[1]).toBe('Submitted:todo');
    expect(
      view('ise_sar', [
        step('submitted', 'initial_review'),
        step('initial_review', 'analyst_review'),
        step('analyst_review', 'ise_sar', 'alicia'),
      ]).slice(-2),
    ).toEqual(['ISE-SAR:current', 'Shared (SAR Data Repository):todo']);
  });
});
