import type { Caveat } from './markings.ts';

export const ROLES = [
  'admin',
  'supervisor',
  'analyst',
  'sar_reviewer',
  'sar_analyst',
  'intel_reviewer',
  'privacy_officer',
  'watch_officer',
  'liaison',
  'partner',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

/** GFIPM-style rights to know (DOMAIN.md "People and roles"). */
export type UserAttributes = {
  lawEnforcement: boolean;
  cfr23Trained: boolean;
  piiAccess: boolean;
  healthAccess: boolean;
  /** Date (YYYY-MM-DD) of the NSI analyst training attestation, if any. */
  nsiTrainedAnalyst: string | null;
};

export const BOOLEAN_ATTRIBUTES = [
  'lawEnforcement',
  'cfr23Trained',
  'piiAccess',
  'healthAccess',
] as const;

export const NO_ATTRIBUTES: UserAttributes = {
  lawEnforcement: false,
  cfr23Trained: false,
  piiAccess: false,
  healthAccess: false,
  nsiTrainedAnalyst: null,
};

export const AGENCY_LEVELS = [
  'federal',
  'state',
  'local',
  'tribal',
  'territorial',
  'private',
] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

export const DISCIPLINES = [
  'law_enforcement',
  'fire',
  'ems',
  'emergency_management',
  'public_health',
  'corrections',
  'private_sector',
  'federal',
  'tribal',
  'fusion_center',
  'homeland_security',
  'transportation',
  'other',
] as const;
export type Discipline = (typeof DISCIPLINES)[number];

/**
 * Who is asking. Every read of protected data carries one; it is built per request from
 * the database (never from the client), so a suspension takes effect at the next request.
 */
export type Viewer = Readonly<{
  kind: 'user' | 'system';
  userId: string;
  username: string;
  agencyId: string;
  agencyLevel: AgencyLevel;
  agencyDiscipline: Discipline;
  roles: readonly Role[];
  attributes: UserAttributes;
  sharingGroupIds: readonly string[];
  active: boolean;
  agencyActive: boolean;
  /** Stated need to know for this request (X-Purpose / --purpose), recorded in the audit. */
  purpose: string | null;
  /** For system viewers: why access control is bypassed, written to the audit log. */
  systemReason?: string;
}>;

export function isPartnerOnly(viewer: Viewer): boolean {
  return viewer.roles.length > 0 && viewer.roles.every((r) => r === 'partner');
}

export function isPrivateSector(viewer: Viewer): boolean {
  return viewer.agencyLevel === 'private' || viewer.agencyDiscipline === 'private_sector';
}

/**
 * Caveats the viewer's attributes satisfy on their own. PROPRIETARY is never in this set:
 * it depends on the object (owner or releasableTo), not on the viewer.
 */
export function caveatsAllowedByAttributes(viewer: Viewer): Caveat[] {
  const a = viewer.attributes;
  const allowed: Caveat[] = [];
  const privateSector = isPrivateSector(viewer);
  if (a.lawEnforcement && !privateSector) allowed.push('LES');
  if (a.lawEnforcement && a.cfr23Trained && viewer.purpose !== null && !privateSector) {
    allowed.push('CRIMINAL_INTEL');
  }
  if (a.piiAccess) allowed.push('PII');
  if (a.healthAccess) allowed.push('HEALTH');
  if (a.piiAccess && a.lawEnforcement && !privateSector) allowed.push('SPECIAL_STATUS');
  return allowed;
}
