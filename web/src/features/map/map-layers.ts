/**
 * The Map screen's own sources and layers, drawn above the basemap: hotspot cells at the
 * bottom, then infrastructure sites' watch circles, then record points and their clusters,
 * then the sites themselves. Circles and fills only — no symbol layers, so no glyphs are
 * fetched; cluster counts are DOM labels (cluster-labels.ts).
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';

export const SOURCES = {
  records: 'records',
  hotspots: 'hotspots',
  sites: 'sites',
  siteAreas: 'site-areas',
} as const;

export const LAYERS = {
  hotspots: 'hotspot-cells',
  hotspotOutlines: 'hotspot-outlines',
  siteAreas: 'site-areas',
  clusters: 'record-clusters',
  points: 'record-points',
  sites: 'sites',
} as const;

/** Which layers each switch on the screen shows or hides. */
export const LAYER_GROUPS = {
  points: [LAYERS.clusters, LAYERS.points],
  hotspots: [LAYERS.hotspots, LAYERS.hotspotOutlines],
  sites: [LAYERS.siteAreas, LAYERS.sites],
} as const;
export type LayerGroup = keyof typeof LAYER_GROUPS;

export const COLOURS = {
  point: '#1c7ed6',
  cluster: '#1864ab',
  site: '#862e9c',
  /** Hotspot ramp, fewest to most records in a cell. */
  hotspotLow: '#ffe8cc',
  hotspotHigh: '#d9480f',
} as const;

/** Cells are coloured relative to the busiest cell on screen (`max`). */
export function hotspotFillColour(max: number): ExpressionSpecification {
  return [
    'interpolate',
    ['linear'],
    ['get', 'count'],
    1,
    COLOURS.hotspotLow,
    Math.max(2, max),
    COLOURS.hotspotHigh,
  ];
}

export const HOTSPOT_LAYERS: LayerSpecification[] = [
  {
    id: LAYERS.hotspots,
    type: 'fill',
    source: SOURCES.hotspots,
    paint: { 'fill-color': hotspotFillColour(2), 'fill-opacity': 0.55 },
  },
  {
    id: LAYERS.hotspotOutlines,
    type: 'line',
    source: SOURCES.hotspots,
    paint: { 'line-color': COLOURS.hotspotHigh, 'line-width': 0.5, 'line-opacity': 0.6 },
  },
];

export const SITE_AREA_LAYER: LayerSpecification = {
  id: LAYERS.siteAreas,
  type: 'line',
  source: SOURCES.siteAreas,
  paint: { 'line-color': COLOURS.site, 'line-width': 1, 'line-dasharray': [2, 2] },
};

export const RECORD_LAYERS: LayerSpecification[] = [
  {
    id: LAYERS.clusters,
    type: 'circle',
    source: SOURCES.records,
    filter: ['has', 'point_count'],
    paint: {
      'circle-color': COLOURS.cluster,
      'circle-opacity': 0.85,
      'circle-radius': ['step', ['get', 'point_count'], 12, 10, 16, 50, 21, 200, 27],
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  },
  {
    id: LAYERS.points,
    type: 'circle',
    source: SOURCES.records,
    filter: ['!', ['has', 'point_count']],
    paint: {
      'circle-color': COLOURS.point,
      'circle-radius': 6,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1.5,
    },
  },
];

export const SITE_LAYER: LayerSpecification = {
  id: LAYERS.sites,
  type: 'circle',
  source: SOURCES.sites,
  paint: {
    'circle-color': COLOURS.site,
    'circle-radius': 7,
    'circle-stroke-color': '#ffffff',
    'circle-stroke-width': 2.5,
  },
};
