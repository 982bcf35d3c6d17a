/**
 * The partner agencies of the demo Virginia Fusion Center: a cross-section of who sits on a
 * real fusion center's network (state and local law enforcement, fire/EMS, emergency
 * management, public health, corrections, private critical-infrastructure owners, federal
 * and tribal partners, transit police). Agencies are fixed, not seeded, so that demo logins
 * and the README stay stable. Contacts use 555-01xx numbers and reserved .example domains.
 */
import { AGENCY_LEVELS, DISCIPLINES } from '../access/viewer.ts';
import type { PointOfContact } from '../modules/agencies/agencies.table.ts';
import type { DemoAgency, DemoCenter, DemoSharingGroup } from './types.ts';

export const HOST_AGENCY_KEY = 'vfc';

/** Monday 30 June 2025, midnight UTC: the default "now" of the demo world. */
export const DEMO_REFERENCE_DATE = '2025-06-30T00:00:00.000Z';

export function demoCenter(referenceDate: string = DEMO_REFERENCE_DATE): DemoCenter {
  return {
    name: 'Virginia Fusion Center',
    hostAgencyKey: HOST_AGENCY_KEY,
    state: 'VA',
    stateFips: '51',
    referenceDate,
  };
}

/**
 * One agency per line: key | name | discipline | level | ORI (- for none) | record prefix |
 * jurisdiction | area (county FIPS, * = statewide) | area code | contact "Name, Title".
 */
const AGENCY_TABLE = `
vfc | Virginia Fusion Center | fusion_center | state | VAVSP0800 | VFC | Commonwealth of Virginia | * | 804 | Lt. Marcus Hale, Watch Commander
vsp | Virginia State Police | law_enforcement | state | VAVSP0000 | VAVSP0000 | Commonwealth of Virginia | * | 804 | Capt. Renee Whitaker, BCI Division Commander
fairfax-pd | Fairfax County Police Department | law_enforcement | local | VA0290100 | VA0290100 | Fairfax County | 51059 51600 | 703 | Maj. Alan Cho, Criminal Intelligence Division
arlington-pd | Arlington County Police Department | law_enforcement | local | VA0070000 | VA0070000 | Arlington County | 51013 | 703 | Sgt. Dana Okafor, Homeland Security Section
pwc-pd | Prince William County Police Department | law_enforcement | local | VA0760100 | VA0760100 | Prince William County | 51153 51683 51685 | 703 | Lt. Chris Mendez, Crime Analysis Unit
alexandria-pd | Alexandria Police Department | law_enforcement | local | VA1000000 | VA1000000 | City of Alexandria | 51510 | 703 | Sgt. Paula Grant, Special Operations
loudoun-so | Loudoun County Sheriff's Office | law_enforcement | local | VA0530000 | VA0530000 | Loudoun County | 51107 | 703 | Capt. Evan Brooks, Criminal Investigations
henrico-pd | Henrico County Police Division | law_enforcement | local | VA0430100 | VA0430100 | Henrico County | 51087 | 804 | Lt. Sharon Pettit, Intelligence Unit
richmond-pd | Richmond Police Department | law_enforcement | local | VA1220000 | VA1220000 | City of Richmond | 51760 | 804 | Sgt. Andre Wimbush, Real Time Crime Center
chesterfield-pd | Chesterfield County Police Department | law_enforcement | local | VA0200100 | VA0200100 | Chesterfield County | 51041 51570 | 804 | Lt. Karen Blankenship, Crime Analysis
norfolk-pd | Norfolk Police Department | law_enforcement | local | VA1210000 | VA1210000 | City of Norfolk | 51710 | 757 | Sgt. Tamika Saunders, Homeland Security Unit
vabeach-pd | Virginia Beach Police Department | law_enforcement | local | VA1280000 | VA1280000 | City of Virginia Beach | 51810 | 757 | Lt. Ryan Kowalski, Strategic Analysis
portsmouth-pd | Portsmouth Police Department | law_enforcement | local | VA1240000 | VA1240000 | City of Portsmouth | 51740 | 757 | Det. Keisha Mullins, Criminal Intelligence
roanoke-pd | Roanoke Police Department | law_enforcement | local | VA1260000 | VA1260000 | City of Roanoke | 51770 51775 | 540 | Lt. Gary Tolliver, Investigations
augusta-so | Augusta County Sheriff's Office | law_enforcement | local | VA0080000 | VA0080000 | Augusta County | 51015 51790 51820 | 540 | Capt. Wayne Puckett, Criminal Investigations
washington-so | Washington County Sheriff's Office | law_enforcement | local | VA0950000 | VA0950000 | Washington County | 51191 51520 | 276 | Lt. Roy Stanley, Investigations
wmata-pd | Metro Transit Police Department (Virginia District) | law_enforcement | local | VA029MT00 | VA029MT00 | Metrorail and Metrobus in Northern Virginia | 51059 51013 51510 51107 | 703 | Sgt. Omar Haddad, Intelligence Unit
pamunkey-pd | Pamunkey Tribal Police Department | tribal | tribal | VA0510800 | VA0510800 | Pamunkey Indian Reservation, King William County | 51101 | 804 | Chief Daniel Bradby, Chief of Police
fairfax-fire | Fairfax County Fire and Rescue Department | fire | local | - | FCFRD | Fairfax County | 51059 51600 | 703 | Battalion Chief Lisa Moreno, Fire Marshal's Office
richmond-ems | Richmond Ambulance Authority | ems | local | - | RAA | City of Richmond | 51760 | 804 | Deputy Chief Harold Gwynn, Operations
vdem | Virginia Department of Emergency Management | emergency_management | state | - | VDEM | Commonwealth of Virginia | * | 804 | Jean Whitlock, Virginia Emergency Operations Center Director
vdh | Virginia Department of Health | public_health | state | - | VDH | Commonwealth of Virginia | * | 804 | Dr. Priya Shah, Office of Epidemiology
vadoc | Virginia Department of Corrections | corrections | state | VAVDOC000 | VAVDOC000 | Commonwealth of Virginia | 51183 51195 51081 51029 51015 51065 51027 | 804 | Maj. Terry Hunt, Gang and Security Threat Group Unit
cpl-utility | Commonwealth Power & Light Co. | private_sector | private | - | CPL | Electric transmission and distribution, central and eastern Virginia | 51760 51087 51041 51085 51109 51003 51710 51810 51550 51700 51650 | 804 | Michael Reyes, Director of Corporate Security
ttr-port | Tidewater Terminal & Rail Company | private_sector | private | - | TTR | Marine terminals and short-line rail, Hampton Roads | 51710 51740 51700 51550 | 757 | Angela Brooks, Facility Security Officer
prwa-water | Potomac Regional Water Authority | private_sector | private | - | PRWA | Drinking water treatment and distribution, Northern Virginia | 51059 51107 51153 51013 | 703 | Kevin Nguyen, Security and Emergency Planning Manager
fbi-jttf | FBI Richmond Field Office, Joint Terrorism Task Force | federal | federal | VAFBIRC00 | VAFBIRC00 | Federal, central and western Virginia | * | 804 | SSA Laura Kim, JTTF Supervisor
dhs-ia | DHS Office of Intelligence and Analysis, Virginia | homeland_security | federal | - | DHSIA | Federal, Commonwealth of Virginia | * | 804 | Steven Park, Intelligence Officer`;

