/**
 * Every located record carries the H3 cell (resolution 9, about 0.1 km²) of its point as a
 * 64-bit integer. A parent cell at any coarser resolution is a bit mask of it — the SQL
 * function `h3_parent(cell, res)` (migration 0005) — so hotspots and trend regions at any
 * zoom are a GROUP BY over one indexed column, with no H3 extension in the database.
 */
import { cellToBoundary, latLngToCell } from 'h3-js';

export const STORED_RESOLUTION = 9;

export function cellOf(lat: number, lon: number): bigint {
  return BigInt(`0x${latLngToCell(lat, lon, STORED_RESOLUTION)}`);
}

/** The same parent as SQL's h3_parent: resolution field set, finer digits all 7 (unused). */
export function parentOf(cell: bigint, resolution: number): bigint {
  const cleared = cell & ~(0xfn << 52n);
  return cleared | (BigInt(resolution) << 52n) | ((1n << BigInt(3 * (15 - resolution))) - 1n);
}

export function toH3String(cell: bigint | string): string {
  return BigInt(cell).toString(16);
}

/** The cell's boundary as a closed GeoJSON ring ([lon, lat], counter-clockwise). */
export function cellRing(cell: bigint | string): [number, number][] {
  return cellToBoundary(toH3String(cell), true);
}
