/**
 * The offline basemap every Watchfloor map draws on: state and county outlines from us-atlas
 * (US Census cartographic boundaries, 1:10m), turned from TopoJSON into GeoJSON in the
 * browser. No tile server, no fonts or glyphs from the network: the style has no symbol
 * layers, so MapLibre never asks for glyphs, and the atlas file is one of the app's own assets.
 *
 *   const style = basemapStyle(await loadBasemap());
 *   new Map({ container, style });   // then add your own sources and layers above it
 */
import type { StyleSpecification } from 'maplibre-gl';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
// Served as a file of the build (cached by the browser), not inlined into a script chunk.
import atlasUrl from 'us-atlas/counties-10m.json?url';

type Atlas = Topology<{
  counties: GeometryCollection<{ name: string }>;
  states: GeometryCollection<{ name: string }>;
  nation: GeometryCollection;
}>;

export type Basemap = {
  /** Each state as a polygon feature, `properties.name`, `id` its FIPS code. */
  states: GeoJSON.FeatureCollection;
  /** Borders between counties, each drawn once (a mesh, not each county's ring). */
  countyBorders: GeoJSON.MultiLineString;
  /** Borders between states, and the coast and national border. */
  stateBorders: GeoJSON.MultiLineString;
  nationBorder: GeoJSON.MultiLineString;
};

/** The lower 48 states, for a map that has nothing of its own to fit to yet. */
export const CONTIGUOUS_US: [[number, number], [number, number]] = [
  [-125, 24.4],
  [-66.9, 49.4],
];

let loading: Promise<Basemap> | undefined;

/** The basemap's GeoJSON, fetched and converted once per page load. */
export function loadBasemap(): Promise<Basemap> {
  loading ??= fetch(atlasUrl)
    .then((r) => {
      if (!r.ok) throw new Error(`The basemap could not be loaded (${r.status})`);
      return r.json() as Promise<Atlas>;
    })
    .then(toBasemap)
    .catch((error: unknown) => {
      loading = undefined; // let the next map try again
      throw error;
    });
  return loading;
}

function toBasemap(atlas: Atlas): Basemap {
  const { counties, states, nation } = atlas.objects;
  return {
    states: feature(atlas, states),
    countyBorders: mesh(atlas, counties, (a, b) => a !== b),
    stateBorders: mesh(atlas, states, (a, b) => a !== b),
    nationBorder: mesh(atlas, nation),
  };
}

/** Ids of the basemap's layers: a map's own layers go above the last of them. */
export const BASEMAP_LAYER_IDS = [
  'basemap-background',
  'basemap-states',
  'basemap-county-borders',
  'basemap-state-borders',
  'basemap-nation-border',
] as const;

/** A MapLibre style of the basemap alone: water-blue background, states, county and state lines. */
export function basemapStyle(basemap: Basemap): StyleSpecification {
  return {
    version: 8,
    sources: {
      'basemap-states': { type: 'geojson', data: basemap.states },
      'basemap-county-borders': { type: 'geojson', data: basemap.countyBorders },
      'basemap-state-borders': { type: 'geojson', data: basemap.stateBorders },
      'basemap-nation-border': { type: 'geojson', data: basemap.nationBorder },
    },
    layers: [
      { id: 'basemap-background', type: 'background', paint: { 'background-color': '#dbe7f0' } },
      {
        id: 'basemap-states',
        type: 'fill',
        source: 'basemap-states',
        paint: { 'fill-color': '#f8f9fa' },
      },
      {
        id: 'basemap-county-borders',
        type: 'line',
        source: 'basemap-county-borders',
        minzoom: 5,
        paint: { 'line-color': '#ced4da', 'line-width': 0.6 },
      },
      {
        id: 'basemap-state-borders',
        type: 'line',
        source: 'basemap-state-borders',
        paint: { 'line-color': '#868e96', 'line-width': 1.2 },
      },
      {
        id: 'basemap-nation-border',
        type: 'line',
        source: 'basemap-nation-border',
        paint: { 'line-color': '#495057', 'line-width': 1 },
      },
    ],
  };
}
