import { countyFipsAt } from './counties.ts';
import { cellOf } from './h3.ts';

/** The derived place columns of a record: its H3 cell and county, or nulls without a point. */
export function placeColumns(location: { lat: number; lon: number } | null): {
  h3Cell: bigint | null;
  countyFips: string | null;
} {
  if (!location) return { h3Cell: null, countyFips: null };
  return {
    h3Cell: cellOf(location.lat, location.lon),
    countyFips: countyFipsAt(location.lat, location.lon),
  };
}
