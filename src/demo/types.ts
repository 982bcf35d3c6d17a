/**
 * The shapes the demo world hands to its loader. Everything is plain data keyed by stable
 * strings (agency keys, usernames, entity keys): the loader maps keys to database ids.
 */
import type { z } from 'zod';
import type { AgencyLevel, Discipline, Role, UserAttributes } from '../access/viewer.ts';
import type { Caveat, ShareLevel, Tlp } from '../access/markings.ts';
import type {
  RecordKind,
  DISPOSITIONS,
  recordPayloadSchemas,
} from '../modules/records/record-kinds.ts';
import type { ObservationRole, ObservationType } from '../modules/entities/observation-types.ts';
import type { PointOfContact } from '../modules/agencies/agencies.table.ts';
import type { RegionKey } from './places.ts';

export type DemoAgency = {
  /** Stable key used everywhere in the demo (records, users, sharing groups). */
  key: string;
  name: string;
  discipline: Discipline;
  level: AgencyLevel;
  /** Nine-character NCIC ORI for criminal-justice agencies, null otherwise. */
  ori: string | null;
  jurisdiction: string;
  pointsOfContact: PointOfContact[];
  /** Prefix of its source record ids: the ORI or a short code. */
  recordPrefix: string;
  /** Counties (FIPS) where its records happen; null means statewide. */
  areaFips: readonly string[] | null;
  /** E-mail domain of its staff (reserved .example names). */
  emailDomain: string;
};

export type DemoSharingGroup = {
  key: string;
  name: string;
  description: string;
  memberAgencyKeys: readonly string[];
};

export type DemoCenter = {
  name: string;
  hostAgencyKey: string;
  state: 'VA';
  stateFips: '51';
  /** The fixed "now" of the world: records span the two years before it. */
  referenceDate: string;
};

export type DemoUser = {
  username: string;
  displayName: string;
  email: string;
  agencyKey: string;
  roles: Role[];
  attributes: UserAttributes;
};

export type DemoPersona = {
  username: string;
  roleSummary: string;
  canSee: string;
  cannotSee: string;
};

export type DemoObservation = {
  type: ObservationType;
  role: ObservationRole;
  attributes: Record<string, unknown>;
};

export type DemoMarkings = {
  tlp: Tlp;
  caveats: Caveat[];
  partnerShare: ShareLevel;
  networkShare: ShareLevel;
  /** Always empty here: releasability is expressed as keys in DemoRecord.releasableToKeys. */
  releasableTo: string[];
};

export type PayloadOf<K extends RecordKind> = z.input<(typeof recordPayloadSchemas)[K]>;

type BodyOf<K extends RecordKind> = {
  kind: K;
  title: string;
  narrative: string;
  occurredFrom: string;
  occurredTo: string;
  location: { lat: number; lon: number; address: string };
  markings: DemoMarkings;
  payload: PayloadOf<K>;
  observations: DemoObservation[];
};

/** The create-record API body, discriminated by kind so each payload is type-checked. */
export type DemoRecordBody = { [K in RecordKind]: BodyOf<K> }[RecordKind];

export type Disposition = (typeof DISPOSITIONS)[number];

export type DemoRecord = {
  /** Owner agency. */
  agencyKey: string;
  sourceRecordId: string;
  body: DemoRecordBody;
  /** Agency and sharing-group keys the loader maps to ids for body.markings.releasableTo. */
  releasableToKeys: string[];
  /** CI-12 label for kinds that carry one (sar, tip). */
  disposition?: Disposition;
  /** Ground truth, parallel to body.observations: the real entity each observation is. */
  entityKeys: string[];
  /** Where the point falls, for tests and trend checks. */
  countyFips: string;
};

export type GroundTruthRow = {
  sourceRecordId: string;
  observationIndex: number;
  entityKey: string;
};

export type CriticalInfrastructureSite = {
  key: string;
  name: string;
  /** ISE-SAR target sector code. */
  sector: string;
  lat: number;
  lon: number;
  countyFips: string;
  region: RegionKey;
  address: string;
};
