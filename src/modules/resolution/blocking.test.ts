import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockingKeys } from './blocking.ts';
import type { Observation } from './spec.ts';

const person = (attributes: Record<string, unknown>): Observation => ({
  id: 'x',
  type: 'person',
  attributes,
});
const vehicle = (attributes: Record<string, unknown>): Observation => ({
  id: 'x',
  type: 'vehicle',
  attributes,
});
const share = (a: Observation, b: Observation) => {
  const keys = new Set(blockingKeys(a));
  return blockingKeys(b).some((k) => keys.has(k));
};

const ROBERT = {
  givenName: 'Robert',
  surname: 'Whitlock',
  dateOfBirth: '1984-06-01',
  address: { street: '7335 Sunset Ave', city: 'Vinton', state: 'VA', postcode: '24095' },
  identifiers: [{ scheme: 'driver_license', value: 'T05263645' }],
};

describe('blocking keys', () => {
  it('are strings namespaced by type and family, ready to index', () => {
    const keys = blockingKeys(person(ROBERT));
    expect(keys).toContain('p:id:driver_license:T05263645');
    expect(keys.every((k) => /^p:[a-z]+:/.test(k))).toBe(true);
    expect(
      blockingKeys({ id: 'p', type: 'phone', attributes: { number: '(540) 555-6190' } }),
    ).toEqual(['phone:value:+15405556190']);
  });

  it('put the usual variants of one person in a shared block', () => {
    const variants = [
      { ...ROBERT, givenName: 'Bob' }, // nickname
      { ...ROBERT, surname: 'Whitlok', identifiers: [] }, // surname typo, no id
      { ...ROBERT, dateOfBirth: '1984-01-06', identifiers: [] }, // day/month swapped
      { ...ROBERT, givenName: 'Whitlock', surname: 'Robert', identifiers: [] }, // swapped names
      { ...ROBERT, identifiers: [{ scheme: 'driver_license', value: 'T05236645' }] }, // id slip
      // Nothing in common but the licence number, keyed with a digit dropped:
      {
        givenName: 'Maria',
        surname: 'Lopez',
        identifiers: [{ scheme: 'driver_license', value: 'T0526645' }],
      },
      { givenName: 'Rob', surname: 'Whitlock', dateOfBirth: '1984' }, // partial, nickname
    ];
    for (const v of variants)
      expect(share(person(ROBERT), person(v)), JSON.stringify(v)).toBe(true);
    expect(share(person(ROBERT), person({ givenName: 'Maria', surname: 'Lopez' }))).toBe(false);
  });

  it('survive any single keying slip in any one field of a complete record', () => {
    const fields = ['givenName', 'surname', 'dateOfBirth', 'identifier', 'street'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...fields),
        fc.nat(),
        fc.constantFrom('swap', 'drop', 'double', 'replace'),
        (field, at, kind) => {
          const slip = (s: string) => keyingSlip(s, at, kind);
          const varied = withSlip(ROBERT, field, slip);
          expect(share(person(ROBERT), person(varied))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('meet a replaced given name through surname and full date of birth, but not through the birth year alone', () => {
    const renamed = { ...ROBERT, givenName: 'Terrence', identifiers: [], address: undefined };
    expect(share(person(ROBERT), person(renamed))).toBe(true);
    // Same surname sound and birth year, another day: the block that grew with every record.
    const stranger = { givenName: 'Maria', surname: 'Whitlock', dateOfBirth: '1984-11-23' };
    expect(share(person(ROBERT), person(stranger))).toBe(false);
    // A partial date still meets a full one of the same year through the names.
    expect(
      share(person(ROBERT), person({ ...stranger, givenName: 'Robert', dateOfBirth: '1984' })),
    ).toBe(true);
  });

  it('put a misread plate with its original: a dropped character, O for 0', () => {
    const car = vehicle({ plate: 'BYZ-3307', plateState: 'NC', make: 'Kia' });
    expect(share(car, vehicle({ plate: 'BYZ307', make: 'Kia' }))).toBe(true);
    expect(share(car, vehicle({ plate: 'BYZ33O7', make: 'Kia' }))).toBe(true);
    expect(share(car, vehicle({ plate: 'KLM-1234', make: 'Kia' }))).toBe(false);
    // Make and colour alone identify nothing: no key, never a candidate.
    expect(blockingKeys(vehicle({ make: 'Kia', color: 'Red' }))).toEqual([]);
  });
});

function keyingSlip(s: string, at: number, kind: string): string {
  const i = at % Math.max(1, s.length - 1);
  switch (kind) {
    case 'swap':
      return s.slice(0, i) + s.charAt(i + 1) + s.charAt(i) + s.slice(i + 2);
    case 'drop':
      return s.slice(0, i) + s.slice(i + 1);
    case 'double':
      return s.slice(0, i) + s.charAt(i) + s.slice(i);
    default:
      return s.slice(0, i) + (s.charAt(i) === 'x' ? 'q' : 'x') + s.slice(i + 1);
  }
}

function withSlip(
  base: typeof ROBERT,
  field: 'givenName' | 'surname' | 'dateOfBirth' | 'identifier' | 'street',
  slip: (s: string) => string,
): Record<string, unknown> {
  if (field === 'identifier') {
    return { ...base, identifiers: [{ scheme: 'driver_license', value: slip('T05263645') }] };
  }
  if (field === 'street') {
    return { ...base, address: { ...base.address, street: slip(base.address.street) } };
  }
  return { ...base, [field]: slip(base[field]) };
}
