import type { z } from 'zod';
import { defineError } from '../../shared/errors.ts';
import {
  observationAttributeSchemas,
  type ObservationInput,
} from '../entities/observation-types.ts';
import { recordPayloadSchemas, type RecordKind } from './record-kinds.ts';

export const recordInvalid = defineError({
  code: 'records.invalid',
  status: 422,
  title: 'The record does not meet the rules for its kind',
});

type Issue = { path: string; message: string };

function issuesOf(error: z.ZodError, prefix: string): Issue[] {
  return error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].join('.'),
    message: i.message,
  }));
}

export type ValidContent = { payload: Record<string, unknown>; observations: ObservationInput[] };

/**
 * Checks the kind-specific payload (CI-01 for intel_report, SAR-01/02 codes for sar) and each
 * observation's attributes for its type. All problems are reported at once, each with its path.
 */
export function validateRecordContent(
  kind: RecordKind,
  payload: Record<string, unknown>,
  observations: readonly ObservationInput[],
  status: string,
): ValidContent {
  const issues: Issue[] = [];
  const parsedPayload = recordPayloadSchemas[kind].safeParse(payload);
  if (!parsedPayload.success) issues.push(...issuesOf(parsedPayload.error, 'payload'));
  const validObservations = observations.map((o, index) => {
    const parsed = observationAttributeSchemas[o.type].safeParse(o.attributes);
    if (!parsed.success) {
      issues.push(...issuesOf(parsed.error, `observations.${index}.attributes`));
      return o;
    }
    if (o.textStart !== undefined && o.textEnd !== undefined && o.textEnd < o.textStart) {
      issues.push({
        path: `observations.${index}.textEnd`,
        message: 'must not be before textStart',
      });
    }
    return { ...o, attributes: parsed.data };
  });
  // SAR-01: from submission on, a SAR keeps at least one category (a draft may have none yet).
  if (parsedPayload.success && kind === 'sar' && status !== 'draft' && status !== 'withdrawn') {
    const behaviours = (parsedPayload.data as { behaviours: string[] }).behaviours;
    if (behaviours.length === 0)
      issues.push({
        path: 'payload.behaviours',
        message: 'a submitted SAR needs at least one behaviour category (SAR-01)',
      });
  }
  if (issues.length > 0 || !parsedPayload.success) {
    throw recordInvalid(issues.map((i) => `${i.path}: ${i.message}`).join('; '), {
      errors: issues,
    });
  }
  return {
    payload: parsedPayload.data,
    observations: validObservations,
  };
}
