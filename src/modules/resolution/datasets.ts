/**
 * Labelled data for measuring resolution (the benchmark and the quality tests): the demo
 * world's observations with their true entities, and the FEBRL benchmark files
 * (../shared/datasets/er/febrl, see its README) as person observations.
 *
 * FEBRL Columns: rec_id, given_name, surname,
 * street_number, address_1, address_2, suburb, postcode, state, date_of_birth (YYYYMMDD),
 * soc_sec_id; ", " separates values; empty means missing. The truth is the <N> of
 * rec-<N>-org / rec-<N>-dup-<k>.
 */
import { existsSync, readFileSync } from 'node:fs';
import { generateDemoWorld } from '../../demo/world.ts';
import type { Observation } from './spec.ts';

export const FEBRL_DIR = new URL('../../../../shared/datasets/er/febrl/', import.meta.url);

export function febrlPath(dataset: 1 | 2 | 3): URL {
  return new URL(`dataset${dataset}.csv`, FEBRL_DIR);
}

export function hasFebrl(dataset: 1 | 2 | 3): boolean {
  return existsSync(febrlPath(dataset));
}

export type LabelledObservations = {
  observations: Observation[];
  /** observation id → true entity key */
  truth: Map<string, string>;
};

/** Every observation of the demo world, id `<sourceRecordId>#<index>`, truth = entityKeys. */
export function demoObservations(seed: number, records: number): LabelledObservations {
  const observations: Observation[] = [];
  const truth = new Map<string, string>();
  for (const record of generateDemoWorld({ seed, records }).records()) {
    record.body.observations.forEach((o, i) => {
      const id = `${record.sourceRecordId}#${i}`;
      observations.push({ id, type: o.type, attributes: o.attributes });
      truth.set(id, record.entityKeys[i] ?? id);
    });
  }
  return { observations, truth };
}

export function readFebrl(dataset: 1 | 2 | 3): LabelledObservations {
  const lines = readFileSync(febrlPath(dataset), 'utf8').split(/\r?\n/).slice(1);
  const observations: Observation[] = [];
  const truth = new Map<string, string>();
  for (const line of lines) {
    if (line.trim() === '') continue;
    const row = line.split(', ').map((v) => v.trim());
    const entity = /^rec-(\d+)-/.exec(row[0] ?? '')?.[1];
    if (entity === undefined) throw new Error(`unexpected FEBRL rec_id ${row[0] ?? ''}`);
    // Neutral ids: rec_id holds the answer, and ids order ties, so it must not leak in.
    const id = `febrl${dataset}-${String(observations.length).padStart(5, '0')}`;
    observations.push({ ...febrlObservation(row), id });
    truth.set(id, entity);
  }
  return { observations, truth };
}

/**
 * One row as a person observation. The date is passed as written (YYYY-MM-DD), impossible
 * ones included — normalisation reads those as unknown. soc_sec_id is not a real SSN, so its
 * scheme is `other`. Australian state codes are kept as written: the core does not validate.
 */
export function febrlObservation(row: readonly string[]): Observation {
  const [id = '', given, surname, number, address1, address2, suburb, postcode, state, dob, ssn] =
    row.map((v) => (v === '' ? undefined : v));
  const street = [[number, address1].filter(Boolean).join(' '), address2]
    .filter(Boolean)
    .join(', ');
  const address = {
    ...(street && { street }),
    ...(suburb && { city: suburb }),
    ...(state && { state: state.toUpperCase() }),
    ...(postcode && { postcode }),
  };
  const attributes = {
    ...(given && { givenName: given }),
    ...(surname && { surname }),
    ...(dob && {
      dateOfBirth: /^\d{8}$/.test(dob)
        ? `${dob.slice(0, 4)}-${dob.slice(4, 6)}-${dob.slice(6)}`
        : dob,
    }),
    ...(Object.keys(address).length > 0 && { address }),
    ...(ssn && { identifiers: [{ scheme: 'other', value: ssn }] }),
  };
  return { id, type: 'person', attributes };
}
