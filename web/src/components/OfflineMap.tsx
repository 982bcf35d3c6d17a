import 'maplibre-gl/dist/maplibre-gl.css';
import { Alert, Box } from '@mantine/core';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import * as maplibregl from 'maplibre-gl';
import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
// Bundled as a file of the build: MapLibre would otherwise look for its worker next to a
// module that Vite has renamed.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { basemapStyle, CONTIGUOUS_US, loadBasemap } from './us-atlas-basemap.ts';

maplibregl.setWorkerUrl(workerUrl);

/** [west, south, east, north] in degrees. */
export type Bbox = [number, number, number, number];

type LayerBase = {
  /** Unique on the map; also names the layer in click events. */
  id: string;
  /** Default colour; a feature's own `color` property wins. */
  color?: string;
};
export type MapPointLayer = LayerBase & {
  type: 'points';
  data: FeatureCollection<Point>;
  /** Circle radius in pixels (default 6). */
  radius?: number;
  /** Group nearby points into circles sized by how many they hold; a click zooms in. */
  cluster?: boolean;
};
export type MapPolygonLayer = LayerBase & {
  type: 'polygons';
  data: FeatureCollection<Polygon | MultiPolygon>;
  /** Fill opacity 0–1 (default 0.35); a feature's own `opacity` property wins. */
  opacity?: number;
};
export type OfflineMapLayer = MapPointLayer | MapPolygonLayer;

export type OfflineMapProps = {
  /** Accessible name of the map, e.g. "Map of the results". */
  label: string;
  /** Drawn in order: later layers on top. Keep feature properties flat (strings, numbers). */
  layers: readonly OfflineMapLayer[];
  /** 'layers' (default): fit to the layers' features whenever they change; a box; or 'none'. */
  fitBounds?: 'layers' | 'none' | Bbox;
  /** A point or polygon was clicked (not a cluster, which zooms in). */
  onFeatureClick?: (layerId: string, feature: Feature) => void;
  /** After the user pans or zooms: the box on screen, e.g. to search "this area". */
  onViewChange?: (bbox: Bbox) => void;
  /** CSS height (default 400). */
  height?: number | string;
};

const DEFAULT_COLOR = '#1864ab';

/**
 * A MapLibre GL map over the offline basemap (us-atlas state and county outlines, no tile
 * server), with GeoJSON point and polygon layers. The canvas is keyboard-pannable (arrows,
 * +/-), but its points are not focusable: a screen that shows points also lists them.
 */
export function OfflineMap({
  label,
  layers,
  fitBounds = 'layers',
  onFeatureClick,
  onViewChange,
  height = 400,
}: OfflineMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap>();
  const [failed, setFailed] = useState<string>();
  // Whether everything asked of the map so far is drawn: tests wait for it before a screenshot.
  const [drawn, setDrawn] = useState(false);
  const handlers = useRef({ onFeatureClick, onViewChange });
  handlers.current = { onFeatureClick, onViewChange };

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let created: MapLibreMap | undefined;
    let cancelled = false;
    loadBasemap()
      .then((basemap) => {
        if (cancelled) return;
        created = new maplibregl.Map({
          container: element,
          style: basemapStyle(basemap),
          bounds: CONTIGUOUS_US,
          attributionControl: { compact: true, customAttribution: 'U.S. Census Bureau (us-atlas)' },
        });
        const m = created;
        m.getCanvas().setAttribute('aria-label', label);
        m.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-right');
        m.on('moveend', (e: { originalEvent?: unknown }) => {
          if (!e.originalEvent) return; // moved by code (fit), not by the user
          const b = m.getBounds();
          const lon = (x: number) => Math.max(-180, Math.min(180, x));
          handlers.current.onViewChange?.([
            lon(b.getWest()),
            b.getSouth(),
            lon(b.getEast()),
            b.getNorth(),
          ]);
        });
        m.once('load', () => {
          setMap(m);
        });
      })
      .catch((error: unknown) => {
        // No WebGL, or the basemap file could not be fetched: say so instead of a blank box.
        if (!cancelled) setFailed(error instanceof Error ? error.message : String(error));
      });
    return () => {
      cancelled = true;
      created?.remove();
    };
    // The map is made once; its label is set again below when it changes.
  }, []);

  useEffect(() => {
    map?.getCanvas().setAttribute('aria-label', label);
  }, [map, label]);

  useEffect(() => {
    if (!map) return;
    setDrawn(false);
    const done = () => {
      setDrawn(true);
    };
    map.once('idle', done);
    const unwire = syncLayers(map, layers, (layerId, feature) =>
      handlers.current.onFeatureClick?.(layerId, feature),
    );
    return () => {
      map.off('idle', done);
      unwire();
    };
  }, [map, layers]);

  const target = fitBounds === 'layers' ? boundsOf(layers) : fitBounds;
  const targetKey = JSON.stringify(target);
  useEffect(() => {
    if (!map || target === 'none') return;
    map.fitBounds(target ?? CONTIGUOUS_US, { padding: 40, maxZoom: 9, duration: 0 });
    // targetKey stands for target: fit again only when the box itself changes.
  }, [map, targetKey]);

  if (failed) {
    return (
      <Alert color="gray" title="The map cannot be shown">
        {failed}
      </Alert>
    );
  }
  // MapLibre makes the canvas a labelled region (the label is set on it above).
  return <Box ref={container} h={height} data-testid="offline-map" data-drawn={drawn} />;
}

