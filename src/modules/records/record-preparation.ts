import type { Marking } from '../../access/markings.ts';
import { withExtractions } from './record-extraction.ts';
import { recordInvalid, validateRecordContent } from './record-validation.ts';
import type { CreateRecordBody } from './records.schemas.ts';
import type { PreparedRecord } from './record-rows.ts';
import { SAR_START_STATES } from './sar-vetting.ts';

export const SAR_STATUS_BY_TRANSITION =
  'a SAR is created as draft or submitted; after that its status moves only through POST /api/v1/sars/{id}/transitions (SAR-03)';

/** Who a record belongs to and where it came from; the body says everything else. */
export type RecordOrigin = {
  ownerAgencyId: string;
  createdByUserId: string;
  source: string;
  sourceRecordId: string | null;
};

/**
 * A record body (already shape-checked) turned into what the writer stores: the kind's own
 * rules applied (CI-01, SAR-01, observation attributes normalised), the period checked, the
 * status a new record of its kind starts in (a SAR only as draft or submitted), and what
 * the narrative mentions added to the observations (with offsets). The API, ingest and the
 * demo seed all come through here, so a record is the same whichever way it arrives.
 * Throws 422 records.invalid.
 */
export function prepareRecord(
  body: Omit<CreateRecordBody, 'markings'> & { markings: Marking },
  origin: RecordOrigin,
): PreparedRecord {
  const status = body.status ?? (body.kind === 'sar' ? 'submitted' : 'active');
  if (body.kind === 'sar' && !(SAR_START_STATES as readonly string[]).includes(status)) {
    throw recordInvalid(`A SAR cannot be created in status '${status}'`, {
      errors: [{ path: 'status', message: SAR_STATUS_BY_TRANSITION }],
    });
  }
  const content = validateRecordContent(body.kind, body.payload, body.observations, status);
  checkPeriod(body.occurredFrom, body.occurredTo);
  return {
    ...body,
    ...content,
    ...origin,
    status,
    occurredFrom: body.occurredFrom ? new Date(body.occurredFrom) : null,
    occurredTo: body.occurredTo ? new Date(body.occurredTo) : null,
    location: body.location ?? null,
    marking: body.markings,
    observations: withExtractions(body.narrative, content.observations),
  };
}

export function checkPeriod(from: string | null | undefined, to: string | null | undefined) {
  if (from && to && new Date(to) < new Date(from)) {
    throw recordInvalid('occurredTo is before occurredFrom', {
      errors: [{ path: 'occurredTo', message: 'must not be before occurredFrom' }],
    });
  }
}
