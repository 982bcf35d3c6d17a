import { defineError } from '../../shared/errors.ts';

export const candidateNotFound = defineError({
  code: 'resolution.candidate_not_found',
  status: 404,
  title: 'No such possible association',
});
export const mergeNotFound = defineError({
  code: 'resolution.merge_not_found',
  status: 404,
  title: 'No such merge on this entity',
});
export const notVisible = defineError({
  code: 'resolution.not_visible',
  status: 403,
  title: 'This touches observations you may not see',
});
export const insufficientEvidence = defineError({
  code: 'resolution.insufficient_evidence',
  status: 422,
  title: 'Identity is not established by this evidence (CI-14)',
});
export const typeMismatch = defineError({
  code: 'resolution.type_mismatch',
  status: 422,
  title: 'Only entities of the same type can be merged',
});
export const candidateDecided = defineError({
  code: 'resolution.candidate_decided',
  status: 409,
  title: 'This possible association has been decided already',
});
export const alreadyMerged = defineError({
  code: 'resolution.already_merged',
  status: 409,
  title: 'These are one entity already',
});
export const alreadySplit = defineError({
  code: 'resolution.already_split',
  status: 409,
  title: 'This merge has been undone already',
});
export const entityChanged = defineError({
  code: 'resolution.entity_changed',
  status: 409,
  title: 'The entity changed while you acted on it; try again',
});
