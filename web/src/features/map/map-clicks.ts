/**
 * What a click on the map does, topmost layer first: a record point opens the record, a
 * cluster zooms in until it splits, a site or a hotspot cell shows what it is in a popup.
 */
import {
  Popup,
  type GeoJSONSource,
  type Map as MapLibreMap,
  type MapMouseEvent,
} from 'maplibre-gl';
import { LAYERS, SOURCES } from './map-layers.ts';

const CLICKABLE = [LAYERS.points, LAYERS.clusters, LAYERS.sites, LAYERS.hotspots];

export function onMapClick(map: MapLibreMap, openRecord: (id: string) => void): void {
  map.on('click', (e) => {
    const [hit] = map.queryRenderedFeatures(e.point, { layers: CLICKABLE });
    if (!hit) return;
    const props = hit.properties as Record<string, unknown>;
    switch (hit.layer.id) {
      case LAYERS.points:
        openRecord(String(props['id']));
        return;
      case LAYERS.clusters:
        void zoomIntoCluster(map, Number(props['cluster_id']), e);
        return;
      case LAYERS.sites:
        popup(map, e, [
          String(props['name']),
          sectorName(String(props['sector'])),
          props['address'],
        ]);
        return;
      case LAYERS.hotspots: {
        const count = Number(props['count']);
        popup(map, e, [`${count} ${count === 1 ? 'record' : 'records'} in this cell`]);
        return;
      }
    }
  });
  const pointer = (on: boolean) => () => {
    map.getCanvas().style.cursor = on ? 'pointer' : '';
  };
  for (const layer of [LAYERS.points, LAYERS.clusters, LAYERS.sites]) {
    map.on('mouseenter', layer, pointer(true));
    map.on('mouseleave', layer, pointer(false));
  }
}

async function zoomIntoCluster(map: MapLibreMap, clusterId: number, e: MapMouseEvent) {
  const source = map.getSource<GeoJSONSource>(SOURCES.records);
  if (!source) return;
  const zoom = await source.getClusterExpansionZoom(clusterId);
  map.easeTo({ center: e.lngLat, zoom });
}

/** A popup of plain text lines (built as DOM text, never as HTML). */
function popup(map: MapLibreMap, e: MapMouseEvent, lines: unknown[]) {
  const body = document.createElement('div');
  lines
    .filter((l): l is string => typeof l === 'string' && l !== '' && l !== 'null')
    .forEach((line, i) => {
      const p = document.createElement(i === 0 ? 'strong' : 'div');
      p.textContent = line;
      body.appendChild(p);
    });
  new Popup({ closeButton: true, maxWidth: '260px' })
    .setLngLat(e.lngLat)
    .setDOMContent(body)
    .addTo(map);
}

/** "transportation_systems" → "Transportation systems". */
export function sectorName(code: string): string {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
