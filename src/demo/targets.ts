/**
 * Where a SAR or incident happens, in words: a kind of place that belongs to the target
 * sector ("a water storage tank on Ridge Rd"), or one of the named critical-infrastructure
 * sites when the record falls near one. Sites pull their share of reporting, as real
 * high-profile facilities do.
 */
import { distanceKm, ringsContain, getCounty, type GeoPoint } from './geography.ts';
import type { Random } from './random.ts';
import { CRITICAL_INFRASTRUCTURE_SITES } from './sites.ts';
import type { CriticalInfrastructureSite } from './types.ts';

const PLACES_TEXT = `
TRANS: the Amtrak station | a freight rail yard | the regional bus transfer center | a commuter rail station | a highway bridge | a trucking terminal | a marine cargo terminal
ENRG: an electrical substation | a natural gas compressor station | a fuel storage terminal | a transmission line right-of-way | a solar generating facility
NCLR: the owner-controlled area of a nuclear power station
WATR: a water treatment plant | a water storage tank | a wastewater pumping station | a reservoir intake structure
UTL: a utility service yard | a natural gas regulator station
GVTBLDG: the county government center | the federal courthouse | a DMV customer service center | the General District Court | a city hall
MASS: a shopping mall | a minor-league ballpark | an outdoor concert venue | the convention center | a festival on the waterfront
EDU: a high school | a university campus | a community college
HLTH: a regional hospital | an urgent care center | a blood bank | a public health laboratory
DFNSE: a defense contractor office park | a military installation gate | a National Guard armory
COMM: a shopping center | a hotel | an office tower | a self-storage facility
TELCM: a cell tower | a telephone switching center | a fiber distribution hut
IT: a data center | a cloud provider campus
FIN: a bank branch | a credit union | a check-cashing store
CHEM: a chemical distribution warehouse | a pool-supply warehouse | a fertilizer plant
HAZMAT: a hazardous-materials transfer site | a propane distribution yard
AGRI: a grain elevator | a poultry processing plant | a farm supply store
LIVSTK: a livestock auction barn | a cattle farm
RETL: a hardware store | a big-box retailer | a sporting goods store | a farm and garden store
CULTR: a museum | a house of worship | a community cultural center
MNMT: a memorial in a battlefield park | the state capitol grounds
DAMS: a dam spillway | a flood-control levee
EMRG: a fire station | a 911 dispatch center | an EMS station
CORR: a regional jail | a state correctional center
PRSN: a state prison
CSTL: a coastal pier | a marina
MAIL: a post office | a package sorting facility
MFG: a manufacturing plant | a plastics factory
POP: a public park | a transit plaza
NATRL: a state park | a national wildlife refuge
SPCFXN: a research laboratory
TACTCP: a public event staging area
OTHR: a commercial building | a vacant lot | a residence`;

const PLACES: ReadonlyMap<string, readonly string[]> = new Map(
  PLACES_TEXT.trim()
    .split('\n')
    .map((line) => {
      const [sector = '', places = ''] = line.split(': ');
      return [sector, places.split(' | ')] as const;
    }),
);

export type Target = {
  /** Noun phrase for narratives. */
  phrase: string;
  /** Short name for titles: "water treatment plant", "Surry Power Station". */
  short: string;
  site: CriticalInfrastructureSite | null;
};

export function placesFor(sector: string): readonly string[] {
  return PLACES.get(sector) ?? PLACES.get('OTHR') ?? ['a commercial building'];
}

/** Drops the article: "a water tank" → "water tank", for titles. */
function bare(phrase: string): string {
  return phrase.replace(/^(the|an|a) /, '');
}

/**
 * A site of this sector in the record's county, chosen half the time when one exists; else
 * a generic place of the sector on the given street.
 */
export function pickTarget(
  rng: Random,
  sector: string,
  countyFips: string,
  street: string,
): Target {
  const sites = CRITICAL_INFRASTRUCTURE_SITES.filter(
    (s) => s.sector === sector && s.countyFips === countyFips,
  );
  if (sites.length > 0 && rng.chance(0.5)) {
    const site = rng.pick(sites);
    return { phrase: `the ${site.name}`, short: site.name, site };
  }
  const place = rng.pick(placesFor(sector));
  const onStreet = place.startsWith('the ') ? place : `${place} on ${street}`;
  return { phrase: onStreet, short: bare(place), site: null };
}

/**
 * A point within `radiusKm` of a site and inside its county polygon, so records "at" a site
 * cluster around it on the map while still passing the in-Virginia check.
 */
export function pointNearSite(
  rng: Random,
  site: { lat: number; lon: number; countyFips: string },
  radiusKm: number,
): GeoPoint {
  const county = getCounty(site.countyFips);
  for (let attempt = 0; attempt < 1000; attempt++) {
    const dLat = ((rng.next() * 2 - 1) * radiusKm) / 111.2;
    const dLon = ((rng.next() * 2 - 1) * radiusKm) / (111.2 * Math.cos((site.lat * Math.PI) / 180));
    const p = {
      lat: Math.round((site.lat + dLat) * 1e6) / 1e6,
      lon: Math.round((site.lon + dLon) * 1e6) / 1e6,
    };
    if (distanceKm(p, site) <= radiusKm && ringsContain(county.rings, p.lon, p.lat)) return p;
  }
  return { lat: site.lat, lon: site.lon };
}
