import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/test-db.ts';
import { createTestApp, type TestApp, type TestUser } from '../../server/test-app.ts';
import {
  createRecordAs,
  ids,
  markings,
  person,
  search,
  type CreatedRecord,
} from './search.test-helpers.ts';

describeEachDatabase('search: words, names and identifiers', (kind) => {
  let t: TestApp;
  let analyst: TestUser;
  const rec: Record<string, CreatedRecord> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    const agency = await t.buildAgency();
    analyst = await t.personas.analyst(agency.id);
    const as = (overrides: Record<string, unknown>) =>
      createRecordAs(t, analyst, { markings: markings(), ...overrides });
    rec.droneTitle = await as({
      title: 'Drone over the substation',
      narrative: 'A drone hovered over the Elm Street substation; the drone left north.',
      occurredFrom: '2026-03-01T02:00:00Z',
    });
    rec.droneOnce = await as({
      title: 'Suspicious photography at the port',
      narrative: 'A man photographed the gates. Later a drone & <script>x</script> was heard.',
      occurredFrom: '2026-03-02T02:00:00Z',
    });
    rec.accented = await as({
      title: 'Meeting at the café',
      narrative: 'The informant met José Núñez at the Café Olé on Broad Street.',
      occurredFrom: '2026-03-03T02:00:00Z',
    });
    rec.named = await as({
      title: 'Traffic stop',
      narrative: 'Driver stopped for speeding on I-95, released with a warning.',
      occurredFrom: '2026-03-04T02:00:00Z',
      observations: [
        person({ givenName: 'Maria', surname: 'Hernandez', phones: ['+18045550142'] }),
        { type: 'vehicle', role: 'subject', attributes: { plate: 'XKR-4471', make: 'Toyota' } },
      ],
    });
    rec.unrelated = await as({
      title: 'Noise complaint',
      narrative: 'Loud music reported at an apartment complex.',
      occurredFrom: '2026-03-05T02:00:00Z',
    });
  });
  afterAll(() => t.close());

  it('ranks a record that says the word in its title and twice in its narrative first', async () => {
    const r = await search(t, analyst, { q: 'drone' });
    expect(ids(r)).toEqual([rec.droneTitle!.id, rec.droneOnce!.id]);
    expect(r.items[0]!.score).toBeGreaterThan(r.items[1]!.score);
    expect(r.items[0]!.matchedOn).toEqual(['words']);
    expect(r.total).toEqual({ count: 2, capped: false });
  });

  it('highlights matched words in an HTML-safe snippet', async () => {
    const r = await search(t, analyst, { q: 'drone' });
    const snippet = r.items.find((i) => i.id === rec.droneOnce!.id)!.snippet;
    expect(snippet).toContain('<mark>drone</mark>');
    expect(snippet).toContain('&amp;');
    // Only <mark> is markup: the text's own tags never reach the page as tags.
    expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('matches words whatever their accents, and stems them', async () => {
    expect(ids(await search(t, analyst, { q: 'jose nunez cafe' }))).toEqual([rec.accented!.id]);
    expect(ids(await search(t, analyst, { q: 'photographing' }))).toEqual([rec.droneOnce!.id]);
  });

  it('finds a record by a misspelt surname of one of its people (trigram fallback)', async () => {
    const r = await search(t, analyst, { q: 'Hernandes' });
    expect(ids(r)).toEqual([rec.named!.id]);
    expect(r.items[0]!.matchedOn).toEqual(['names']);
  });

  it('finds a misspelt first and last name together', async () => {
    const smith = await createRecordAs(t, analyst, {
      title: 'Field interview',
      narrative: 'Pedestrian stopped near the river walk.',
      markings: markings(),
      observations: [person({ givenName: 'John', surname: 'Smith' })],
    });
    expect(ids(await search(t, analyst, { q: 'Jon Smyth' }))).toEqual([smith.id]);
  });

  it('finds a record by a partial plate or a phone number typed any way', async () => {
    for (const q of ['XKR44', 'xkr 4471', '(804) 555-0142', '5550142']) {
      expect(ids(await search(t, analyst, { q })), q).toEqual([rec.named!.id]);
    }
  });

  it('an exact name outranks a similar one', async () => {
    const other = await createRecordAs(t, analyst, {
      title: 'Field interview',
      narrative: 'Pedestrian stop near the library.',
      markings: markings(),
      observations: [person({ givenName: 'Mario', surname: 'Hernandes' })],
    });
    const r = await search(t, analyst, { q: 'Hernandez' });
    expect(ids(r)).toEqual([rec.named!.id, other.id]);
  });

  it('sorts by date on request, newest first', async () => {
    const r = await search(t, analyst, { q: 'drone', sort: 'date' });
    expect(ids(r)).toEqual([rec.droneOnce!.id, rec.droneTitle!.id]);
  });

  it('without text, lists what the filters select, newest first', async () => {
    const r = await search(t, analyst, { limit: 100 });
    expect(ids(r).slice(0, 3)).toContain(rec.unrelated!.id);
    expect(r.total!.count).toBeGreaterThanOrEqual(5);
  });

  it('a text of stop words or punctuation only finds nothing, and fails nothing', async () => {
    for (const q of ['the and of', '!!! ---', "'; drop table records; --"]) {
      const r = await search(t, analyst, { q });
      expect(r.items, q).toEqual([]);
      expect(r.total).toEqual({ count: 0, capped: false });
    }
  });
});
