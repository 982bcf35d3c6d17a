/**
 * Entity extraction from free-text narratives (issue #3, "Extraction"): phones, e-mails, URLs,
 * IP addresses, US licence plates with their state, VINs, SSN-like numbers, and the names of
 * people, organisations and places, each with the UTF-16 offsets of its mention so the UI can
 * highlight it. Every result's attributes pass the observation schema for its type.
 *
 * This module owns finding mentions; it does not decide a mention's role in the record, does
 * not store anything and does not resolve entities. Dates are returned separately, as
 * annotations for highlighting and timelines rather than observations.
 */
import type { ObservationType } from '../entities/observation-types.ts';
import { extractEmails, extractUrls } from './contacts.ts';
import { extractDates as findDates, type ExtractedDate } from './dates.ts';
import { extractSsns, extractVins } from './identifiers.ts';
import { extractNames } from './names.ts';
import { extractIpAddresses } from './network-addresses.ts';
import { resolveOverlaps } from './overlap.ts';
import { extractPhones } from './phones.ts';
import { extractPlates } from './plates.ts';

export const EXTRACTION_KINDS = [
  'phone',
  'email',
  'url',
  'ipv4',
  'ipv6',
  'plate',
  'vin',
  'ssn',
  'person',
  'organization',
  'place',
] as const;
export type ExtractionKind = (typeof EXTRACTION_KINDS)[number];

export type Extraction = {
  type: ObservationType;
  /** Passes observationAttributeSchemas[type]. */
  attributes: Record<string, unknown>;
  /** UTF-16 offsets into the narrative, end exclusive: narrative.slice(start, end) is the mention. */
  textStart: number;
  textEnd: number;
  kind: ExtractionKind;
  /** True for SSN-like numbers, whose value is returned masked. */
  pii?: boolean;
};

export type ExtractOptions = {
  /** Region for phone numbers written without a country code (default US). */
  defaultRegion?: 'US';
  /**
   * State assumed for a plate introduced by "registration", "tag" or "plate" with no state
   * written. Without it such plates are not extracted: a plate without its state is ambiguous.
   */
  defaultPlateState?: string;
};

export type { ExtractedDate };

export function extractEntities(narrative: string, opts: ExtractOptions = {}): Extraction[] {
  const found: Extraction[] = [
    ...extractUrls(narrative),
    ...extractEmails(narrative),
    ...extractIpAddresses(narrative),
    ...extractSsns(narrative),
    ...extractVins(narrative),
    ...extractPhones(narrative, opts.defaultRegion ?? 'US'),
    ...extractPlates(narrative, opts.defaultPlateState),
    ...extractNames(narrative),
  ];
  return resolveOverlaps(found);
}

export function extractDates(narrative: string): ExtractedDate[] {
  return findDates(narrative);
}
