import type { Markings } from '../admin-api.ts';

type Tlp = Markings['tlp'];
type Caveat = Markings['caveats'][number];
type Share = Markings['partnerShare'];

/** TLP 2.0 labels as FIRST prints them, with how far each may travel. */
export const TLP_OPTIONS: { [T in Tlp]: string } = {
  CLEAR: 'TLP:CLEAR — disclosure is not limited',
  GREEN: 'TLP:GREEN — the community, not publicly',
  AMBER: "TLP:AMBER — recipients' organisations, need to know",
  'AMBER+STRICT': "TLP:AMBER+STRICT — the owner's organisation only",
  RED: 'TLP:RED — named recipients only',
};

export const CAVEAT_OPTIONS: { [C in Caveat]: string } = {
  LES: 'LES (law enforcement sensitive)',
  PII: 'PII',
  CRIMINAL_INTEL: 'Criminal intelligence (28 CFR Part 23)',
  HEALTH: 'Health',
  PROPRIETARY: 'Proprietary',
  SPECIAL_STATUS: 'Special status',
};

export const SHARE_OPTIONS: { [S in Share]: string } = {
  full: 'Full content',
  pointer: 'Pointer only: the owner and whom to contact',
  none: 'Not shared',
};

export const DEFAULT_MARKINGS: Markings = {
  tlp: 'AMBER',
  caveats: [],
  partnerShare: 'full',
  networkShare: 'none',
  releasableTo: [],
};
