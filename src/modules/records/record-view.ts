import type { Viewer } from '../../access/viewer.ts';
import type { RecordRow } from './records.repository.ts';

/** The API shape of a record row, as seen by one viewer. */
export function toRecordView(r: RecordRow, viewer: Viewer) {
  return {
    ...r,
    location:
      r.lat !== null && r.lon !== null ? { lat: r.lat, lon: r.lon, address: r.address } : null,
    isOwnAgency: r.ownerAgencyId === viewer.agencyId,
    markings: markingsOf(r),
  };
}

type MarkingColumns = Pick<
  RecordRow,
  'tlp' | 'caveats' | 'partnerShare' | 'networkShare' | 'releasableTo'
>;

/** A record's marking columns gathered into the API's `markings` object. */
export function markingsOf(r: MarkingColumns) {
  return {
    tlp: r.tlp,
    caveats: r.caveats,
    partnerShare: r.partnerShare,
    networkShare: r.networkShare,
    releasableTo: r.releasableTo,
  };
}
