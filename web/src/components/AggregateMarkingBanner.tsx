import { useMe } from '../app/session.ts';
import { MarkingBanner, type Caveat, type Tlp } from './MarkingBanner.tsx';

/** TLP 2.0 from least to most restrictive. */
const TLP_ORDER: readonly Tlp[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];

/**
 * The marking of a view of many records at once (a map, a chart of counts): the most
 * restrictive union of theirs — the strictest TLP and every caveat any of them carries — as a
 * banner combines its portions (MRK-06); whether all are the viewer's agency's own; and the
 * other agency's name when exactly one other agency owns them. The API gives the same shape
 * for aggregates (`marking` of hotspots and trends).
 */
export type AggregateMarking = {
  tlp: Tlp;
  caveats: readonly Caveat[];
  ownAgencyOnly: boolean;
  ownerAgencyName?: string;
};

export type MarkedItem = {
  tlp: Tlp;
  caveats: readonly Caveat[];
  ownerAgencyId: string;
  ownerAgencyName?: string;
};

/** The marking of some records as the viewer's agency sees them; null for none. */
export function markingOfRecords(
  items: readonly MarkedItem[],
  viewerAgencyId: string,
): AggregateMarking | null {
  const others = new Map<string, string | undefined>();
  for (const item of items)
    if (item.ownerAgencyId !== viewerAgencyId) others.set(item.ownerAgencyId, item.ownerAgencyName);
  const merged = strictestOf(
    ...items.map((i) => ({ tlp: i.tlp, caveats: i.caveats, ownAgencyOnly: true })),
  );
  if (!merged) return null;
  return {
    ...merged,
    ownAgencyOnly: others.size === 0,
    ownerAgencyName: others.size === 1 ? [...others.values()][0] : undefined,
  };
}

/** The most restrictive union of markings (missing ones are skipped); null when none is given. */
export function strictestOf(
  ...markings: readonly (AggregateMarking | null | undefined)[]
): AggregateMarking | null {
  const given = markings.filter((m): m is AggregateMarking => Boolean(m));
  if (given.length === 0) return null;
  const rank = Math.max(...given.map((m) => TLP_ORDER.indexOf(m.tlp)));
  const others = given.filter((m) => !m.ownAgencyOnly);
  const names = new Set(others.map((m) => m.ownerAgencyName));
  return {
    tlp: TLP_ORDER[rank] ?? 'RED',
    caveats: [...new Set(given.flatMap((m) => m.caveats))].sort(),
    ownAgencyOnly: others.length === 0,
    // Named only when every part that needs verifying names the same one agency.
    ownerAgencyName: names.size === 1 ? [...names][0] : undefined,
  };
}

/** The strictest TLP and every caveat of some records (for a part of a screen, e.g. a chart). */
export function strictestMarking(
  items: readonly Pick<MarkedItem, 'tlp' | 'caveats'>[],
): { tlp: Tlp; caveats: Caveat[] } | null {
  const merged = strictestOf(...items.map((i) => ({ ...i, ownAgencyOnly: true })));
  return merged ? { tlp: merged.tlp, caveats: [...merged.caveats] } : null;
}

/** Stands for "agencies other than the viewer's": MarkingBanner only compares it with theirs. */
const OTHER_AGENCIES = 'other-agencies';

/**
 * MarkingBanner for many records — `items` (each record's marking and owner) or an aggregate's
 * `marking` (as the API gives it) — with the label and caveats, and "verify with the owning
 * agency" unless every record behind it is the viewer's agency's own. Nothing when there is
 * nothing to mark.
 */
export function AggregateMarkingBanner({
  items,
  position = 'top',
  ...props
}: {
  position?: 'top' | 'bottom';
} & (
  | { items: readonly MarkedItem[]; marking?: never }
  | { marking: AggregateMarking | null; items?: never }
)) {
  const me = useMe();
  const marking = items ? markingOfRecords(items, me.agency.id) : props.marking;
  if (!marking) return null;
  return (
    <MarkingBanner
      markings={marking}
      ownerAgencyId={marking.ownAgencyOnly ? me.agency.id : OTHER_AGENCIES}
      ownerAgencyName={marking.ownerAgencyName}
      position={position}
    />
  );
}
