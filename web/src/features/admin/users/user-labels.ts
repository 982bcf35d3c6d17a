import type { Role, User } from '../admin-api.ts';

export const ROLE_LABELS: { [R in Role]: string } = {
  admin: 'Admin',
  supervisor: 'Supervisor',
  analyst: 'Analyst',
  sar_reviewer: 'SAR reviewer',
  sar_analyst: 'SAR analyst',
  intel_reviewer: 'Intelligence reviewer',
  privacy_officer: 'Privacy officer',
  watch_officer: 'Watch officer',
  liaison: 'Liaison',
  partner: 'Partner',
  auditor: 'Auditor',
};

type Flag = Exclude<keyof User['attributes'], 'nsiTrainedAnalyst'>;

/** The attributes that open caveated content (DOMAIN.md "Markings"). */
export const ATTRIBUTE_LABELS: { [A in Flag]: string } = {
  lawEnforcement: 'Law enforcement (LES)',
  cfr23Trained: '28 CFR Part 23 trained',
  piiAccess: 'PII access',
  healthAccess: 'Health information access',
};
