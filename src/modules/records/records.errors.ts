import { defineError } from '../../shared/errors.ts';

export const recordNotFound = defineError({
  code: 'records.not_found',
  status: 404,
  title: 'No such record',
});
export const purposeRequired = defineError({
  code: 'access.purpose_required',
  status: 403,
  title: 'Criminal intelligence needs a stated purpose',
});
export const notOwner = defineError({
  code: 'records.not_owner',
  status: 403,
  title: 'Only the owning agency may change this record',
});
export const versionConflict = defineError({
  code: 'records.version_conflict',
  status: 409,
  title: 'The record changed since you read it',
});
export const duplicateSourceRecord = defineError({
  code: 'records.duplicate_source_record',
  status: 409,
  title: 'A record with this source record id exists already',
});
export const accessLogOwnersOnly = defineError({
  code: 'records.access_log_owners_only',
  status: 403,
  title: "Only the owning agency and auditors may read a record's access log",
});
