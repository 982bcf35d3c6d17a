/**
 * The demo world's critical-infrastructure sites (sites.ts), loaded as an administrator would
 * load a GeoJSON file: the same validation (their NIEM target-sector codes become CISA
 * sectors), the same audit. Each site watches a 5 km radius.
 */
import type { ServiceContext } from '../shared/context.ts';
import { loadSites } from '../modules/geo/sites.service.ts';
import { CRITICAL_INFRASTRUCTURE_SITES } from './sites.ts';

export const DEMO_SITE_RADIUS_KM = 5;

export function demoSitesGeoJson(): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: CRITICAL_INFRASTRUCTURE_SITES.map((s) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
      properties: {
        name: s.name,
        sector: s.sector,
        address: s.address,
        radiusKm: DEMO_SITE_RADIUS_KM,
      },
    })),
  });
}

export function loadDemoSites(ctx: ServiceContext) {
  return loadSites(ctx, { format: 'geojson', content: demoSitesGeoJson(), replace: false });
}
