import { defineError } from '../../shared/errors.ts';

export const jobNotFound = defineError({
  code: 'ingest.job_not_found',
  status: 404,
  title: 'No such ingest job',
});
export const mappingRequired = defineError({
  code: 'ingest.mapping_required',
  status: 422,
  title: 'A CSV ingest needs a column mapping',
});
export const fileTooLarge = defineError({
  code: 'request.too_large',
  status: 413,
  title: 'The file is too large',
});
export const notYourSource = defineError({
  code: 'ingest.not_your_source',
  status: 403,
  title: 'You may ingest only into your own agency’s sources',
});
export const sourceInactive = defineError({
  code: 'ingest.source_inactive',
  status: 409,
  title: 'The source is inactive',
});
