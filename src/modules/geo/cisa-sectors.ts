/**
 * The 16 critical-infrastructure sectors of PPD-21 as CISA lists them (NSM-22, 2024, renamed
 * "Government Facilities" to "Government Services and Facilities"). A site carries one. SAR
 * target sectors use the finer NIEM list (sar-codes.ts TARGET_SECTORS); where a NIEM code
 * falls plainly inside one CISA sector (the CISA sector's own subsectors) a site file may give
 * that code instead and it is stored as the CISA sector. Codes with no single sector
 * (OTHR, POP, NATRL, SPCFXN, TACTCP, CSTL) are refused: name the CISA sector.
 */
import type { TARGET_SECTORS } from '../records/sar-codes.ts';

export const CISA_SECTORS = [
  { code: 'chemical', name: 'Chemical' },
  { code: 'commercial_facilities', name: 'Commercial Facilities' },
  { code: 'communications', name: 'Communications' },
  { code: 'critical_manufacturing', name: 'Critical Manufacturing' },
  { code: 'dams', name: 'Dams' },
  { code: 'defense_industrial_base', name: 'Defense Industrial Base' },
  { code: 'emergency_services', name: 'Emergency Services' },
  { code: 'energy', name: 'Energy' },
  { code: 'financial_services', name: 'Financial Services' },
  { code: 'food_agriculture', name: 'Food and Agriculture' },
  { code: 'government_facilities', name: 'Government Services and Facilities' },
  { code: 'healthcare_public_health', name: 'Healthcare and Public Health' },
  { code: 'information_technology', name: 'Information Technology' },
  { code: 'nuclear', name: 'Nuclear Reactors, Materials, and Waste' },
  { code: 'transportation_systems', name: 'Transportation Systems' },
  { code: 'water_wastewater', name: 'Water and Wastewater Systems' },
] as const;

export type CisaSector = (typeof CISA_SECTORS)[number]['code'];
export const CISA_SECTOR_CODES = CISA_SECTORS.map((s) => s.code) as [CisaSector, ...CisaSector[]];

type TargetSector = (typeof TARGET_SECTORS)[number];

export const TARGET_SECTOR_TO_CISA: Partial<Record<TargetSector, CisaSector>> = {
  AGRI: 'food_agriculture',
  LIVSTK: 'food_agriculture',
  CHEM: 'chemical',
  HAZMAT: 'chemical',
  COMM: 'commercial_facilities',
  CULTR: 'commercial_facilities',
  ENTMT: 'commercial_facilities',
  MASS: 'commercial_facilities',
  RETL: 'commercial_facilities',
  TELCM: 'communications',
  MFG: 'critical_manufacturing',
  DAMS: 'dams',
  DFNSE: 'defense_industrial_base',
  EMRG: 'emergency_services',
  ENRG: 'energy',
  UTL: 'energy',
  FIN: 'financial_services',
  GVTBLDG: 'government_facilities',
  EDU: 'government_facilities',
  MNMT: 'government_facilities',
  CORR: 'government_facilities',
  PRSN: 'government_facilities',
  HLTH: 'healthcare_public_health',
  IT: 'information_technology',
  NCLR: 'nuclear',
  TRANS: 'transportation_systems',
  MAIL: 'transportation_systems',
  WATR: 'water_wastewater',
};

/** The CISA sector a site file names, by CISA code, CISA name or mapped NIEM code. */
export function toCisaSector(value: string): CisaSector | undefined {
  const v = value.trim();
  const lower = v.toLowerCase();
  const byCode = CISA_SECTORS.find((s) => s.code === lower || s.name.toLowerCase() === lower);
  if (byCode) return byCode.code;
  return TARGET_SECTOR_TO_CISA[v.toUpperCase() as TargetSector];
}
