import { accessLevel, canView } from '../../access/policy.ts';
import type { Viewer } from '../../access/viewer.ts';
import type { RecordHead } from '../records/records.repository.ts';
import type { hits } from './correlation.table.ts';

type Hit = typeof hits.$inferSelect;
export type AgencyCard = {
  id: string;
  name: string;
  pointOfContact: { name: string; phone?: string; email?: string } | null;
};

/** XS-02: the only fields a pointer may carry. A test asserts nothing else is ever serialised. */
export const POINTER_FIELDS = [
  'matchType',
  'entityType',
  'ownerAgency',
  'pointOfContact',
  'recordDate',
  'matchStrength',
] as const;

/** What a screen needs to mark a record it shows; a pointer carries none (XS-02). */
type ShownMarkings = { tlp: RecordHead['tlp']; caveats: RecordHead['caveats'][number][] };
const shownMarkings = (r: RecordHead): ShownMarkings => ({ tlp: r.tlp, caveats: [...r.caveats] });

export type HitView = {
  id: string;
  createdAt: Date;
  entityId: string;
  entityType: string;
  /** outgoing: your agency's record touched another agency's subject; incoming: the reverse. */
  direction: 'outgoing' | 'incoming';
  yourRecord: { id: string; kind: string; title: string; markings: ShownMarkings };
  other:
    | {
        access: 'content';
        record: {
          id: string;
          kind: string;
          title: string;
          occurredFrom: Date | null;
          ownerAgency: { id: string; name: string };
          markings: ShownMarkings;
        };
      }
    | {
        access: 'pointer';
        pointer: {
          matchType: 'entity';
          entityType: string;
          ownerAgency: { id: string; name: string };
          pointOfContact: AgencyCard['pointOfContact'];
          recordDate: string;
          matchStrength: 'resolved';
        };
      }
    | { access: 'notice'; agency: { id: string; name: string }; at: Date };
};

/**
 * What one viewer may learn of a hit. The arriving side sees the other record's content if
 * the visibility rule allows, else a pointer if only partnerShare=pointer stands in the way,
 * else nothing at all (undefined). The owner's side always learns who touched its subject
 * and when (XS-03), and more only as the rule allows. Either way the hit is about one of the
 * viewer's agency's records: a colleague who may not see that record (its caveats need
 * attributes they lack) learns nothing of the hit either.
 */
export function hitView(
  viewer: Viewer,
  hit: Hit,
  heads: ReadonlyMap<string, RecordHead>,
  agencies: ReadonlyMap<string, AgencyCard>,
): HitView | undefined {
  const outgoing = hit.agencyId === viewer.agencyId;
  const mine = heads.get(outgoing ? hit.recordId : hit.otherRecordId);
  const theirs = heads.get(outgoing ? hit.otherRecordId : hit.recordId);
  const agency = agencies.get(outgoing ? hit.otherAgencyId : hit.agencyId);
  if (!mine || !theirs || !agency || !canView(viewer, mine)) return undefined;
  const base = {
    id: hit.id,
    createdAt: hit.createdAt,
    entityId: hit.entityId,
    entityType: hit.entityType,
    direction: outgoing ? ('outgoing' as const) : ('incoming' as const),
    yourRecord: { id: mine.id, kind: mine.kind, title: mine.title, markings: shownMarkings(mine) },
  };
  const level = accessLevel(viewer, theirs);
  const owner = { id: agency.id, name: agency.name };
  if (level === 'content') {
    return {
      ...base,
      other: {
        access: 'content',
        record: {
          id: theirs.id,
          kind: theirs.kind,
          title: theirs.title,
          occurredFrom: theirs.occurredFrom,
          ownerAgency: owner,
          markings: shownMarkings(theirs),
        },
      },
    };
  }
  if (level === 'pointer') {
    const recordDate = (theirs.occurredFrom ?? theirs.enteredAt).toISOString().slice(0, 10);
    return {
      ...base,
      other: {
        access: 'pointer',
        pointer: {
          matchType: 'entity',
          entityType: hit.entityType,
          ownerAgency: owner,
          pointOfContact: agency.pointOfContact,
          recordDate,
          matchStrength: 'resolved',
        },
      },
    };
  }
  return outgoing
    ? undefined
    : { ...base, other: { access: 'notice', agency: owner, at: hit.createdAt } };
}
