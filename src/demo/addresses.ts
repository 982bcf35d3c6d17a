/**
 * Street addresses inside a given county: a real mailing town for that county (or the
 * nearest independent city's name, which is how rural Virginia addresses usually read), a
 * ZIP from the nearest ZIP prefix, and a street from the common-names list. Addresses are
 * kept as parts so that recurring people can be written in different formats.
 */
import { distanceKm, getCounty, virginiaCounties, type County } from './geography.ts';
import { COUNTY_TOWNS, STREET_NAMES, STREET_SUFFIXES, ZIP3_CENTRES } from './places.ts';
import type { Random } from './random.ts';

export type AddressParts = {
  number: number;
  street: string;
  /** Index into STREET_SUFFIXES, so a formatter can choose "Street" or "St". */
  suffix: number;
  unit: string | null;
  city: string;
  state: 'VA';
  zip: string;
  countyFips: string;
};

type CountyPostal = { towns: readonly string[]; zip3: string };

const postalCache = new Map<string, CountyPostal>();

function nearestCityName(county: County): string {
  let best: County | undefined;
  for (const c of virginiaCounties()) {
    if (!c.isIndependentCity || c.populationK === 0) continue;
    if (
      !best ||
      distanceKm(c.centroid, county.centroid) < distanceKm(best.centroid, county.centroid)
    ) {
      best = c;
    }
  }
  return best?.name ?? county.name;
}

function nearestZip3(county: County): string {
  let best = ZIP3_CENTRES[0];
  for (const z of ZIP3_CENTRES) {
    if (best === undefined || distanceKm(z, county.centroid) < distanceKm(best, county.centroid)) {
      best = z;
    }
  }
  return best?.zip3 ?? '230';
}

function postalFor(fips: string): CountyPostal {
  let postal = postalCache.get(fips);
  if (!postal) {
    const county = getCounty(fips);
    const towns = county.isIndependentCity
      ? [county.name]
      : (COUNTY_TOWNS.get(fips) ?? [nearestCityName(county)]);
    postal = { towns, zip3: nearestZip3(county) };
    postalCache.set(fips, postal);
  }
  return postal;
}

export function makeAddress(rng: Random, countyFips: string): AddressParts {
  const postal = postalFor(countyFips);
  const apartment = rng.chance(0.18);
  return {
    // Street numbers are mostly 3–4 digits, like suburban addressing.
    number: rng.chance(0.7) ? rng.int(100, 9999) : rng.int(10, 24999),
    street: rng.pick(STREET_NAMES),
    suffix: rng.int(0, STREET_SUFFIXES.length - 1),
    unit: apartment
      ? `${rng.chance(0.5) ? 'Apt' : 'Unit'} ${rng.int(1, 4)}${rng.pick(['A', 'B', 'C', 'D', '01', '02', '10'])}`
      : null,
    city: rng.pick(postal.towns),
    state: 'VA',
    zip: `${postal.zip3}${String(rng.int(1, 99)).padStart(2, '0')}`,
    countyFips,
  };
}

/** "Oak Ridge Rd": the street without number or unit, for "a substation on Oak Ridge Rd". */
export function streetName(a: AddressParts): string {
  return `${a.street} ${(STREET_SUFFIXES[a.suffix] ?? ['Street', 'St'])[1]}`;
}

export function streetLine(a: AddressParts, abbreviated = true): string {
  const suffix = STREET_SUFFIXES[a.suffix] ?? ['Street', 'St'];
  const base = `${a.number} ${a.street} ${abbreviated ? suffix[1] : suffix[0]}`;
  return a.unit ? `${base} ${a.unit}` : base;
}

/** "1234 Oak Ridge Rd, Norfolk, VA 23505": the one-line form records carry as location. */
export function formatAddress(a: AddressParts, abbreviated = true): string {
  return `${streetLine(a, abbreviated)}, ${a.city}, VA ${a.zip}`;
}
