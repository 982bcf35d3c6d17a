import type { SarState, SarVetting } from './sar-api.ts';
import { STEP_ROLE, type VettingStep } from './sar-states.ts';

/** The vetting step a SAR in each state waits for (none once decided). */
const WAITING_STEP: Partial<Record<string, VettingStep>> = {
  submitted: 'initial_review',
  initial_review: 'initial_review',
  analyst_review: 'analyst_review',
  ise_sar: 'analyst_review',
};

const STEP_STATES: Record<VettingStep, readonly SarState[]> = {
  initial_review: ['initial_review', 'rejected', 'analyst_review'],
  analyst_review: ['no_nexus', 'ise_sar', 'shared'],
};

type Viewer = { userId: string; roles: readonly string[]; nsiTrainedAnalyst: string | null };

/**
 * Why a viewer who holds the role of the step a SAR waits for sees no control for it, or null
 * when there is nothing to explain. The server decides (allowedTransitions); this only names
 * the likely reason from the history, so a vetter is not left guessing.
 */
export function whyNoStep(vetting: SarVetting, viewer: Viewer): string | null {
  const step = WAITING_STEP[vetting.status];
  if (!step || !viewer.roles.includes(STEP_ROLE[step])) return null;
  const allowed = vetting.allowedTransitions.map((a) => a.to);
  const mayStep = allowed.filter((to) => STEP_STATES[step].includes(to));
  const twoPerson = vetting.policy.twoPersonVetting;
  const byMe = (to: SarState) =>
    vetting.transitions.some((t) => t.toState === to && t.actor.userId === viewer.userId);
  const attestation = `an NSI analyst training attestation within the last ${vetting.policy.attestationValidMonths} months (yours: ${viewer.nsiTrainedAnalyst ?? 'none'})`;
  if (mayStep.length === 0) {
    if (vetting.status === 'ise_sar')
      return `Recording the ISE-SAR as shared needs ${attestation}.`;
    if (twoPerson && step === 'analyst_review' && byMe('analyst_review'))
      return 'You made the Part 1 decision on this SAR. Under the two-person rule, another analyst makes the Part 2 determination.';
    if (twoPerson)
      return 'You may not vet this SAR. Under the two-person rule, whoever entered or submitted a SAR does not vet it.';
    return null;
  }
  if (vetting.status === 'analyst_review' && !allowed.includes('ise_sar'))
    return `The ISE-SAR determination needs ${attestation}. You may still find no nexus.`;
  return null;
}
