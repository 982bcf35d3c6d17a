/**
 * The two stories hidden in the demo world, for the demo to reveal and for tests and
 * benchmarks to check:
 *
 * - a cluster: four people, one van and one phone, reported by six different agencies in
 *   three weeks around Norfolk International Terminals (Port of Virginia) — photography,
 *   surveillance, eliciting, probing the gate, a field interview and tips. No one agency
 *   sees more than two pieces; only resolving the entities across agencies shows the group.
 * - a surge: drone (AVIATION) SARs in Northern Virginia rising to 3.5× their baseline for
 *   six weeks from a fixed Monday.
 *
 * Dates are offsets from the world's reference date, so the facts hold for any seed.
 */
import { WEEK_MS } from './time.ts';
import { getSite } from './sites.ts';

const NIT = getSite('nit');

export const PLANTED = {
  cluster: {
    facility: {
      siteKey: NIT.key,
      name: NIT.name,
      lat: NIT.lat,
      lon: NIT.lon,
      countyFips: NIT.countyFips,
      sector: NIT.sector,
    },
    people: {
      leader: 'person:planted-ashcraft',
      driver: 'person:planted-brandt',
      photographer: 'person:planted-cortland',
      lookout: 'person:planted-pruitt',
    },
    vehicleKey: 'vehicle:planted-van',
    phoneKey: 'phone:planted-burner',
    /** Every agency that holds a piece; no single one holds more than two kinds of it. */
    agencyKeys: ['ttr-port', 'norfolk-pd', 'vsp', 'vfc', 'portsmouth-pd', 'fbi-jttf'],
    /** Weeks before the reference date when the first report was made. */
    startWeeksBeforeReference: 9,
    spanDays: 21,
  },
  surge: {
    behaviour: 'AVIATION',
    region: 'nova',
    /**
     * Fairfax County and City, Arlington, Alexandria, Loudoun, Manassas, Manassas Park: the
     * inner counties. Prince William County is left out; its centroid was broken when the
     * surge was measured, so it never drew surge reports, and the benchmarks describe that world.
     */
    countyFips: ['51059', '51600', '51013', '51510', '51107', '51683', '51685'],
    /** The surge starts on the Monday this many weeks before the (Monday) reference date. */
    startWeeksBeforeReference: 16,
    weeks: 6,
    /** Surge weeks carry this multiple of the baseline weekly count. */
    ratio: 3.5,
    /** Share of all records that are baseline drone SARs in the region (the stream's base). */
    baselineShare: 0.02,
  },
} as const;

export type PlantedFacts = typeof PLANTED;

/** The planted entity keys, all of them. */
export function plantedClusterEntityKeys(): string[] {
  const c = PLANTED.cluster;
  return [...Object.values(c.people), c.vehicleKey, c.phoneKey];
}

/** The absolute dates of both stories for a given reference date. */
export function plantedWindows(referenceDate: string): {
  cluster: { from: string; to: string };
  surge: { from: string; to: string; weekStarts: string[] };
} {
  const ref = Date.parse(referenceDate);
  const clusterFrom = ref - PLANTED.cluster.startWeeksBeforeReference * WEEK_MS;
  const surgeFrom = ref - PLANTED.surge.startWeeksBeforeReference * WEEK_MS;
  const weekStarts = Array.from({ length: PLANTED.surge.weeks }, (_, i) =>
    new Date(surgeFrom + i * WEEK_MS).toISOString(),
  );
  return {
    cluster: {
      from: new Date(clusterFrom).toISOString(),
      to: new Date(clusterFrom + PLANTED.cluster.spanDays * 86_400_000).toISOString(),
    },
    surge: {
      from: new Date(surgeFrom).toISOString(),
      to: new Date(surgeFrom + PLANTED.surge.weeks * WEEK_MS).toISOString(),
      weekStarts,
    },
  };
}

/** Rate of surge records per background record that makes surge weeks `ratio`× baseline. */
export function surgeShare(spanWeeks: number): number {
  const s = PLANTED.surge;
  return (s.baselineShare * (s.ratio - 1) * s.weeks) / spanWeeks;
}
