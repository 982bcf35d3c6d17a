import 'maplibre-gl/dist/maplibre-gl.css';
import { Alert, Box } from '@mantine/core';
import type { Feature } from 'geojson';
import * as maplibregl from 'maplibre-gl';
import type { Map as MapLibreMap } from 'maplibre-gl';
// Bundled as a file of the build: MapLibre would otherwise look for its worker next to a
// module that Vite has renamed.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { boundsOf, syncLayers, type Bbox, type OfflineMapLayer } from './offline-map-layers.ts';
import { basemapStyle, CONTIGUOUS_US, loadBasemap } from './us-atlas-basemap.ts';

maplibregl.setWorkerUrl(workerUrl);

export type {
  Bbox,
  MapPointLayer,
  MapPolygonLayer,
  OfflineMapLayer,
} from './offline-map-layers.ts';

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
