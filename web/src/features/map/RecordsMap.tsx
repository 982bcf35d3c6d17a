import 'maplibre-gl/dist/maplibre-gl.css';
import { Box } from '@mantine/core';
import {
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  setWorkerUrl,
  type GeoJSONSource,
} from 'maplibre-gl';
// MapLibre looks for its worker beside its own module, which bundling moves: point it at the
// worker file of the build (same origin, as the CSP wants).
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { basemapStyle, CONTIGUOUS_US, loadBasemap } from '../../components/us-atlas-basemap.ts';
import { clusterLabels } from './cluster-labels.ts';
import type { Bbox, Hotspots, RecordPoint, Site } from './geo-queries.ts';
import { onMapClick } from './map-clicks.ts';
import {
  emptyCollection,
  extentOf,
  pointsToGeoJson,
  siteAreasToGeoJson,
  sitesToGeoJson,
} from './map-data.ts';
import {
  HOTSPOT_LAYERS,
  hotspotFillColour,
  LAYER_GROUPS,
  LAYERS,
  RECORD_LAYERS,
  SITE_AREA_LAYER,
  SITE_LAYER,
  SOURCES,
  type LayerGroup,
} from './map-layers.ts';

setWorkerUrl(workerUrl);

declare global {
  interface Window {
    /** The Map screen's MapLibre instance, for browser tests to read its sources and layers. */
    __watchfloorMap?: MapLibreMap;
  }
}

export type MapView = { bbox: Bbox; zoom: number };

export type RecordsMapProps = {
  points: readonly RecordPoint[] | undefined;
  hotspots: Hotspots | undefined;
  sites: readonly Site[] | undefined;
  shown: Record<LayerGroup, boolean>;
  /** After each move or zoom: the area on screen, to fetch what is in it. */
  onView: (view: MapView) => void;
  onOpenRecord: (id: string) => void;
  onError: (error: unknown) => void;
};

/** Records, hotspot cells and sites over the offline basemap. */
export function RecordsMap(props: RecordsMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const map = useMapInstance(container, props);
  useSourceData(map, props);
  return (
    <Box
      ref={container}
      data-testid="records-map"
      h={560}
      style={{ borderRadius: 4, overflow: 'hidden' }}
    />
  );
}

/** Creates the map once the basemap is loaded; removes it when the screen closes. */
function useMapInstance(
  container: React.RefObject<HTMLDivElement | null>,
  props: RecordsMapProps,
): MapLibreMap | null {
  const [map, setMap] = useState<MapLibreMap | null>(null);
  // Handlers change every render; the map's listeners read the latest through a ref.
  const latest = useRef(props);
  latest.current = props;
  useEffect(() => {
    let created: MapLibreMap | undefined;
    let cancelled = false;
    loadBasemap()
      .then((basemap) => {
        if (cancelled || !container.current) return;
        const m = new MapLibreMap({
          container: container.current,
          style: basemapStyle(basemap),
          bounds: CONTIGUOUS_US,
          attributionControl: false,
          dragRotate: false,
          pitchWithRotate: false,
          // Keeps the last frame readable, so a screenshot or a printed page shows the map.
          canvasContextAttributes: { preserveDrawingBuffer: true },
        });
        created = m;
        m.addControl(new NavigationControl({ showCompass: false }));
        m.addControl(
          new AttributionControl({
            compact: true,
            customAttribution: 'US Census Bureau (us-atlas)',
          }),
        );
        m.on('load', () => {
          addOwnLayers(m);
          onMapClick(m, (id) => {
            latest.current.onOpenRecord(id);
          });
          m.on('moveend', () => {
            latest.current.onView(viewOf(m));
          });
          window.__watchfloorMap = m;
          setMap(m);
        });
      })
      .catch((error: unknown) => {
        latest.current.onError(error);
      });
    return () => {
      cancelled = true;
      created?.remove();
      if (window.__watchfloorMap === created) delete window.__watchfloorMap;
    };
  }, [container]);
  return map;
}

function addOwnLayers(m: MapLibreMap) {
  m.addSource(SOURCES.hotspots, { type: 'geojson', data: emptyCollection() });
  m.addSource(SOURCES.siteAreas, { type: 'geojson', data: emptyCollection() });
  m.addSource(SOURCES.sites, { type: 'geojson', data: emptyCollection() });
  m.addSource(SOURCES.records, {
    type: 'geojson',
    data: emptyCollection(),
    cluster: true,
    clusterRadius: 45,
    clusterMaxZoom: 13,
  });
  for (const layer of [...HOTSPOT_LAYERS, SITE_AREA_LAYER, ...RECORD_LAYERS, SITE_LAYER])
    m.addLayer(layer);
}

function viewOf(m: MapLibreMap): MapView {
  const b = m.getBounds();
  const clamp = (v: number, limit: number) => Math.max(-limit, Math.min(limit, v));
  return {
    bbox: [
      clamp(b.getWest(), 180),
      clamp(b.getSouth(), 90),
      clamp(b.getEast(), 180),
      clamp(b.getNorth(), 90),
    ],
    zoom: m.getZoom(),
  };
}

/** Keeps the map's sources and layer visibility in step with the props. */
function useSourceData(map: MapLibreMap | null, props: RecordsMapProps) {
  const { points, hotspots, sites, shown } = props;
  const onView = useRef(props.onView);
  onView.current = props.onView;
  const fitted = useRef(false);
  const labels = useRef<ReturnType<typeof clusterLabels> | null>(null);

  useEffect(() => {
    if (!map) return;
    const l = clusterLabels(map);
    labels.current = l;
    const onData = (e: { sourceId?: string; isSourceLoaded?: boolean }) => {
      if (e.sourceId === SOURCES.records && e.isSourceLoaded) l.update();
    };
    map.on('sourcedata', onData);
    map.on('moveend', l.update);
    return () => {
      map.off('sourcedata', onData);
      map.off('moveend', l.update);
      l.clear();
    };
  }, [map]);

  useEffect(() => {
    if (!map || !points) return;
    labels.current?.clear(); // cluster ids are renumbered with new data
    void map.getSource<GeoJSONSource>(SOURCES.records)?.setData(pointsToGeoJson(points));
    // The first answer frames the map; after that the user's view decides what is fetched.
    if (!fitted.current) {
      fitted.current = true;
      const box = extentOf(points);
      if (box)
        map.fitBounds(
          [
            [box[0], box[1]],
            [box[2], box[3]],
          ],
          { padding: 40, maxZoom: 10, duration: 0 },
        );
      else onView.current(viewOf(map));
    }
  }, [map, points]);

  useEffect(() => {
    if (!map || !hotspots) return;
    void map.getSource<GeoJSONSource>(SOURCES.hotspots)?.setData(hotspots);
    const max = Math.max(1, ...hotspots.features.map((f) => f.properties.count));
    map.setPaintProperty(LAYERS.hotspots, 'fill-color', hotspotFillColour(max));
  }, [map, hotspots]);

  useEffect(() => {
    if (!map || !sites) return;
    void map.getSource<GeoJSONSource>(SOURCES.sites)?.setData(sitesToGeoJson(sites));
    void map.getSource<GeoJSONSource>(SOURCES.siteAreas)?.setData(siteAreasToGeoJson(sites));
  }, [map, sites]);

  useEffect(() => {
    if (!map) return;
    for (const [group, layers] of Object.entries(LAYER_GROUPS) as [LayerGroup, readonly string[]][])
      for (const id of layers)
        map.setLayoutProperty(id, 'visibility', shown[group] ? 'visible' : 'none');
    labels.current?.update();
  }, [map, shown]);
}
