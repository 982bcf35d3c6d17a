import type { MarkedObject } from './markings.ts';
import { caveatsAllowedByAttributes, isPartnerOnly, type Viewer } from './viewer.ts';

/**
 * The visibility rule (DOMAIN.md, v1) as a pure function. `visibility.ts` states the same
 * rule in SQL; a property test proves the two agree on a real database.
 */
export function canView(viewer: Viewer, obj: MarkedObject): boolean {
  if (!viewer.active || !viewer.agencyActive) return false;
  if (viewer.kind === 'system') return true;
  const owner = obj.ownerAgencyId === viewer.agencyId;
  const namedAgency = obj.releasableTo.includes(viewer.agencyId);
  const namedGroup = viewer.sharingGroupIds.some((g) => obj.releasableTo.includes(g));
  const audience =
    owner ||
    (obj.partnerShare === 'full' && (obj.releasableTo.length === 0 || namedAgency || namedGroup));
  return audience && passesTlpCap(viewer, obj, owner, namedAgency) && passesCaveats(viewer, obj);
}

function passesTlpCap(viewer: Viewer, obj: MarkedObject, owner: boolean, named: boolean) {
  // "AMBER never to partner-only users": nor anything stricter than AMBER (ADR 0003).
  if (isPartnerOnly(viewer) && obj.tlp !== 'CLEAR' && obj.tlp !== 'GREEN') return false;
  switch (obj.tlp) {
    case 'RED':
      return owner || named;
    case 'AMBER+STRICT':
      return owner;
    case 'AMBER':
    case 'GREEN':
    case 'CLEAR':
      return true;
  }
}

function passesCaveats(viewer: Viewer, obj: MarkedObject): boolean {
  const allowed = caveatsAllowedByAttributes(viewer);
  return obj.caveats.every((c) =>
    c === 'PROPRIETARY'
      ? obj.ownerAgencyId === viewer.agencyId || obj.releasableTo.includes(viewer.agencyId)
      : allowed.includes(c),
  );
}

export type AccessLevel = 'content' | 'pointer' | 'none';

/**
 * Content, a pointer (XS-02: the owner holds something; whom to contact), or nothing.
 * A pointer is given only where the rule fails solely because partnerShare is `pointer`.
 */
export function accessLevel(viewer: Viewer, obj: MarkedObject): AccessLevel {
  if (canView(viewer, obj)) return 'content';
  if (obj.partnerShare === 'pointer' && canView(viewer, { ...obj, partnerShare: 'full' })) {
    return 'pointer';
  }
  return 'none';
}

/**
 * True when the viewer would see the object if only the request stated a purpose (CI-07):
 * the caller answers 403 "state your purpose" instead of 404.
 */
export function needsStatedPurpose(viewer: Viewer, obj: MarkedObject): boolean {
  return (
    viewer.purpose === null &&
    obj.caveats.includes('CRIMINAL_INTEL') &&
    !canView(viewer, obj) &&
    canView({ ...viewer, purpose: 'stated' }, obj)
  );
}
