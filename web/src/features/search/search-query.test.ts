import { describe, expect, it } from 'vitest';
import {
  apiQuery,
  exclusiveToLastDay,
  fromSavedQuery,
  hasSearch,
  lastDayToExclusive,
  toSavedQuery,
  withParam,
} from './search-query.ts';

describe('the search in the address', () => {
  const address = new URLSearchParams(
    'q=drone substation&kind=sar,tip&category=AVIATION&from=2024-01-01T00:00:00.000Z&bbox=-78.5,36.5,-75.2,39.5&near=37.5,-77.4&radiusKm=25&polygon=-77,37;-76,37;-76,38&sort=date&saved=01a1fe0f-0000-7000-8000-000000000001',
  );

  it('is the API’s query string, without the page’s own keys', () => {
    const query = apiQuery(address);
    expect(query).toMatchObject({
      q: 'drone substation',
      kind: 'sar,tip',
      bbox: '-78.5,36.5,-75.2,39.5',
    });
    expect(query).not.toHaveProperty('saved');
  });

  it('saves as the JSON a saved search stores, and a saved search reads back as the same address', () => {
    const saved = toSavedQuery(address);
    expect(saved).toEqual({
      q: 'drone substation',
      kind: ['sar', 'tip'],
      category: ['AVIATION'],
      from: '2024-01-01T00:00:00.000Z',
      sort: 'date',
      bbox: [-78.5, 36.5, -75.2, 39.5],
      near: { lat: 37.5, lon: -77.4, radiusKm: 25 },
      polygon: [
        [-77, 37],
        [-76, 37],
        [-76, 38],
      ],
    });
    const back = fromSavedQuery(saved);
    address.delete('saved');
    expect(Object.fromEntries(back)).toEqual(Object.fromEntries(address));
  });

  it('a change of any filter is a new search, no longer the saved one; an empty value removes the key', () => {
    const next = withParam(new URLSearchParams('q=drone&kind=sar&saved=x'), 'kind', []);
    expect(next.toString()).toBe('q=drone');
    expect(hasSearch(next)).toBe(true);
    expect(hasSearch(new URLSearchParams('sort=date'))).toBe(false);
  });

  it('the last day a user picks is included: "to" is the next midnight, and reads back as that day', () => {
    expect(lastDayToExclusive('2024-02-28')).toBe('2024-02-29T00:00:00.000Z');
    expect(exclusiveToLastDay('2024-03-01T00:00:00.000Z')).toBe('2024-02-29');
  });
});
