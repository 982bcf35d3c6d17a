/**
 * Incidents of agencies that are not police departments: corrections facilities, fire
 * investigators, EMS and public health each report their own kind of event, at their own
 * kind of place. Police and sheriffs use the general offense list in agency-records.ts.
 */
import { streetLine } from './addresses.ts';
import type { RecordContext } from './mentions.ts';

/** [NIBRS code and name, premise, what happened (victim, suspect) ⇒ sentence] */
export type Offense = readonly [
  string,
  string,
  (victim: string, suspect: string, ctx: RecordContext) => string,
];

export type UnitIncidents = {
  offenses: readonly Offense[];
  /** How the narrative opens after the author: "responded to 12 Main St, Reston". */
  where: (ctx: RecordContext) => string;
  /** Whether a suspect's vehicle can figure (never inside a prison). */
  vehicles: boolean;
  /** The location line when it is a named facility rather than a street address. */
  address?: (ctx: RecordContext) => string;
};

/** State prisons by county, where the Department of Corrections' incidents happen. */
export const PRISONS: Readonly<Record<string, string>> = {
  '51183': 'Sussex I State Prison',
  '51195': 'Red Onion State Prison',
  '51081': 'Greensville Correctional Center',
  '51029': 'Buckingham Correctional Center',
  '51015': 'Augusta Correctional Center',
  '51065': 'Fluvanna Correctional Center for Women',
  '51027': 'Keen Mountain Correctional Center',
};

const street = (ctx: RecordContext) =>
  `responded to ${streetLine(ctx.address)}, ${ctx.address.city}`;
const PRISON_PREMISE = 'Jail/Prison/Penitentiary/Corrections Facility';

export const UNIT_INCIDENTS: Readonly<Record<string, UnitIncidents>> = {
  vadoc: {
    where: (ctx) =>
      `reported an incident at ${PRISONS[ctx.county.fips] ?? 'a state correctional center'}`,
    vehicles: false,
    address: (ctx) =>
      `${PRISONS[ctx.county.fips] ?? 'State correctional center'}, ${ctx.address.city}, VA ${ctx.address.zip}`,
    offenses: [
      [
        '90Z All Other Offenses',
        PRISON_PREMISE,
        (v, s) =>
          `During a housing-unit search, staff recovered a cell phone and suboxone strips from the property of ${s}. ${v} said he was pressured to hold the items.`,
      ],
      [
        '13B Simple Assault',
        PRISON_PREMISE,
        (v, s) =>
          `${s} struck ${v} during recreation; both were separated and placed in restrictive housing.`,
      ],
      [
        '35A Drug/Narcotic Violations',
        PRISON_PREMISE,
        (v, s) =>
          `Mail addressed to ${v} contained paper soaked in a synthetic cannabinoid; the sender's return address traced to ${s}.`,
      ],
    ],
  },
  vdh: {
    where: (ctx) => `investigated a report at ${streetLine(ctx.address)}, ${ctx.address.city}`,
    vehicles: false,
    offenses: [
      [
        '90Z All Other Offenses',
        'Restaurant',
        (v, s) =>
          `Epidemiologists linked ${v} and ${3 + (s.length % 5)} other patients with the same gastrointestinal illness to a catered event. ${s} was the caterer.`,
      ],
      [
        '90Z All Other Offenses',
        'Residence/Home',
        (v, s) =>
          `${v} was hospitalized after an injection of an unapproved weight-loss drug sold by ${s} from a home "clinic".`,
      ],
    ],
  },
  'fairfax-fire': {
    where: street,
    vehicles: true,
    offenses: [
      [
        '200 Arson',
        'Commercial/Office Building',
        (v, s) =>
          `Investigators found two separate points of origin in a fire at the business owned by ${v}, and a gas can in the rear lot; ${s} was seen leaving shortly before the alarm.`,
      ],
      [
        '200 Arson',
        'Residence/Home',
        (v, s) =>
          `A vehicle fire in the driveway of ${v} was set with an ignitable liquid; ${s} had threatened the owner the week before.`,
      ],
      [
        '290 Destruction/Damage/Vandalism',
        'Field/Woods',
        (v, s) =>
          `A brush fire was started by fireworks set off by ${s}; a shed owned by ${v} was damaged.`,
      ],
    ],
  },
  'richmond-ems': {
    where: street,
    vehicles: false,
    offenses: [
      [
        '35A Drug/Narcotic Violations',
        'Residence/Home',
        (v, s) =>
          `The crew treated ${v} for a suspected fentanyl overdose; naloxone was given twice. Bystanders named ${s} as the supplier.`,
      ],
      [
        '13B Simple Assault',
        'Highway/Road/Alley',
        (v, s) => `While the crew treated ${v}, ${s} struck a paramedic and fled on foot.`,
      ],
    ],
  },
};
