import { defineError } from '../../shared/errors.ts';

export const sarIllegalTransition = defineError({
  code: 'sars.illegal_transition',
  status: 409,
  title: 'The SAR cannot take this step from its current state',
});
export const sarTransitionInvalid = defineError({
  code: 'sars.transition_invalid',
  status: 422,
  title: 'The transition lacks what it requires',
});
export const sarNotOwner = defineError({
  code: 'sars.not_owner',
  status: 403,
  title: "Only the reporting agency's staff may submit or withdraw its SAR",
});
export const sarRoleRequired = defineError({
  code: 'sars.role_required',
  status: 403,
  title: 'This vetting step needs another role',
});
export const sarAttestationRequired = defineError({
  code: 'sars.attestation_required',
  status: 403,
  title: 'The ISE-SAR determination needs a current NSI analyst training attestation',
});
export const sarTwoPersonRule = defineError({
  code: 'sars.two_person_rule',
  status: 403,
  title: 'Another person must take this vetting step (two-person rule)',
});