function oneOf<T extends string>(values: readonly T[], value: string): T {
  if (!(values as readonly string[]).includes(value)) throw new Error(`unknown value ${value}`);
  return value as T;
}

/** "Lt. Marcus Hale" → m.hale@domain; the 555-01xx line is derived from the row number. */
function contactOf(row: number, text: string, areaCode: string, domain: string): PointOfContact {
  const [name = '', ...titleParts] = text.split(', ');
  const words = name.split(' ');
  const first = words.at(-2) ?? '';
  const last = words.at(-1) ?? '';
  return {
    name,
    title: titleParts.join(', '),
    phone: `(${areaCode}) 555-${String(100 + ((row * 7) % 100)).padStart(4, '0')}`,
    email: `${first.charAt(0)}.${last}@${domain}`.toLowerCase(),
  };
}

function parseAgency(line: string, row: number): DemoAgency {
  const [key = '', name = '', discipline = '', level = '', ori = '', prefix = '', ...rest] =
    line.split(' | ');
  const [jurisdiction = '', area = '', areaCode = '', contact = ''] = rest;
  const emailDomain = `${key.replace(/-.*$/, '')}.va.example`;
  return {
    key,
    name,
    discipline: oneOf(DISCIPLINES, discipline),
    level: oneOf(AGENCY_LEVELS, level),
    ori: ori === '-' ? null : ori,
    jurisdiction,
    pointsOfContact: [contactOf(row, contact, areaCode, emailDomain)],
    recordPrefix: prefix,
    areaFips: area === '*' ? null : area.split(' '),
    emailDomain,
  };
}

export const DEMO_AGENCIES: readonly DemoAgency[] = AGENCY_TABLE.trim()
  .split('\n')
  .map(parseAgency);

const byKey = new Map(DEMO_AGENCIES.map((a) => [a.key, a]));

export function getDemoAgency(key: string): DemoAgency {
  const agency = byKey.get(key);
  if (!agency) throw new Error(`no demo agency ${key}`);
  return agency;
}

export const DEMO_SHARING_GROUPS: readonly DemoSharingGroup[] = [
  {
    key: 'nova-le',
    name: 'Northern Virginia Law Enforcement',
    description:
      'Police and sheriffs of the Northern Virginia jurisdictions and Metro Transit Police.',
    memberAgencyKeys: [
      'fairfax-pd',
      'arlington-pd',
      'pwc-pd',
      'alexandria-pd',
      'loudoun-so',
      'wmata-pd',
      'vsp',
    ],
  },
  {
    key: 'hampton-roads-maritime',
    name: 'Hampton Roads Maritime Security',
    description: 'Agencies and operators protecting the port and rail terminals of Hampton Roads.',
    memberAgencyKeys: ['norfolk-pd', 'vabeach-pd', 'portsmouth-pd', 'vsp', 'ttr-port', 'fbi-jttf'],
  },
  {
    key: 'ci-partners',
    name: 'Critical Infrastructure Partners',
    description:
      'Owners and operators of critical infrastructure with the state and federal partners who support them.',
    memberAgencyKeys: ['cpl-utility', 'ttr-port', 'prwa-water', 'vdem', 'dhs-ia', 'vfc'],
  },
  {
    key: 'public-health',
    name: 'Public Health Partners',
    description: 'Public health, fire/EMS and emergency management for health-related reporting.',
    memberAgencyKeys: ['vdh', 'fairfax-fire', 'richmond-ems', 'vdem', 'vfc'],
  },
];
