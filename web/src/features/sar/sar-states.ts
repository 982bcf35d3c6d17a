import type { SarState, SarTransition } from './sar-api.ts';

export type VettingStep = 'initial_review' | 'analyst_review';

/** The role that performs each vetting step (docs/sar-vetting.md). */
export const STEP_ROLE = { initial_review: 'sar_reviewer', analyst_review: 'sar_analyst' } as const;

/** The life-cycle states as a reader says them (docs/sar-vetting.md). */
export const STATE_LABELS: { [S in SarState]: string } = {
  draft: 'Draft',
  submitted: 'Submitted',
  initial_review: 'Initial review (Part 1)',
  rejected: 'Rejected',
  analyst_review: 'Analyst review (Part 2)',
  no_nexus: 'No terrorism nexus',
  ise_sar: 'ISE-SAR',
  shared: 'Shared (SAR Data Repository)',
  withdrawn: 'Withdrawn',
};

/** What the button for a transition into each state says. */
export const ACTION_LABELS: { [S in SarState]: string } = {
  draft: 'Back to draft',
  submitted: 'Submit for vetting',
  initial_review: 'Take for initial review',
  rejected: 'Reject: does not meet the criteria',
  analyst_review: 'Meets the criteria: forward to analyst review',
  no_nexus: 'No nexus: keep locally',
  ise_sar: 'Determine ISE-SAR',
  shared: 'Record as shared to the SAR Data Repository',
  withdrawn: 'Withdraw',
};

/** What a step decides, shown beside its rationale field. */
export const ACTION_HINTS: Partial<{ [S in SarState]: string }> = {
  initial_review: 'You take the SAR for the Part 1 check against the behaviour criteria.',
  rejected: 'Part 1 decision: the report does not meet the ISE-SAR behaviour criteria.',
  analyst_review:
    'Part 1 decision: the behaviour meets the criteria (with the reasonable-person qualifier).',
  no_nexus: 'Part 2 decision: no potential nexus to terrorism; the SAR stays local.',
  ise_sar: 'Part 2 decision: the activity has a potential nexus to terrorism.',
  shared: 'The ISE-SAR was submitted to the NSI SAR Data Repository (eGuardian).',
  withdrawn: 'The reporting agency withdraws the SAR before a determination is made.',
};

const FINAL: readonly SarState[] = ['rejected', 'no_nexus', 'shared', 'withdrawn'];
const MAIN_LINE: readonly SarState[] = [
  'draft',
  'submitted',
  'initial_review',
  'analyst_review',
  'ise_sar',
  'shared',
];

export type StepView = {
  /** A state, or a label for a step still to come. */
  key: string;
  label: string;
  progress: 'done' | 'current' | 'todo';
  tone: 'normal' | 'stop';
  /** The transition that reached this state, if it was one. */
  reachedBy?: SarTransition;
};

/**
 * The stepper of one SAR: the states it passed through (as its history says), its current
 * state, then the main line still ahead — so a rejected SAR ends at "Rejected" and a submitted
 * one shows the two vetting steps and the determination to come.
 */
export function stepperSteps(status: string, transitions: readonly SarTransition[]): StepView[] {
  const passed: { state: string; reachedBy?: SarTransition }[] = [];
  const first = transitions[0]?.fromState ?? status;
  passed.push({ state: first });
  for (const t of transitions) passed.push({ state: t.toState, reachedBy: t });
  const steps: StepView[] = passed.map((p, i) => ({
    key: `${p.state}-${i}`,
    label: label(p.state),
    progress: i === passed.length - 1 ? 'current' : 'done',
    tone: FINAL.includes(p.state as SarState) && p.state !== 'shared' ? 'stop' : 'normal',
    ...(p.reachedBy ? { reachedBy: p.reachedBy } : {}),
  }));
  const at = MAIN_LINE.indexOf(status as SarState);
  if (at < 0 || FINAL.includes(status as SarState)) return steps;
  for (const ahead of MAIN_LINE.slice(at + 1)) {
    steps.push({
      key: ahead,
      label: ahead === 'ise_sar' ? 'Determination: ISE-SAR or no nexus' : label(ahead),
      progress: 'todo',
      tone: 'normal',
    });
  }
  return steps;
}

export function label(state: string): string {
  return (STATE_LABELS as Record<string, string>)[state] ?? state;
}
