import { z } from 'zod';
import { isoDateTimeSchema } from '../../shared/time.ts';
import {
  HOW_OBSERVED,
  SAR_BEHAVIOUR_CODES,
  TARGET_SECTORS,
  TIP_CLASSES,
  TIP_DOMAINS,
} from './sar-codes.ts';

export const RECORD_KINDS = [
  'sar',
  'incident',
  'field_interview',
  'arrest',
  'tip',
  'intel_report',
  'cyber_indicator',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** CI-12 lists. */
export const INFORMATION_CATEGORIES = [
  'tip_lead',
  'sar',
  'criminal_history',
  'intelligence',
  'case',
  'supervision',
  'other',
] as const;
export type InformationCategory = (typeof INFORMATION_CATEGORIES)[number];

export const DISPOSITIONS = [
  'undetermined_unresolved',
  'cleared_unfounded',
  'verified',
  'under_active_investigation',
] as const;

/** A definable-offense list for criminal intelligence (CI-01). */
export const CRIMINAL_ACTIVITY_TYPES = [
  'terrorism',
  'violent_extremism',
  'drug_trafficking',
  'human_trafficking',
  'weapons_trafficking',
  'money_laundering',
  'fraud',
  'organized_crime',
  'gang_activity',
  'cybercrime',
  'violent_crime',
  'property_crime',
  'smuggling',
  'public_corruption',
  'other',
] as const;

export const SOURCE_RELIABILITY = [
  'reliable',
  'usually_reliable',
  'unreliable',
  'unknown',
] as const;
export const CONTENT_VALIDITY = ['confirmed', 'probable', 'doubtful', 'cannot_be_judged'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const codes = <T extends readonly [string, ...string[]]>(values: T, max: number) =>
  z
    .array(z.enum(values))
    .max(max)
    .transform((c) => [...new Set(c)]);

const sarPayload = z
  .object({
    behaviours: codes(SAR_BEHAVIOUR_CODES, 16).default([]),
    targetSectors: codes(TARGET_SECTORS, 34).default([]),
    howObserved: z.enum(HOW_OBSERVED).optional(),
    tipClasses: codes(TIP_CLASSES, 18).optional(),
    tipDomain: z.enum(TIP_DOMAINS).optional(),
    /** SAR-05: required from the analyst for Part 2 behaviours at the ise_sar step. */
    articulableFacts: text(20_000).optional(),
  })
  .strict();

const incidentPayload = z
  .object({
    caseNumber: text(60).optional(),
    offenseCodes: z.array(text(60)).max(50).optional(),
    reportingOfficer: text(200).optional(),
    premiseType: text(100).optional(),
  })
  .strict();

const fieldInterviewPayload = z
  .object({
    reason: text(2000).optional(),
    contactType: z.enum(['pedestrian', 'vehicle', 'business', 'other']).optional(),
    officer: text(200).optional(),
  })
  .strict();

const arrestPayload = z
  .object({
    arrestNumber: text(60).optional(),
    bookingNumber: text(60).optional(),
    charges: z
      .array(z.object({ statute: text(100), description: text(500) }).strict())
      .min(1, 'an arrest needs at least one charge')
      .max(100),
  })
  .strict();

const tipPayload = z
  .object({
    receivedVia: z.enum(['phone', 'web', 'email', 'walk_in', 'text', 'other']).optional(),
    anonymous: z.boolean().default(false),
    tipClasses: codes(TIP_CLASSES, 18).optional(),
    tipDomain: z.enum(TIP_DOMAINS).optional(),
  })
  .strict();

/** CI-01: criminal intelligence refuses to exist without its 28 CFR Part 23 predicate. */
const intelReportPayload = z
  .object({
    criminalActivityType: z.enum(CRIMINAL_ACTIVITY_TYPES),
    reasonableSuspicion: text(20_000).refine((s) => s.length >= 20, {
      message: 'state the reasonable suspicion in at least 20 characters',
    }),
    sourceReliability: z.enum(SOURCE_RELIABILITY),
    contentValidity: z.enum(CONTENT_VALIDITY),
    sourceNature: z
      .enum(['anonymous_tip', 'trained_interviewer', 'public_record', 'private_sector'])
      .optional(),
    controlOfficial: text(200).optional(),
  })
  .strict();

const cyberIndicatorPayload = z
  .object({
    stixId: z
      .string()
      .regex(/^indicator--[0-9a-f-]{36}$/)
      .optional(),
    pattern: text(10_000).optional(),
    patternType: z.enum(['stix', 'snort', 'suricata', 'yara', 'sigma', 'pcre', 'other']).optional(),
    indicatorTypes: z.array(text(60)).max(20).optional(),
    validFrom: isoDateTimeSchema.optional(),
    validUntil: isoDateTimeSchema.optional(),
    observables: z
      .array(z.object({ type: text(60), value: text(2000) }).strict())
      .max(500)
      .optional(),
  })
  .strict()
  .refine((c) => c.pattern ?? c.observables?.length, {
    message: 'an indicator needs a pattern or at least one observable',
  });

export const recordPayloadSchemas = {
  sar: sarPayload,
  incident: incidentPayload,
  field_interview: fieldInterviewPayload,
  arrest: arrestPayload,
  tip: tipPayload,
  intel_report: intelReportPayload,
  cyber_indicator: cyberIndicatorPayload,
} as const satisfies Record<RecordKind, z.ZodType>;

export const DEFAULT_INFORMATION_CATEGORY: Record<RecordKind, InformationCategory> = {
  sar: 'sar',
  incident: 'case',
  field_interview: 'case',
  arrest: 'criminal_history',
  tip: 'tip_lead',
  intel_report: 'intelligence',
  cyber_indicator: 'intelligence',
};

/** Kinds that carry a CI-12 disposition label, defaulting to undetermined. */
export const KINDS_WITH_DISPOSITION: readonly RecordKind[] = ['sar', 'tip'];
