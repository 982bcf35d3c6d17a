import { describe, expect, it } from 'vitest';
import { observationAttributeSchemas } from '../entities/observation-types.ts';
import { extractEntities, type ExtractionKind } from './extract.ts';

const of = (text: string, kind: ExtractionKind) =>
  extractEntities(text).filter((e) => e.kind === kind);
const names = (text: string, kind: ExtractionKind) =>
  of(text, kind).map((e) => text.slice(e.textStart, e.textEnd));

describe('people', () => {
  it('splits a name into given, middle and surname and keeps suffixes and particles', () => {
    const text =
      'Driver identified by Virginia license as Dale E. Ashcraft (DOB 04/07/1989); the passenger ' +
      'gave his name as Maria de la Cruz. Also present: Paul Soto Jr., released.';
    expect(of(text, 'person').map((e) => e.attributes)).toEqual([
      { givenName: 'Dale', middleName: 'E', surname: 'Ashcraft' },
      { givenName: 'Maria', surname: 'de la Cruz' },
      { givenName: 'Paul', surname: 'Soto', nameSuffix: 'Jr' },
    ]);
    expect(names(text, 'person')).toEqual([
      'Dale E. Ashcraft',
      'Maria de la Cruz',
      'Paul Soto Jr.',
    ]);
  });

  it('uses context where the lexicon does not know the name', () => {
    const text =
      'A man later identified as Tery Okonkwo (DOB 06/21/1965) met Ms. Wimbush. ' +
      'The tipster reports that Linh Mullins is involved.';
    expect(names(text, 'person')).toEqual(['Tery Okonkwo', 'Wimbush', 'Linh Mullins']);
  });

  it('reads a lone surname seen earlier in a full name as the same person', () => {
    const text = 'Kyle Brandt was in the van. Brandt said he was waiting on a load.';
    expect(of(text, 'person').map((e) => e.attributes)).toEqual([
      { givenName: 'Kyle', surname: 'Brandt' },
      { surname: 'Brandt' },
    ]);
  });

  it('cuts the usual false positives', () => {
    const text =
      'On Monday, Sgt. D. Bowman #1114 was on patrol near 5909 Fairview Way. Ofc. R. Mendez ' +
      'assisted. In April the Virginia State Police checked a white Ford Transit. Virginia ' +
      'driver’s license checked. Officers responded. Staff at Potomac Regional Water Authority ' +
      'called.';
    expect(of(text, 'person')).toEqual([]);
  });

  it('reads shouted and hyphenated names, and two people joined by "and"', () => {
    const text =
      'Contact with DALE ASHCRAFT, LOUIS Hayes (DOB 05/08/2006) and Ji-woo Green (DOB 01/02/1990).';
    expect(names(text, 'person')).toEqual(['DALE ASHCRAFT', 'LOUIS Hayes', 'Ji-woo Green']);
  });
});

describe('organisations and places', () => {
  it('finds organisations by their head word or legal form, in any case', () => {
    const text =
      'COMMONWEALTH POWER & LIGHT CO. and Liberty Check Cashing Inc reported it; Tidewater ' +
      'Towing, L.L.C. and the Fairfax County Sheriff’s Office were told.';
    expect(names(text, 'organization')).toEqual([
      'COMMONWEALTH POWER & LIGHT CO.',
      'Liberty Check Cashing Inc',
      'Tidewater Towing, L.L.C.',
      'Fairfax County Sheriff’s Office',
    ]);
  });

  it('reads group names from "member of" and "as a front", brackets included', () => {
    const text =
      'The subject is a member of BLOODS (NINE TREY GANGSTERS SET). The subject uses Patel Wireless Co. as a front.';
    expect(names(text, 'organization')).toEqual([
      'BLOODS (NINE TREY GANGSTERS SET)',
      'Patel Wireless Co.',
    ]);
  });

  it('finds places: known cities, facilities, and the town after a street address', () => {
    const text =
      'Responded to 5590 Willow Ter, Ashburn, then to Washington Dulles International Airport ' +
      'and Norfolk International Terminals (Port of Virginia), and later New York.';
    expect(names(text, 'place')).toEqual([
      'Ashburn',
      'Washington Dulles International Airport',
      'Norfolk International Terminals (Port of Virginia)',
      'New York',
    ]);
    for (const e of of(text, 'place')) {
      expect(e.type).toBe('location');
      expect(observationAttributeSchemas.location.safeParse(e.attributes).success).toBe(true);
    }
  });

  it('does not take a street name for a person or a place', () => {
    const text = 'A woman was seen near 3872 Laurel Dr. A man sat on Terminal Blvd. Joe Lane left.';
    expect(of(text, 'place')).toEqual([]);
    expect(names(text, 'person')).toEqual(['Joe Lane']);
  });
});