/** Adds, updates or removes each layer's source and style layers; returns a clean-up for its events. */
function syncLayers(
  map: MapLibreMap,
  layers: readonly OfflineMapLayer[],
  onClick: (layerId: string, feature: Feature) => void,
): () => void {
  const kept = new Set(layers.map((l) => `layer-${l.id}`));
  for (const l of map.getStyle().layers) {
    if ('source' in l && l.source.startsWith('layer-') && !kept.has(l.source))
      map.removeLayer(l.id);
  }
  for (const id of Object.keys(map.getStyle().sources)) {
    if (id.startsWith('layer-') && !kept.has(id)) map.removeSource(id);
  }
  const cleanups = layers.map((layer) => {
    const sourceId = `layer-${layer.id}`;
    const source = map.getSource<GeoJSONSource>(sourceId);
    if (source) void source.setData(layer.data);
    else addLayer(map, layer, sourceId);
    return wireEvents(map, layer, sourceId, onClick);
  });
  return () => {
    for (const c of cleanups) c();
  };
}

function addLayer(map: MapLibreMap, layer: OfflineMapLayer, sourceId: string) {
  const color: ExpressionSpecification = [
    'coalesce',
    ['get', 'color'],
    layer.color ?? DEFAULT_COLOR,
  ];
  if (layer.type === 'polygons') {
    map.addSource(sourceId, { type: 'geojson', data: layer.data });
    map.addLayer({
      id: `${sourceId}-fill`,
      type: 'fill',
      source: sourceId,
      paint: {
        'fill-color': color,
        'fill-opacity': ['coalesce', ['get', 'opacity'], layer.opacity ?? 0.35],
        'fill-outline-color': color,
      },
    });
    return;
  }
  map.addSource(sourceId, {
    type: 'geojson',
    data: layer.data,
    cluster: layer.cluster ?? false,
    clusterRadius: 40,
  });
  const radius = layer.radius ?? 6;
  map.addLayer({
    id: `${sourceId}-point`,
    type: 'circle',
    source: sourceId,
    filter: ['!', ['has', 'point_count']],
    paint: {
      'circle-color': color,
      'circle-radius': radius,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1.5,
    },
  });
  if (layer.cluster) {
    map.addLayer({
      id: `${sourceId}-cluster`,
      type: 'circle',
      source: sourceId,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': layer.color ?? DEFAULT_COLOR,
        'circle-opacity': 0.75,
        // Area grows with the count (no text labels: an offline map has no glyph server).
        'circle-radius': ['+', radius, ['*', 3, ['sqrt', ['get', 'point_count']]]],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    });
  }
}

function wireEvents(
  map: MapLibreMap,
  layer: OfflineMapLayer,
  sourceId: string,
  onClick: (layerId: string, feature: Feature) => void,
): () => void {
  const target = layer.type === 'polygons' ? `${sourceId}-fill` : `${sourceId}-point`;
  const click = (e: maplibregl.MapLayerMouseEvent) => {
    const f = e.features?.[0];
    if (f) onClick(layer.id, { type: 'Feature', geometry: f.geometry, properties: f.properties });
  };
  const zoomIn = (e: maplibregl.MapLayerMouseEvent) => {
    const f = e.features?.[0];
    const clusterId = f?.properties['cluster_id'] as number | undefined;
    if (!f || clusterId === undefined || f.geometry.type !== 'Point') return;
    const [lon = 0, lat = 0] = f.geometry.coordinates;
    void map
      .getSource<GeoJSONSource>(sourceId)
      ?.getClusterExpansionZoom(clusterId)
      .then((zoom) => map.easeTo({ center: [lon, lat], zoom }));
  };
  const pointer = () => (map.getCanvas().style.cursor = 'pointer');
  const plain = () => (map.getCanvas().style.cursor = '');
  const targets =
    layer.type === 'points' && layer.cluster ? [target, `${sourceId}-cluster`] : [target];
  map.on('click', target, click);
  if (targets.length > 1) map.on('click', `${sourceId}-cluster`, zoomIn);
  for (const t of targets) {
    map.on('mouseenter', t, pointer);
    map.on('mouseleave', t, plain);
  }
  return () => {
    map.off('click', target, click);
    if (targets.length > 1) map.off('click', `${sourceId}-cluster`, zoomIn);
    for (const t of targets) {
      map.off('mouseenter', t, pointer);
      map.off('mouseleave', t, plain);
    }
  };
}

/** The box around every feature of the layers, or undefined when they have none. */
export function boundsOf(layers: readonly OfflineMapLayer[]): Bbox | undefined {
  let box: Bbox | undefined;
  const add = (lon: number, lat: number) => {
    box = box
      ? [Math.min(box[0], lon), Math.min(box[1], lat), Math.max(box[2], lon), Math.max(box[3], lat)]
      : [lon, lat, lon, lat];
  };
  for (const layer of layers) {
    for (const f of layer.data.features) {
      if (f.geometry.type === 'Point') add(f.geometry.coordinates[0]!, f.geometry.coordinates[1]!);
      else if (f.geometry.type === 'Polygon')
        f.geometry.coordinates[0]?.forEach(([x, y]) => {
          add(x!, y!);
        });
      else
        f.geometry.coordinates.forEach((p) =>
          p[0]?.forEach(([x, y]) => {
            add(x!, y!);
          }),
        );
    }
  }
  return box;
}
