import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import {
  auditOf,
  expectProblem,
  MISSING_ID,
  problemPaths,
} from '../../server/http.test-helpers.ts';
import { createTestApp, type TestApp, type TestUser } from '../../server/test-app.ts';
import { buildGeoWorld, type GeoWorld } from '../geo/geo.test-helpers.ts';

type Item = {
  recordId: string;
  kind: string;
  occurredFrom: string | null;
  ownerAgencyId: string;
  ownerAgencyName: string;
  location: { lat: number; lon: number; countyName: string | null } | null;
  roles: string[];
};
type Timeline = { entityId: string | null; items: Item[]; truncated: boolean; notFound: string[] };

describeEachDatabase('timelines', (kind) => {
  let t: TestApp;
  let w: GeoWorld;
  const get = (as: TestUser, query: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1/timeline?${query}`, headers: as.auth });
  const timeline = async (as: TestUser, query: string) => {
    const res = await get(as, query);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Timeline>();
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    w = await buildGeoWorld(t);
  });
  afterAll(() => t.close());

  describe("an entity's timeline", () => {
    it('lists the visible records in time order with kind, agency, place and the role (merges followed)', async () => {
      for (const id of w.walterIds) {
        const tl = await timeline(w.b, `entityId=${id}`);
        expect(tl.entityId).toBe(w.walter);
        expect(tl.items.map((i) => [i.recordId, i.roles])).toEqual([
          [w.sar.id, ['subject']],
          [w.norfolk.id, ['witness']],
        ]);
        expect(tl.items[0]).toMatchObject({
          kind: 'sar',
          occurredFrom: '2026-03-01T02:00:00.000Z',
          ownerAgencyId: w.a.agencyId,
          location: { lat: 37.54, lon: -77.43, countyName: 'Richmond' },
        });
      }
      // The owner also sees its own-agency record, between the two.
      const own = await timeline(w.a, `entityId=${w.walter}`);
      expect(own.items.map((i) => i.roles)).toEqual([['subject'], ['associate'], ['witness']]);
    });

    it('narrows by the filters, and is 404 (audited) where the viewer sees nothing of the entity', async () => {
      const sarsOnly = await timeline(w.b, `entityId=${w.walter}&kind=sar`);
      expect(sarsOnly.items.map((i) => i.recordId)).toEqual([w.sar.id]);
      const lesOnly = w.old.observations[0]!.entityId;
      expectProblem(await get(w.partner, `entityId=${lesOnly}`), 404, 'entities.not_found');
      expectProblem(await get(w.b, `entityId=${MISSING_ID}`), 404, 'entities.not_found');
      const denied = await auditOf(t.app, w.auditor, lesOnly, '&decision=deny');
      expect(denied.some((e) => e.action === 'timeline.read')).toBe(true);
    });
  });

  it('a set of ids: the visible ones in time order; the rest named as not found', async () => {
    const ids = [w.norfolk.id, w.hidden.id, w.unlocated.id, w.old.id, MISSING_ID];
    const tl = await timeline(w.b, `ids=${ids.join(',')}`);
    expect(tl.items.map((i) => i.recordId)).toEqual([w.old.id, w.norfolk.id, w.unlocated.id]);
    expect(tl.items[2]!.location).toBeNull();
    expect(tl.notFound).toEqual([w.hidden.id, MISSING_ID]);
    // The limit cuts the list, but never makes a visible record look missing.
    const cut = await timeline(w.b, `ids=${ids.join(',')}&limit=1`);
    expect(cut).toMatchObject({ truncated: true, notFound: [w.hidden.id, MISSING_ID] });
  });

  it('filters alone: the window, kind and box', async () => {
    const tl = await timeline(
      w.a,
      'from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z&bbox=-78,37,-77,38',
    );
    expect(tl.items.map((i) => i.recordId)).toEqual([w.sar.id, w.hidden.id]);
  });

  it('exports CSV (RFC 4180, formulas defused), audited as an export of the ids it holds', async () => {
    const res = await get(w.b, `entityId=${w.walter}&format=csv`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    expect(res.headers['x-timeline-truncated']).toBe('false');
    const lines = res.body.split('\r\n');
    expect(lines[0]).toBe(
      'occurred_from,occurred_to,record_id,kind,title,owner_agency,status,tlp,caveats,lat,lon,address,county,roles',
    );
    expect(lines).toHaveLength(4); // header, two records, and the empty string after the last CRLF
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://evil.example"") at the terminal"`);
    expect(lines[2]).toContain(',-76.29,'); // a negative longitude stays a number
    const exports = await auditOf(t.app, w.auditor, w.norfolk.id, '&action=timeline.export');
    expect(exports.some((e) => e.actorUserId === w.b.id)).toBe(true);
  });

  describe('bad input is 400 naming the parameter', () => {
    it.each([
      ['', 'querystring.entityId'],
      ['format=csv', 'querystring.entityId'],
      [`entityId=${MISSING_ID}&ids=${MISSING_ID}`, 'querystring.ids'],
      ['ids=nope', 'querystring.ids'],
      ['entityId=nope', 'querystring.entityId'],
      ['from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'querystring.from'],
      ['bbox=0,0,1', 'querystring.bbox'],
      [`entityId=${MISSING_ID}&format=xlsx`, 'querystring.format'],
      [`entityId=${MISSING_ID}&limit=0`, 'querystring.limit'],
    ])('%s', async (query, path) => {
      const res = await get(w.a, query);
      expectProblem(res, 400, 'validation.failed');
      expect(problemPaths(res)).toContain(path);
    });
  });
});
