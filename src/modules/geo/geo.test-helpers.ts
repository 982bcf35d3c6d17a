/**
 * Test-only: a small located world for the geo and timeline suites. Agency A holds a SAR
 * (drone sighting, GREEN, shared with partners), an own-agency-only incident two streets
 * away (AMBER+STRICT) and an old record; agency B an incident in Norfolk. B's analyst sees
 * A's SAR but never A's own-agency incident; a partner without LES sees neither of A's.
 */
import { expect } from 'vitest';
import type { TestApp, TestUser } from '../../server/test-app.ts';
import { recordBody } from '../../server/test-app.ts';

export const RICHMOND = { lat: 37.54, lon: -77.43 };
export const NEAR_RICHMOND = { lat: 37.541, lon: -77.431 };
export const NORFOLK = { lat: 36.85, lon: -76.29 };
/** Virginia, west,south,east,north. */
export const VIRGINIA_BBOX = '-83.7,36.5,-75.2,39.5';
export const WINDOW = 'from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z';

const GREEN_SHARED = {
  tlp: 'GREEN',
  caveats: ['LES'],
  partnerShare: 'full',
  networkShare: 'none',
  releasableTo: [],
};
const OWN_AGENCY_ONLY = { ...GREEN_SHARED, tlp: 'AMBER+STRICT' };

export type CreatedRecord = { id: string; observations: { id: string; entityId: string }[] };

export async function createRecord(t: TestApp, as: TestUser, overrides: Record<string, unknown>) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/records',
    headers: as.auth,
    payload: recordBody(overrides),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CreatedRecord>();
}

const at = (p: { lat: number; lon: number }, address: string) => ({ ...p, address });
const person = (givenName: string, surname: string, role = 'subject') => ({
  type: 'person',
  role,
  attributes: {
    givenName,
    surname,
    dateOfBirth: '1971-07-04',
    identifiers: [{ scheme: 'driver_license', value: 'T1234567', issuer: 'VA' }],
  },
});

export async function buildGeoWorld(t: TestApp) {
  const agencyA = await t.buildAgency();
  const agencyB = await t.buildAgency();
  const a = await t.personas.analyst(agencyA.id);
  const b = await t.personas.analyst(agencyB.id);
  const partner = await t.personas.partnerWithoutLes((await t.buildAgency()).id);
  const auditor = await t.personas.auditor(agencyA.id);
  const sar = await createRecord(t, a, {
    kind: 'sar',
    title: 'Drone over the water plant',
    occurredFrom: '2026-03-01T02:00:00Z',
    location: at(RICHMOND, '100 Elm St, Richmond, VA'),
    markings: GREEN_SHARED,
    payload: { behaviours: ['AVIATION'] },
    observations: [person('Walter', 'Pike')],
  });
  const hidden = await createRecord(t, a, {
    title: 'Own-agency burglary',
    occurredFrom: '2026-03-02T02:00:00Z',
    location: at(NEAR_RICHMOND, '120 Elm St, Richmond, VA'),
    markings: OWN_AGENCY_ONLY,
    observations: [person('Walter', 'Pike', 'associate')],
  });
  const norfolk = await createRecord(t, b, {
    title: '=HYPERLINK("http://evil.example") at the terminal',
    occurredFrom: '2026-04-01T02:00:00Z',
    location: at(NORFOLK, 'Terminal Blvd, Norfolk, VA'),
    markings: { ...GREEN_SHARED, caveats: [] },
    observations: [person('Walter', 'Pike', 'witness')],
  });
  const old = await createRecord(t, a, {
    title: 'Old trespass',
    occurredFrom: '2024-01-01T02:00:00Z',
    location: at(RICHMOND, '100 Elm St, Richmond, VA'),
    markings: GREEN_SHARED,
  });
  const unlocated = await createRecord(t, a, {
    title: 'Phone threat, no place',
    occurredFrom: '2026-05-01T02:00:00Z',
    location: undefined,
    markings: GREEN_SHARED,
  });
  const walter = await oneEntity(t, a, [sar.id, hidden.id, norfolk.id]);
  /** The entity ids the person had as each record was written; merges retired all but one. */
  const walterIds = [...new Set([sar, hidden, norfolk].map((r) => r.observations[0]!.entityId))];
  return { a, b, partner, auditor, sar, hidden, norfolk, old, unlocated, walter, walterIds };
}

/**
 * The person in these records as one entity: resolution may have merged them already (they
 * share name, date of birth and licence); whatever it left apart an analyst merges by hand.
 * Returns the surviving entity's id.
 */
async function oneEntity(t: TestApp, as: TestUser, recordIds: string[]) {
  const entityOf = async (id: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/records/${id}`,
      headers: as.auth,
    });
    return res.json<CreatedRecord>().observations[0]!.entityId;
  };
  for (const id of recordIds.slice(1)) {
    const [survivor, other] = [await entityOf(recordIds[0]!), await entityOf(id)];
    if (survivor === other) continue;
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/entities/${survivor}/merge`,
      headers: as.auth,
      payload: { otherEntityId: other, rationale: 'same licence, name and date of birth' },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
  return entityOf(recordIds[0]!);
}
export type GeoWorld = Awaited<ReturnType<typeof buildGeoWorld>>;
