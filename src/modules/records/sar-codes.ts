/**
 * ISE-SAR code lists (NIEM pmise_sar; DOMAIN-REFERENCE §1.2). Each behaviour code keeps its
 * Part, its v1.5 NIEM code and its v1.5.5 display name (SAR-01).
 */
export const SAR_BEHAVIOURS = [
  {
    code: 'INTRSN',
    part: 1,
    name: 'Breach/Attempted Intrusion',
    definition:
      'Unauthorized personnel attempting to enter or entering a restricted area, secured site or non-public area; impersonation of authorized personnel.',
  },
  {
    code: 'MISREP',
    part: 1,
    name: 'Misrepresentation',
    definition:
      'Presenting false information or misusing insignia, documents or identification to misrepresent affiliation to conceal possible illegal activity.',
  },
  {
    code: 'THEFT',
    part: 1,
    name: 'Theft/Loss/Diversion',
    definition:
      'Stealing or diverting items associated with a facility, infrastructure or secured site (badges, uniforms, IDs, emergency vehicles, technology, documents).',
  },
  {
    code: 'SABOT',
    part: 1,
    name: 'Sabotage/Tampering/Vandalism',
    definition:
      'Damaging, manipulating, defacing or destroying part of a facility, infrastructure or secured site.',
  },
  {
    code: 'CYBER',
    part: 1,
    name: 'Cyberattack',
    definition:
      "Compromising or attempting to compromise or disrupt an organization's information technology infrastructure.",
  },
  {
    code: 'THREAT',
    part: 1,
    name: 'Expressed or Implied Threat',
    definition:
      'Communicating a spoken or written threat to commit a crime that will result in death or bodily injury, or damage to a facility or site.',
  },
  {
    code: 'AVIATION',
    part: 1,
    name: 'Aviation Activity',
    definition:
      'Learning to operate or operating an aircraft, or interfering with its operation, in a manner that poses a threat and would arouse suspicion of terrorism or other criminality in a reasonable person.',
  },
  {
    code: 'ELICIT',
    part: 2,
    name: 'Eliciting Information',
    definition:
      "Questioning or soliciting information beyond mere curiosity about a facility's purpose, operations or security procedures.",
  },
  {
    code: 'TESTSEC',
    part: 2,
    name: 'Testing or Probing of Security',
    definition:
      'Deliberate interactions with or challenges to installations, personnel or systems that reveal physical, personnel or cyber security capabilities.',
  },
  {
    code: 'RECRUT',
    part: 2,
    name: 'Recruiting/Financing',
    definition:
      'Providing direct financial support to, or building, operations teams and contacts; compiling personnel, banking or travel data.',
  },
  {
    code: 'PHOTO',
    part: 2,
    name: 'Photography',
    definition:
      'Taking pictures or video of persons, facilities or infrastructure in an unusual or surreptitious manner.',
  },
  {
    code: 'SURVL',
    part: 2,
    name: 'Observation/Surveillance',
    definition:
      'Unusual or prolonged interest in facilities or infrastructure beyond casual (tourist) or professional (engineer) interest.',
  },
  {
    code: 'MATRLS',
    part: 2,
    name: 'Materials Acquisition/Storage',
    definition:
      'Acquiring or storing unusual quantities of materials such as phones, pagers, fuel, chemicals, toxic materials or timers.',
  },
  {
    code: 'EXPERT',
    part: 2,
    name: 'Acquisition of Expertise',
    definition:
      'Attempts to obtain training or knowledge in security concepts, military weapons or tactics, or other unusual capabilities.',
  },
  {
    code: 'WPNS',
    part: 2,
    name: 'Weapons Collection/Discovery',
    definition:
      'Collection or discovery of unusual amounts or types of weapons, explosives, chemicals, residue, wounds or chemical burns.',
  },
  {
    code: 'SECTOR',
    part: 2,
    name: 'Sector-Specific Incident',
    definition:
      'Actions associated with a characteristic of unique concern to a specific sector, such as public health.',
  },
] as const;

export type SarBehaviourCode = (typeof SAR_BEHAVIOURS)[number]['code'];
export const SAR_BEHAVIOUR_CODES = SAR_BEHAVIOURS.map((b) => b.code) as [
  SarBehaviourCode,
  ...SarBehaviourCode[],
];

export const TARGET_SECTORS = [
  'AGRI',
  'CHEM',
  'COMM',
  'CORR',
  'CSTL',
  'CULTR',
  'DAMS',
  'DFNSE',
  'EDU',
  'EMRG',
  'ENRG',
  'ENTMT',
  'FIN',
  'GVTBLDG',
  'HAZMAT',
  'HLTH',
  'IT',
  'LIVSTK',
  'MAIL',
  'MASS',
  'MFG',
  'MNMT',
  'NATRL',
  'NCLR',
  'OTHR',
  'POP',
  'PRSN',
  'RETL',
  'SPCFXN',
  'TACTCP',
  'TELCM',
  'TRANS',
  'UTL',
  'WATR',
] as const;

export const TIP_CLASSES = [
  'BIO',
  'CHEM',
  'CNTFTG',
  'CTMN',
  'CYBER',
  'EXPL',
  'FRAUD',
  'FUND',
  'HATE',
  'INCEND',
  'INFRA',
  'LAUND',
  'NCLR',
  'SPCSA',
  'SPCSP',
  'SPCSSBST',
  'THRTPUB',
  'VRUS',
] as const;

export const TIP_DOMAINS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;

export const HOW_OBSERVED = [
  'officer',
  'public',
  'private_sector_partner',
  'fusion_liaison_officer',
  'tip_line',
  'other',
] as const;

export type TargetSector = (typeof TARGET_SECTORS)[number];

/**
 * Display names of the target sectors for forms. Null where the code's name is not settled:
 * the IEPD's documentation of those codes is to be checked before a name is printed
 * (DOMAIN-REFERENCE §1.2), and a wrong name would mislead a reporter more than the code.
 */
export const TARGET_SECTOR_NAMES: Readonly<Record<TargetSector, string | null>> = {
  AGRI: 'Agriculture and food',
  CHEM: 'Chemical',
  COMM: 'Commercial facilities',
  CORR: null,
  CSTL: null,
  CULTR: 'Cultural, religious or ethnic',
  DAMS: 'Dams',
  DFNSE: 'Defense industrial base',
  EDU: 'Education',
  EMRG: 'Emergency services',
  ENRG: 'Energy',
  ENTMT: 'Entertainment',
  FIN: 'Banking and finance',
  GVTBLDG: 'Government facilities',
  HAZMAT: 'Hazardous materials',
  HLTH: 'Healthcare and public health',
  IT: 'Information technology',
  LIVSTK: 'Livestock',
  MAIL: 'Postal and shipping',
  MASS: 'Mass gathering',
  MFG: 'Manufacturing',
  MNMT: 'National monuments and icons',
  NATRL: null,
  NCLR: 'Nuclear',
  OTHR: 'Other',
  POP: null,
  PRSN: null,
  RETL: 'Retail',
  SPCFXN: null,
  TACTCP: null,
  TELCM: 'Telecommunications',
  TRANS: 'Transportation',
  UTL: 'Utilities',
  WATR: 'Water',
};

export const HOW_OBSERVED_NAMES: Readonly<Record<(typeof HOW_OBSERVED)[number], string>> = {
  officer: 'Law enforcement officer',
  public: 'Member of the public',
  private_sector_partner: 'Private-sector partner',
  fusion_liaison_officer: 'Fusion liaison officer',
  tip_line: 'Tip line',
  other: 'Other',
};
