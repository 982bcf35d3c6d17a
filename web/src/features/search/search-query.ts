import type { paths } from '../../api/schema';

/**
 * The search lives in the page's address (`/search?q=drone&kind=sar,tip&from=…`), written
 * exactly as GET /api/v1/search takes its query string: a search can be bookmarked, shared,
 * and the back button steps through earlier searches. `saved=<id>` marks a re-run of a saved
 * search (answered by its /run endpoint, which audits the saved search's id).
 */
export type ApiSearchQuery = NonNullable<paths['/api/v1/search']['get']['parameters']['query']>;
export type SavedQuery =
  paths['/api/v1/search/saved']['post']['requestBody']['content']['application/json']['query'];

/** Filters given as comma-separated lists. */
export const LIST_KEYS = [
  'kind',
  'agency',
  'category',
  'sector',
  'status',
  'tlp',
  'caveat',
  'county',
] as const;
export type ListKey = (typeof LIST_KEYS)[number];
/** Filters given as one text each (the places — bbox, near, polygon — are converted apart). */
const TEXT_KEYS = ['q', 'from', 'to', 'entity', 'sort'] as const;
/** Keys of the address that are not part of the search itself. */
const PAGE_KEYS = ['saved'];

export function listOf(params: URLSearchParams, key: ListKey): string[] {
  return (params.get(key) ?? '').split(',').filter((v) => v !== '');
}

/** A copy of the search with one key set (an empty value or list removes it). */
export function withParam(
  params: URLSearchParams,
  key: string,
  value: string | readonly string[] | undefined,
): URLSearchParams {
  const next = new URLSearchParams(params);
  const text = Array.isArray(value) ? value.join(',') : (value as string | undefined);
  if (text) next.set(key, text);
  else next.delete(key);
  // Any change makes it a new search, no longer the saved one.
  next.delete('saved');
  return next;
}

/** The search's part of the address, as GET /api/v1/search takes it. */
export function apiQuery(params: URLSearchParams): ApiSearchQuery {
  const query: Record<string, string> = {};
  for (const [key, value] of params) {
    if (!PAGE_KEYS.includes(key) && value !== '') query[key] = value;
  }
  return query;
}

/** Whether the address asks for any search at all (text or a filter). */
export function hasSearch(params: URLSearchParams): boolean {
  return [...params.keys()].some((k) => k !== 'sort' && !PAGE_KEYS.includes(k));
}

const numbers = (s: string) => s.split(',').map(Number);

/** The address's search as a saved search stores it (JSON types). */
export function toSavedQuery(params: URLSearchParams): SavedQuery {
  const query: Record<string, unknown> = {};
  for (const key of LIST_KEYS) {
    const values = listOf(params, key);
    if (values.length) query[key] = values;
  }
  for (const key of TEXT_KEYS) {
    const value = params.get(key);
    if (value) query[key] = value;
  }
  const bbox = params.get('bbox');
  if (bbox) query['bbox'] = numbers(bbox);
  const near = params.get('near');
  const radiusKm = params.get('radiusKm');
  if (near && radiusKm) {
    const [lat, lon] = numbers(near);
    query['near'] = { lat, lon, radiusKm: Number(radiusKm) };
  }
  const polygon = params.get('polygon');
  if (polygon) query['polygon'] = polygon.split(';').map(numbers);
  return query;
}

/** A saved search's query as an address (the inverse of toSavedQuery). */
export function fromSavedQuery(query: Record<string, unknown>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of LIST_KEYS) {
    const value = query[key];
    if (Array.isArray(value)) params.set(key, value.join(','));
  }
  for (const key of TEXT_KEYS) {
    const value = query[key];
    if (typeof value === 'string') params.set(key, value);
  }
  if (Array.isArray(query['bbox'])) params.set('bbox', query['bbox'].join(','));
  const near = query['near'] as { lat: number; lon: number; radiusKm: number } | undefined;
  if (near) {
    params.set('near', `${near.lat},${near.lon}`);
    params.set('radiusKm', String(near.radiusKm));
  }
  if (Array.isArray(query['polygon'])) {
    params.set('polygon', (query['polygon'] as number[][]).map((p) => p.join(',')).join(';'));
  }
  return params;
}

/** `2024-05-01` (a day the user picks) as the API's instant: midnight UTC. */
export function dayToInstant(day: string): string {
  return `${day}T00:00:00.000Z`;
}

/** The API's instant as the day it falls on (UTC), for a date input. */
export function instantToDay(instant: string | null): string {
  return instant ? instant.slice(0, 10) : '';
}

/** `to` is exclusive in the API; a user picks the last day to include. */
export function lastDayToExclusive(day: string): string {
  const d = new Date(dayToInstant(day));
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

export function exclusiveToLastDay(instant: string | null): string {
  if (!instant) return '';
  const d = new Date(instant);
  d.setUTCMilliseconds(d.getUTCMilliseconds() - 1);
  return d.toISOString().slice(0, 10);
}
