/**
 * Counts on the cluster circles, as DOM labels over the map: a symbol layer would need glyphs
 * from a font server, which the offline map does not have. Labels ignore the pointer (a click
 * reaches the circle beneath) and are hidden from screen readers (the record list says the
 * same).
 */
import { Marker, type GeoJSONSource, type Map as MapLibreMap } from 'maplibre-gl';
import { LAYERS, SOURCES } from './map-layers.ts';

export function clusterLabels(map: MapLibreMap): { update: () => void; clear: () => void } {
  const shown = new Map<number, Marker>();

  const clear = () => {
    for (const marker of shown.values()) marker.remove();
    shown.clear();
  };

  const update = () => {
    const source = map.getSource<GeoJSONSource>(SOURCES.records);
    const visible = map.getLayoutProperty(LAYERS.clusters, 'visibility') !== 'none';
    if (!source || !visible) {
      clear();
      return;
    }
    const now = new Map<number, Marker>();
    for (const f of map.querySourceFeatures(SOURCES.records, { filter: ['has', 'point_count'] })) {
      const props = f.properties as { cluster_id: number; point_count: number };
      if (now.has(props.cluster_id) || f.geometry.type !== 'Point') continue;
      const marker =
        shown.get(props.cluster_id) ??
        new Marker({ element: labelElement(props.point_count) })
          .setLngLat(f.geometry.coordinates as [number, number])
          .addTo(map);
      now.set(props.cluster_id, marker);
    }
    for (const [id, marker] of shown) if (!now.has(id)) marker.remove();
    shown.clear();
    for (const [id, marker] of now) shown.set(id, marker);
  };

  return { update, clear };
}

function labelElement(count: number): HTMLElement {
  const el = document.createElement('div');
  el.textContent = count >= 1000 ? `${Math.round(count / 100) / 10}k` : String(count);
  el.setAttribute('aria-hidden', 'true');
  el.className = 'cluster-label';
  el.style.cssText =
    'pointer-events:none;color:#fff;font:600 12px/1 system-ui,sans-serif;text-shadow:0 0 2px #000';
  return el;
}
