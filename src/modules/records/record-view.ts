import { markingOf } from '../../access/markings.ts';
import type { Viewer } from '../../access/viewer.ts';
import type { RecordRow } from './records.repository.ts';

/** The API shape of a record row, as seen by one viewer. */
export function toRecordView(r: RecordRow, viewer: Viewer) {
  return {
    ...r,
    location:
      r.lat !== null && r.lon !== null ? { lat: r.lat, lon: r.lon, address: r.address } : null,
    isOwnAgency: r.ownerAgencyId === viewer.agencyId,
    markings: markingOf(r),
  };
}
