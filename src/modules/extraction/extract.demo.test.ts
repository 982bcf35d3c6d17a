import { describe, expect, it } from 'vitest';
import { generateDemoWorld } from '../../demo/world.ts';
import { observationAttributeSchemas } from '../entities/observation-types.ts';
import { extractEntities } from './extract.ts';
import { expectedMentions, keysOf } from './planted-mentions.ts';

// A fixed seed and a few hundred records: enough narratives of every kind to see the planted
// people, plates and phones come back, small enough to run in a second.
const records = [...generateDemoWorld({ seed: 424_242, records: 300 }).records()];

describe('extraction on demo narratives', () => {
  it('finds the planted plates, phones and people that the narratives print', () => {
    let planted = 0;
    let hits = 0;
    const missed: string[] = [];
    for (const r of records) {
      const expected = expectedMentions(r.body.narrative, r.body.observations).filter((e) =>
        ['plate', 'phone', 'person'].includes(e.kind),
      );
      // The demo is a Virginia center's world: a plate read without a state is Virginia's
      // ("Gate camera plate read: TVW4471"), as the center would configure it.
      const found = extractEntities(r.body.narrative, { defaultPlateState: 'VA' });
      const keys = new Set(found.flatMap((e) => keysOf(e).map((k) => `${e.kind}|${k}`)));
      planted += expected.length;
      for (const e of expected) {
        if (keys.has(`${e.kind}|${e.key}`)) hits++;
        else missed.push(`${e.kind} ${e.key} in: ${r.body.narrative}`);
      }
    }
    expect(planted).toBeGreaterThan(300);
    // Names the lexicon does not know, in sentences without a cue, may be missed; plates and
    // phones may not.
    expect(missed.filter((m) => !m.startsWith('person'))).toEqual([]);
    expect(hits / planted).toBeGreaterThan(0.97);
  });

  it('finds a known planted record exactly', () => {
    const text =
      'Ofc. R. Mendez #2231 made a consensual contact with the occupants of a white 2014 Ford Transit, VA TVW-4471, parked for about 90 minutes facing the NIT truck gate. Driver identified by Virginia license as Dale E. Ashcraft (DOB 04/07/1989); the passenger gave his name as Kyle Brandt. Ashcraft said they were "waiting on a load", but had no trailer and no dispatch paperwork.';
    const record = records.find((r) => r.body.narrative === text);
    expect(record, 'the planted cluster record is in the first 300').toBeDefined();
    const found = extractEntities(text).map((e) => [e.kind, text.slice(e.textStart, e.textEnd)]);
    expect(found).toEqual([
      ['plate', 'VA TVW-4471'],
      ['person', 'Dale E. Ashcraft'],
      ['person', 'Kyle Brandt'],
      ['person', 'Ashcraft'],
    ]);
  });

  it('returns attributes that pass the observation schemas and offsets that slice to the mention', () => {
    for (const r of records) {
      for (const e of extractEntities(r.body.narrative)) {
        expect(observationAttributeSchemas[e.type].safeParse(e.attributes).success).toBe(true);
        const mention = r.body.narrative.slice(e.textStart, e.textEnd);
        expect(mention.trim()).toBe(mention);
        expect(mention).not.toBe('');
      }
    }
  });
});
