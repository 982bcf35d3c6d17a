/**
 * OfflineMap's own layers: GeoJSON points (optionally clustered) and polygons, as MapLibre
 * sources and style layers, kept in step with what the component is given.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type {
  ExpressionSpecification,
  GeoJSONSource,
  MapLayerMouseEvent,
  Map as MapLibreMap,
} from 'maplibre-gl';

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

const DEFAULT_COLOR = '#1864ab';

/** Adds, updates or removes each layer's source and style layers; returns a clean-up for its events. */
export function syncLayers(
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
  const click = (e: MapLayerMouseEvent) => {
    const f = e.features?.[0];
    if (f) onClick(layer.id, { type: 'Feature', geometry: f.geometry, properties: f.properties });
  };
  const zoomIn = (e: MapLayerMouseEvent) => {
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
