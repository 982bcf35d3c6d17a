import { z } from 'zod';

/**
 * Markings label every protected object (DOMAIN.md "Markings"). TLP 2.0 labels are stored
 * exactly as FIRST prints them after the "TLP:" prefix.
 */
export const TLP_LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type Tlp = (typeof TLP_LEVELS)[number];

export const CAVEATS = [
  'LES',
  'PII',
  'CRIMINAL_INTEL',
  'HEALTH',
  'PROPRIETARY',
  'SPECIAL_STATUS',
] as const;
export type Caveat = (typeof CAVEATS)[number];

export const SHARE_LEVELS = ['full', 'pointer', 'none'] as const;
export type ShareLevel = (typeof SHARE_LEVELS)[number];

export type Marking = {
  tlp: Tlp;
  caveats: readonly Caveat[];
  partnerShare: ShareLevel;
  networkShare: ShareLevel;
  /** Agency ids and sharing-group ids that partner sharing is narrowed to. */
  releasableTo: readonly string[];
};

/** A stored row's marking columns gathered into a marking, as the API shows it. */
export function markingOf<T extends { [K in keyof Marking]: unknown }>(
  row: T,
): { [K in keyof Marking]: T[K] } {
  return {
    tlp: row.tlp,
    caveats: row.caveats,
    partnerShare: row.partnerShare,
    networkShare: row.networkShare,
    releasableTo: row.releasableTo,
  };
}

/** A marking as the columns of a row to write (its lists copied: markings are read-only). */
export function markingColumns(m: Marking) {
  return {
    tlp: m.tlp,
    caveats: [...m.caveats],
    partnerShare: m.partnerShare,
    networkShare: m.networkShare,
    releasableTo: [...m.releasableTo],
  };
}

/** A marking together with the agency that owns the object it labels. */
export type MarkedObject = Marking & { ownerAgencyId: string };

export const markingSchema = z
  .object({
    tlp: z.enum(TLP_LEVELS),
    caveats: z
      .array(z.enum(CAVEATS))
      .max(CAVEATS.length)
      .default([])
      .transform((c) => [...new Set(c)].sort()),
    partnerShare: z.enum(SHARE_LEVELS).default('full'),
    networkShare: z.enum(SHARE_LEVELS).default('none'),
    releasableTo: z
      .array(z.uuid())
      .max(200)
      .default([])
      .transform((ids) => [...new Set(ids)]),
  })
  .strict();
