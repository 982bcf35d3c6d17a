import { describe, expect, it } from 'vitest';
import { draftProblems, emptyDraft, newPerson, newVehicle, toCreateBody } from './sar-draft.ts';

const PART_2 = new Set(['PHOTO', 'SURVL']);

describe('the SAR form’s request body', () => {
  it('carries the categories, sectors and facts as the payload, people and vehicles as observations', () => {
    const draft = {
      ...emptyDraft(),
      title: '  Photography at the plant ',
      behaviours: ['PHOTO'],
      articulableFacts: ' Filmed the gates. ',
      targetSectors: ['WATR'],
      howObserved: 'public',
      lat: '38.7',
      lon: '-77.23',
      address: '1 Intake Rd',
      persons: [{ ...newPerson(), givenName: 'Victor', surname: ' ', description: 'tall' }],
      vehicles: [{ ...newVehicle(), plate: 'ABC123', plateState: 'VA' }],
    };
    const body = toCreateBody(draft, 'submitted');
    expect(body).toMatchObject({
      kind: 'sar',
      status: 'submitted',
      title: 'Photography at the plant',
      location: { lat: 38.7, lon: -77.23, address: '1 Intake Rd' },
      markings: { tlp: 'AMBER', caveats: ['PII'], partnerShare: 'full', networkShare: 'none' },
      payload: {
        behaviours: ['PHOTO'],
        targetSectors: ['WATR'],
        howObserved: 'public',
        articulableFacts: 'Filmed the gates.',
      },
    });
    // Blank fields are left out for the server to judge what was given.
    expect(body.observations).toEqual([
      { type: 'person', role: 'subject', attributes: { givenName: 'Victor', description: 'tall' } },
      { type: 'vehicle', role: 'subject', attributes: { plate: 'ABC123', plateState: 'VA' } },
    ]);
  });

  it('an address without coordinates is kept as a place the report mentions', () => {
    const body = toCreateBody({ ...emptyDraft(), title: 'x', address: 'Pier 4' }, 'draft');
    expect(body.location).toBeUndefined();
    expect(body.observations).toEqual([
      { type: 'location', role: 'mentioned', attributes: { name: 'Pier 4' } },
    ]);
  });

  it('SAR-01/05: submitting needs a category, and a Part 2 category the reporter’s facts; a draft needs neither', () => {
    const draft = { ...emptyDraft(), title: 'x' };
    expect(draftProblems(draft, 'submitted', PART_2)).toHaveProperty('behaviours');
    expect(draftProblems(draft, 'draft', PART_2)).toEqual({});
    expect(draftProblems({ ...draft, behaviours: ['SURVL'] }, 'submitted', PART_2)).toHaveProperty(
      'articulableFacts',
    );
    expect(draftProblems({ ...draft, behaviours: ['THEFT'] }, 'submitted', PART_2)).toEqual({});
    expect(draftProblems({ ...draft, lat: '38' }, 'draft', PART_2)).toHaveProperty('coordinates');
  });
});
