/**
 * Critical-infrastructure sites of the demo world: real, publicly known Virginia facilities
 * (their names and approximate public locations only). SAR narratives refer to them, the
 * planted cluster circles one of them, and a later issue loads them as site records.
 * Coordinates are nudged where needed so each lies inside its county on the 1:10m map.
 */
import type { CriticalInfrastructureSite } from './types.ts';

export const CRITICAL_INFRASTRUCTURE_SITES: readonly CriticalInfrastructureSite[] = [
  {
    key: 'nit',
    name: 'Norfolk International Terminals (Port of Virginia)',
    sector: 'TRANS',
    lat: 36.9075,
    lon: -76.315,
    countyFips: '51710',
    region: 'hampton_roads',
    address: '7737 Hampton Blvd, Norfolk, VA 23505',
  },
  {
    key: 'surry-nps',
    name: 'Surry Power Station',
    sector: 'NCLR',
    lat: 37.1656,
    lon: -76.6983,
    countyFips: '51181',
    region: 'central',
    address: '5570 Hog Island Rd, Surry, VA 23883',
  },
  {
    key: 'north-anna-nps',
    name: 'North Anna Power Station',
    sector: 'NCLR',
    lat: 38.0606,
    lon: -77.7897,
    countyFips: '51109',
    region: 'central',
    address: '1022 Haley Dr, Mineral, VA 23117',
  },
  {
    key: 'iad',
    name: 'Washington Dulles International Airport',
    sector: 'TRANS',
    lat: 38.9531,
    lon: -77.4565,
    countyFips: '51107',
    region: 'nova',
    address: '1 Saarinen Cir, Dulles, VA 20166',
  },
  {
    key: 'ric',
    name: 'Richmond International Airport',
    sector: 'TRANS',
    lat: 37.5052,
    lon: -77.3197,
    countyFips: '51087',
    region: 'richmond',
    address: '1 Richard E Byrd Terminal Dr, Richmond, VA 23250',
  },
  {
    key: 'griffith-wtp',
    name: 'Griffith Water Treatment Plant',
    sector: 'WATR',
    lat: 38.679,
    lon: -77.259,
    countyFips: '51059',
    region: 'nova',
    address: '9600 Ox Rd, Lorton, VA 22079',
  },
  {
    key: 'ashburn-dc',
    name: 'Ashburn data center campus ("Data Center Alley")',
    sector: 'IT',
    lat: 39.0169,
    lon: -77.458,
    countyFips: '51107',
    region: 'nova',
    address: '21715 Filigree Ct, Ashburn, VA 20147',
  },
  {
    key: 'bath-pumped-storage',
    name: 'Bath County Pumped Storage Station',
    sector: 'DAMS',
    lat: 38.2089,
    lon: -79.8,
    countyFips: '51017',
    region: 'valley',
    address: '3236 Mountain Grove Rd, Warm Springs, VA 24484',
  },
  {
    key: 'norfolk-naval-station',
    name: 'Naval Station Norfolk',
    sector: 'DFNSE',
    lat: 36.946,
    lon: -76.303,
    countyFips: '51710',
    region: 'hampton_roads',
    address: '1530 Gilbert St, Norfolk, VA 23511',
  },
];

export function getSite(key: string): CriticalInfrastructureSite {
  const site = CRITICAL_INFRASTRUCTURE_SITES.find((s) => s.key === key);
  if (!site) throw new Error(`no demo site ${key}`);
  return site;
}
