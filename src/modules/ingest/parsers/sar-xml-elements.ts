/**
 * Reading a report's element tree: descendants by a path of local names, their text, code
 * lists, dates and numbers. Every error names the element by its path inside the report
 * and the line it starts on.
 */
import { compileDateFormat, toUtcIso } from './dates.ts';
import { quote } from './csv-values.ts';
import type { XmlElement } from './sar-xml-reader.ts';
import type { RowError } from './types.ts';

export type MapContext = { errors: RowError[]; timezone: string };
export type Found = { el: XmlElement; path: string };

const readIso = compileDateFormat('iso');

/** Descendants by a path of local names (`A/B/C`), with their path from the report. */
export function findAll(from: Found, path: string): Found[] {
  let current = [from];
  for (const name of path.split('/')) {
    current = current.flatMap((f) =>
      f.el.children
        .filter((c) => c.name === name)
        .map((el) => ({ el, path: f.path ? `${f.path}/${name}` : name })),
    );
  }
  return current;
}

export function textOf(from: Found, path: string): { value: string; at: Found } | undefined {
  const found = findAll(from, path).find((f) => f.el.text.trim() !== '');
  return found && { value: found.el.text.trim(), at: found };
}

export function fail(ctx: MapContext, at: Found, message: string): void {
  ctx.errors.push({ line: at.el.line, field: at.path || at.el.name, message });
}

export function readCodes<T extends string>(
  report: Found,
  element: string,
  allowed: readonly T[],
  label: string,
  ctx: MapContext,
): T[] {
  const codes: T[] = [];
  for (const f of findAll(report, element)) {
    const code = f.el.text.trim().toUpperCase();
    if ((allowed as readonly string[]).includes(code)) codes.push(code as T);
    else fail(ctx, f, `unknown ${label} code ${quote(f.el.text.trim())}`);
  }
  return [...new Set(codes)];
}

/** `nc:DateTime` (offset optional: the zone default applies) or `nc:Date` (midnight). */
export function readInstant(from: Found, path: string, ctx: MapContext): string | undefined {
  const found = textOf(from, `${path}/DateTime`) ?? textOf(from, `${path}/Date`);
  if (!found) return undefined;
  const t = readIso(found.value);
  const iso = t && toUtcIso(t, ctx.timezone);
  if (iso === undefined)
    fail(ctx, found.at, `${quote(found.value)} is not an ISO 8601 date or date-time`);
  return iso;
}

export function readNumber(
  from: Found,
  path: string,
  limit: number,
  ctx: MapContext,
): number | undefined {
  const found = textOf(from, path);
  if (!found) return undefined;
  const n = Number(found.value);
  if (found.value !== '' && Number.isFinite(n) && Math.abs(n) <= limit) return n;
  fail(ctx, found.at, `${quote(found.value)} is not between -${limit} and ${limit}`);
  return undefined;
}

/** Structured `nc:Address` parts; `AddressFullText` alone cannot be split reliably. */
export function readAddress(from: Found): Record<string, string> | undefined {
  const address: Record<string, string> = {};
  const parts: [string, string][] = [
    ['street', 'LocationStreet/StreetFullText'],
    ['city', 'LocationCityName'],
    ['state', 'LocationStateUSPostalServiceCode'],
    ['postcode', 'LocationPostalCode'],
    ['country', 'LocationCountryISO3166Alpha2Code'],
  ];
  for (const [key, path] of parts) {
    const found = textOf(from, path);
    if (found) address[key] = found.value;
  }
  return Object.keys(address).length > 0 ? address : undefined;
}
