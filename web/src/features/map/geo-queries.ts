import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { components, paths } from '../../api/schema';

type RecordsQuery = paths['/api/v1/geo/records']['get']['parameters']['query'];
type HotspotsQuery = paths['/api/v1/geo/hotspots']['get']['parameters']['query'];

const fetchPoints = (query: RecordsQuery) =>
  unwrap(api.GET('/api/v1/geo/records', { params: { query } }));
const fetchHotspots = (query: HotspotsQuery) =>
  unwrap(api.GET('/api/v1/geo/hotspots', { params: { query } }));

// Types of the answers as the client reads them (it widens GeoJSON's coordinate tuples).
export type RecordPoints = Awaited<ReturnType<typeof fetchPoints>>;
export type RecordPoint = RecordPoints['features'][number];
export type Hotspots = Awaited<ReturnType<typeof fetchHotspots>>;
export type Site = components['schemas']['InfrastructureSite'];
/** An ISE-SAR behaviour code (`AVIATION`, `SURVL`, …). */
export type Category = NonNullable<
  paths['/api/v1/geo/records']['get']['parameters']['query']['category']
>;

/** `west,south,east,north`, as the geo API takes it. */
export type Bbox = [number, number, number, number];
/** The whole world: asked before the map has a view of its own. */
export const WORLD: Bbox = [-180, -90, 180, 90];

/** Most points the API returns at once; more matching records set `truncated`. */
export const POINT_LIMIT = 5000;

export type MapQuery = {
  bbox: Bbox;
  /** Records that began in [from, to). */
  from: string;
  to: string;
  category?: Category;
};

// Rounded so that a map nudged by a pixel does not ask again.
const bboxParam = (b: Bbox) => b.map((v) => v.toFixed(3)).join(',');

/** Located records the viewer may see in the box and window, newest first. */
export function useRecordPoints(q: MapQuery) {
  const query = { bbox: bboxParam(q.bbox), from: q.from, to: q.to, category: q.category };
  return useQuery({
    queryKey: ['geo', 'records', query],
    queryFn: () => fetchPoints({ ...query, limit: POINT_LIMIT }),
    placeholderData: keepPreviousData,
  });
}

/** Visible records per H3 cell, at the resolution the API picks for the map's zoom. */
export function useHotspots(q: MapQuery & { zoom: number }, enabled: boolean) {
  const query = {
    bbox: bboxParam(q.bbox),
    from: q.from,
    to: q.to,
    category: q.category,
    zoom: Math.round(q.zoom),
  };
  return useQuery({
    queryKey: ['geo', 'hotspots', query],
    queryFn: () => fetchHotspots(query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Critical-infrastructure sites: reference data, not protected records. */
export function useSites() {
  return useQuery({
    queryKey: ['geo', 'sites'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/geo/sites'))).items,
    staleTime: 5 * 60_000,
  });
}
