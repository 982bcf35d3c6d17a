/**
 * Test-only factories for the visibility rule: viewers and markings built by hand
 * (`buildViewer`, `personas`, `buildMarking`) and at random (`viewerArbitrary`,
 * `markedObjectArbitrary`) over a small pool of agencies and sharing groups, so that random
 * viewers and random markings actually meet (owner, named agency, named group).
 */
import fc from 'fast-check';
import type { Db } from '../db/client.ts';
import { agencies } from '../modules/agencies/agencies.table.ts';
import { records } from '../modules/records/records.table.ts';
import { sharingGroups } from '../modules/sharing-groups/sharing-groups.table.ts';
import { newId } from '../shared/ids.ts';
import { CAVEATS, SHARE_LEVELS, TLP_LEVELS, type Caveat, type MarkedObject } from './markings.ts';
import {
  AGENCY_LEVELS,
  DISCIPLINES,
  NO_ATTRIBUTES,
  ROLES,
  type Role,
  type UserAttributes,
  type Viewer,
} from './viewer.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** An active analyst of an active local law-enforcement agency, with no rights to know. */
export function buildViewer(overrides: Partial<Viewer> = {}): Viewer {
  return {
    kind: 'user',
    userId: newId(),
    username: 'viewer',
    agencyId: newId(),
    agencyLevel: 'local',
    agencyDiscipline: 'law_enforcement',
    roles: ['analyst'],
    attributes: NO_ATTRIBUTES,
    sharingGroupIds: [],
    active: true,
    agencyActive: true,
    purpose: null,
    ...overrides,
  };
}

const LAW_ENFORCEMENT: UserAttributes = { ...NO_ATTRIBUTES, lawEnforcement: true };
const ALL_RIGHTS: UserAttributes = {
  lawEnforcement: true,
  cfr23Trained: true,
  piiAccess: true,
  healthAccess: true,
  nsiTrainedAnalyst: '2024-01-15',
};

/** Named people the example tests talk about. */
export const personas = {
  analyst: (agencyId: string, more: Partial<Viewer> = {}) =>
    buildViewer({ agencyId, username: 'analyst', ...more }),
  sworn: (agencyId: string, more: Partial<Viewer> = {}) =>
    buildViewer({ agencyId, username: 'sworn', attributes: LAW_ENFORCEMENT, ...more }),
  /** Sworn, 28 CFR trained, with PII and health access: lacks only a purpose. */
  intelAnalyst: (agencyId: string, more: Partial<Viewer> = {}) =>
    buildViewer({
      agencyId,
      username: 'intel',
      roles: ['analyst', 'intel_reviewer'],
      attributes: ALL_RIGHTS,
      ...more,
    }),
  partner: (agencyId: string, more: Partial<Viewer> = {}) =>
    buildViewer({ agencyId, username: 'partner', roles: ['partner'], ...more }),
  /** A utility's security officer: every attribute set, yet private sector. */
  privateSector: (agencyId: string, more: Partial<Viewer> = {}) =>
    buildViewer({
      agencyId,
      username: 'utility',
      agencyLevel: 'private',
      agencyDiscipline: 'private_sector',
      roles: ['liaison'],
      attributes: ALL_RIGHTS,
      purpose: 'grid protection',
      ...more,
    }),
  system: (more: Partial<Viewer> = {}) =>
    buildViewer({ kind: 'system', username: 'system', roles: [], systemReason: 'test', ...more }),
};

/** GREEN, no caveats, full partner sharing, releasable to everyone. */
export function buildMarking(overrides: Partial<MarkedObject> = {}): MarkedObject {
  return {
    ownerAgencyId: newId(),
    tlp: 'GREEN',
    caveats: [],
    partnerShare: 'full',
    networkShare: 'none',
    releasableTo: [],
    ...overrides,
  };
}

export type Pool = { agencyIds: readonly string[]; groupIds: readonly string[] };

/**
 * Four agencies (local police, state police, a private utility, a federal office) and three
 * sharing groups, inserted for real so records can reference their owners.
 */
export async function insertPool(db: Db): Promise<Pool> {
  const originCenterId = newId();
  const suffix = newId().slice(-6);
  const rows = [
    { name: 'Metro PD', discipline: 'law_enforcement', level: 'local' },
    { name: 'State Police', discipline: 'law_enforcement', level: 'state' },
    { name: 'Grid Utility', discipline: 'private_sector', level: 'private' },
    { name: 'Federal Field Office', discipline: 'federal', level: 'federal' },
  ] as const;
  const agencyRows = rows.map((r) => ({
    ...r,
    id: newId(),
    originCenterId,
    name: `${r.name} ${suffix}`,
  }));
  await db.insert(agencies).values(agencyRows);
  const groupRows = ['Energy ISAC', 'Border Task Force', 'Transit Security'].map((name) => ({
    id: newId(),
    originCenterId,
    name: `${name} ${suffix}`,
  }));
  await db.insert(sharingGroups).values(groupRows);
  return { agencyIds: agencyRows.map((a) => a.id), groupIds: groupRows.map((g) => g.id) };
}

