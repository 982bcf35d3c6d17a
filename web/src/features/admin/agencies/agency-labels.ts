import type { Agency } from '../admin-api.ts';

export const DISCIPLINE_LABELS: { [D in Agency['discipline']]: string } = {
  law_enforcement: 'Law enforcement',
  fire: 'Fire',
  ems: 'EMS',
  emergency_management: 'Emergency management',
  public_health: 'Public health',
  corrections: 'Corrections',
  private_sector: 'Private sector',
  federal: 'Federal',
  tribal: 'Tribal',
  fusion_center: 'Fusion center',
  homeland_security: 'Homeland security',
  transportation: 'Transportation',
  other: 'Other',
};

export const LEVEL_LABELS: { [L in Agency['level']]: string } = {
  federal: 'Federal',
  state: 'State',
  local: 'Local',
  tribal: 'Tribal',
  territorial: 'Territorial',
  private: 'Private',
};
