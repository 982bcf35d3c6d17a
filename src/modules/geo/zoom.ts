/**
 * Which H3 resolution a map zoom level shows hotspots at. The aim is hexagons about 30 px
 * across on screen: at zoom z a web-mercator pixel is 156,543 m · cos(lat) / 2^z wide (256-px
 * tiles), and the table picks the resolution whose average edge length is nearest (in ratio)
 * to 16 px at latitude 38° (Virginia). Records are stored at resolution 9, so zoom 13 and
 * closer stay at 9. docs/geo.md prints this table.
 */
import { STORED_RESOLUTION } from './h3.ts';

/** Index: zoom level 0…13; value: H3 resolution. */
export const ZOOM_TO_RESOLUTION = [0, 0, 1, 2, 2, 3, 4, 5, 5, 6, 7, 7, 8, 9] as const;

export const MAX_ZOOM = 22;

export function resolutionForZoom(zoom: number): number {
  const z = Math.max(0, Math.floor(zoom));
  return ZOOM_TO_RESOLUTION[z] ?? STORED_RESOLUTION;
}