/** One INSERT of records carrying the given markings; returns their ids in order. */
export async function insertMarkedRecords(
  db: Db,
  objects: readonly MarkedObject[],
): Promise<string[]> {
  const originCenterId = newId();
  const rows = objects.map((o, i) => ({
    id: newId(),
    originCenterId,
    kind: 'incident' as const,
    title: `record ${i}`,
    narrative: 'synthetic',
    ownerAgencyId: o.ownerAgencyId,
    source: 'visibility-test',
    tlp: o.tlp,
    caveats: [...o.caveats],
    partnerShare: o.partnerShare,
    networkShare: o.networkShare,
    releasableTo: [...o.releasableTo],
    status: 'active',
    informationCategory: 'case',
    payload: {},
  }));
  if (rows.length > 0) await db.insert(records).values(rows);
  return rows.map((r) => r.id);
}

const upTo = (n: number, xs: readonly unknown[]) => Math.min(n, xs.length);

const weighted = <T>(...arbs: [number, fc.Arbitrary<T>][]) =>
  fc.oneof(...arbs.map(([weight, arbitrary]) => ({ weight, arbitrary })));

/*
 * Weights keep the interesting cases common: most records carry zero or one caveat (with six
 * independent caveats almost nothing would be visible and agreement would be trivial), and
 * releasableTo is often empty, often agencies only, often groups only.
 */
export function markedObjectArbitrary(pool: Pool): fc.Arbitrary<MarkedObject> {
  const ids = [...pool.agencyIds, ...pool.groupIds];
  const caveats: fc.Arbitrary<Caveat[]> = weighted(
    [4, fc.constant([])],
    [4, fc.constantFrom(...CAVEATS).map((c) => [c])],
    [2, fc.subarray([...CAVEATS], { minLength: 2, maxLength: 3 })],
  );
  return fc.record({
    ownerAgencyId: fc.constantFrom(...pool.agencyIds),
    tlp: fc.constantFrom(...TLP_LEVELS),
    caveats,
    partnerShare: weighted(
      [3, fc.constant('full' as const)],
      [2, fc.constantFrom(...SHARE_LEVELS)],
    ),
    networkShare: fc.constantFrom(...SHARE_LEVELS),
    releasableTo: weighted<string[]>(
      [4, fc.constant([])],
      [2, fc.subarray([...pool.agencyIds], { minLength: 1, maxLength: upTo(2, pool.agencyIds) })],
      [2, fc.subarray([...pool.groupIds], { minLength: 1, maxLength: upTo(2, pool.groupIds) })],
      [2, fc.shuffledSubarray(ids, { minLength: 1, maxLength: 3 })],
    ),
  });
}

export function viewerArbitrary(pool: Pool): fc.Arbitrary<Viewer> {
  const mostly = (p: number) => weighted([p, fc.constant(true)], [1, fc.constant(false)]);
  const attributes: fc.Arbitrary<UserAttributes> = fc.record({
    lawEnforcement: mostly(2),
    cfr23Trained: fc.boolean(),
    piiAccess: fc.boolean(),
    healthAccess: fc.boolean(),
    nsiTrainedAnalyst: fc.option(fc.constant('2024-03-01'), { nil: null }),
  });
  const roles = weighted<Role[]>(
    [3, fc.constant(['partner' as const])],
    [1, fc.constant([])],
    [1, fc.constant(['partner' as const, 'analyst' as const])],
    [3, fc.subarray([...ROLES], { minLength: 1, maxLength: 3 })],
  );
  return fc
    .record({
      kind: weighted([19, fc.constant('user' as const)], [1, fc.constant('system' as const)]),
      agencyId: fc.constantFrom(...pool.agencyIds),
      agencyLevel: weighted(
        [1, fc.constant('private' as const)],
        [3, fc.constantFrom(...AGENCY_LEVELS)],
      ),
      agencyDiscipline: weighted(
        [1, fc.constant('private_sector' as const)],
        [3, fc.constantFrom(...DISCIPLINES)],
      ),
      roles,
      attributes,
      sharingGroupIds: weighted<string[]>(
        [3, fc.subarray([...pool.groupIds])],
        // A group no record names: membership alone must not open anything.
        [1, fc.constant([newId()])],
      ),
      active: mostly(9),
      agencyActive: mostly(9),
      purpose: weighted(
        [2, fc.constant(null)],
        [2, fc.constant('case 24-0117: bridge surveillance')],
        [1, fc.constant('')],
      ),
    })
    .map((v): Viewer => {
      const viewer: Mutable<Viewer> = { ...v, userId: newId(), username: 'random' };
      if (v.kind === 'system') viewer.systemReason = 'property test';
      return viewer;
    });
}
