/**
 * Vehicles: a VIN is near-proof, a plate with its state nearly so; make, model, year and
 * colour only add or subtract a little (colour words vary by reporter, model years by one).
 * Plates are read wrong more often than anything else — a dropped character, O for 0 — so the
 * blocking keys include each plate with one character deleted, which puts a plate and its
 * misread in the same block without a fuzzy index.
 */
import {
  EXACT_LEVELS,
  TOLERANT_LEVELS,
  compareExact,
  compareToken,
  withinOneEdit,
} from './comparators.ts';
import { deletions, foldPlate, foldText, normalizeToken } from './normalize.ts';
import { readNumber, readString, type TypeSpec } from './spec.ts';

export type VehicleFeatures = {
  plate?: string;
  folded?: string;
  plateState?: string;
  vin?: string;
  make?: string;
  model?: string;
  year?: number;
  color?: string;
};

function prepareVehicle(attrs: Readonly<Record<string, unknown>>): VehicleFeatures {
  const f: VehicleFeatures = {};
  const plate = normalizeToken(readString(attrs, 'plate'));
  if (plate !== undefined) {
    f.plate = plate;
    f.folded = foldPlate(plate);
  }
  const state = normalizeToken(readString(attrs, 'plateState'));
  const vin = normalizeToken(readString(attrs, 'vin'));
  const make = readString(attrs, 'make');
  const model = readString(attrs, 'model');
  const year = readNumber(attrs, 'year');
  const color = readString(attrs, 'color');
  if (state !== undefined) f.plateState = state;
  if (vin !== undefined) f.vin = vin;
  if (make !== undefined) f.make = foldText(make);
  if (model !== undefined) f.model = foldText(model).replace(/ /g, '');
  if (year !== undefined) f.year = year;
  if (color !== undefined) f.color = foldText(color);
  return f;
}

export const PLATE_LEVELS = ['exact', 'folded', 'close', 'else'] as const;

/** Exact; equal once O/0 and I/1 are folded; one character misread or dropped; different. */
function comparePlate(a: VehicleFeatures, b: VehicleFeatures) {
  if (a.plate === undefined || b.plate === undefined) return null;
  if (a.plate === b.plate) return 'exact';
  if (a.folded === b.folded) return 'folded';
  return withinOneEdit(a.folded ?? '', b.folded ?? '') ? 'close' : 'else';
}

function compareYear(a: VehicleFeatures, b: VehicleFeatures) {
  if (a.year === undefined || b.year === undefined) return null;
  if (a.year === b.year) return 'exact';
  return Math.abs(a.year - b.year) === 1 ? 'close' : 'else';
}

function vehicleKeys(f: VehicleFeatures): string[] {
  const keys: string[] = [];
  if (f.folded !== undefined) {
    keys.push(`v:plate:${f.folded}`);
    // Deletion neighbourhood: only for plates long enough that a deletion stays distinctive.
    if (f.folded.length >= 5) {
      keys.push(`v:pd:${f.folded}`);
      for (const d of deletions(f.folded)) keys.push(`v:pd:${d}`);
    }
  }
  if (f.vin !== undefined) {
    keys.push(`v:vin:${f.vin}`);
    // The serial part (positions 10–17) survives a misread in the maker/model part.
    if (f.vin.length === 17) keys.push(`v:vint:${f.vin.slice(9)}`);
  }
  return [...new Set(keys)];
}

export const VEHICLE_SPEC: TypeSpec<VehicleFeatures> = {
  type: 'vehicle',
  learned: true,
  prepare: prepareVehicle,
  blockingKeys: vehicleKeys,
  fields: [
    { name: 'plate', levels: PLATE_LEVELS, compare: comparePlate },
    {
      name: 'plateState',
      levels: EXACT_LEVELS,
      compare: (a, b) => compareExact(a.plateState, b.plateState),
    },
    {
      name: 'vin',
      levels: TOLERANT_LEVELS,
      compare: (a, b) => compareToken(a.vin, b.vin),
      priorM: [0.97, 0.02, 0.01],
      priorU: [1e-7, 1e-6, 1 - 1.1e-6],
    },
    { name: 'make', levels: EXACT_LEVELS, compare: (a, b) => compareExact(a.make, b.make) },
    { name: 'model', levels: EXACT_LEVELS, compare: (a, b) => compareExact(a.model, b.model) },
    { name: 'year', levels: TOLERANT_LEVELS, compare: compareYear },
    { name: 'color', levels: EXACT_LEVELS, compare: (a, b) => compareExact(a.color, b.color) },
  ],
  sessions: {
    'v:plate': ['plate'],
    'v:pd': ['plate'],
    'v:vin': ['vin'],
    'v:vint': ['vin'],
  },
};
