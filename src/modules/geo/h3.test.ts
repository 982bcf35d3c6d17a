import fc from 'fast-check';
import { cellToParent, isValidCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { cellOf, parentOf, STORED_RESOLUTION, toH3String } from './h3.ts';
import { countyFipsAt, countyName } from './counties.ts';

const point = fc.record({
  lat: fc.double({ min: -85, max: 85, noNaN: true }),
  lon: fc.double({ min: -180, max: 179.999, noNaN: true }),
});

describe('H3 cells', () => {
  it('the bit-mask parent is H3’s own parent at every coarser resolution', () => {
    fc.assert(
      fc.property(point, fc.integer({ min: 0, max: STORED_RESOLUTION }), ({ lat, lon }, res) => {
        const cell = cellOf(lat, lon);
        const parent = toH3String(parentOf(cell, res));
        expect(isValidCell(parent)).toBe(true);
        expect(parent).toBe(cellToParent(toH3String(cell), res));
      }),
    );
  });
});

describe('county of a point', () => {
  it('names the county or independent city around well-known places', () => {
    expect(countyFipsAt(38.8462, -77.3064)).toBe('51600'); // City of Fairfax
    expect(countyFipsAt(38.88, -77.45)).toBe('51059'); // Fairfax County, near Centreville
    expect(countyFipsAt(36.8508, -76.2859)).toBe('51710'); // Norfolk
    expect(countyFipsAt(40.7128, -74.006)).toBe('36061'); // New York County
    expect(countyName('51710')).toBe('Norfolk');
  });

  it('is null at sea and outside the United States', () => {
    expect(countyFipsAt(36.9, -74.5)).toBeNull(); // Atlantic, off Virginia Beach
    expect(countyFipsAt(48.8566, 2.3522)).toBeNull(); // Paris
  });
});
