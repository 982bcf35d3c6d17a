/**
 * Agency records as a records-management system holds them: incident reports with NIBRS
 * offense codes, field interviews (contact cards), and arrests charged under the Code of
 * Virginia. These carry the fullest identities (licences, state ids, dates of birth), which
 * is why they anchor entity resolution.
 */
import { streetLine } from './addresses.ts';
import {
  hasRoom,
  mentionPerson,
  mentionVehicle,
  mentionWeapon,
  officerName,
  pickPerson,
  type RecordContext,
} from './mentions.ts';
import type { RecordDraft } from './drafts.ts';
import type { Person } from './people.ts';
import { UNIT_INCIDENTS, type Offense } from './unit-incidents.ts';

const OFFENSES: readonly Offense[] = [
  [
    '23F Theft From Motor Vehicle',
    'Parking Lot/Garage',
    (v, s) =>
      `${v} reported that the rear window of the vehicle was broken and a backpack and laptop taken. A neighbor's camera shows ${s} walking between parked cars shortly before.`,
  ],
  [
    '23H All Other Larceny',
    'Department/Discount Store',
    (v, s) =>
      `Loss prevention reported ${s} concealing merchandise valued at about $${v.length * 40} and leaving without paying.`,
  ],
  [
    '220 Burglary/Breaking & Entering',
    'Residence/Home',
    (v, s) =>
      `${v} returned home to find the rear door forced open and jewelry and a handgun missing. ${s} was seen by a neighbor carrying a duffel bag from the yard.`,
  ],
  [
    '240 Motor Vehicle Theft',
    'Highway/Road/Alley',
    (v) =>
      `${v} reported the vehicle stolen overnight from in front of the residence; the key fob was inside.`,
  ],
  [
    '13B Simple Assault',
    'Bar/Nightclub',
    (v, s) =>
      `${v} was punched in the face by ${s} during an argument and declined medical treatment.`,
  ],
  [
    '13A Aggravated Assault',
    'Highway/Road/Alley',
    (v, s) =>
      `${v} was struck with a bottle by ${s} after a dispute over a parking space and was transported to the hospital.`,
  ],
  [
    '290 Destruction/Damage/Vandalism',
    'Commercial/Office Building',
    (v, s) =>
      `${v} reported spray-painted symbols and broken windows on the building; ${s} was recorded on the door camera.`,
  ],
  [
    '13C Intimidation',
    'Residence/Home',
    (v, s) =>
      `${v} reported receiving repeated threatening messages from ${s} after the end of their relationship.`,
  ],
  [
    '26A False Pretenses/Swindle',
    'Residence/Home',
    (v, s) =>
      `${v} was persuaded by ${s}, posing as a utility employee, to pay a "reconnection fee" in gift cards.`,
  ],
  [
    '35A Drug/Narcotic Violations',
    'Service/Gas Station',
    (v, s) =>
      `Officers responded to a report of an overdose; ${v} was revived with naloxone. ${s} was identified as the source of the pills.`,
  ],
  [
    '120 Robbery',
    'Convenience Store',
    (v, s) =>
      `${v}, the clerk, was threatened by ${s}, who implied a weapon and took cash from the register.`,
  ],
  [
    '200 Arson',
    'Commercial/Office Building',
    (v, s) =>
      `A fire was set at the rear of the building owned by ${v}. Investigators found a gas can; ${s} was seen leaving on foot.`,
  ],
];

function caseNumber(ctx: RecordContext): string {
  return `${ctx.when.date.slice(-2)}-${String(ctx.rng.int(1, 99_999)).padStart(6, '0')}`;
}

function victimAndSuspect(ctx: RecordContext): {
  victim: string;
  suspect: string;
  suspectPerson: Person | null;
} {
  const victim = mentionPerson(ctx, pickPerson(ctx), 'victim', 'full');
  if (!ctx.rng.chance(0.6)) return { victim, suspect: 'an unknown person', suspectPerson: null };
  const suspectPerson = pickPerson(ctx);
  return {
    victim,
    suspect: mentionPerson(ctx, suspectPerson, 'subject', 'partial'),
    suspectPerson,
  };
}

export function buildIncident(ctx: RecordContext): RecordDraft<'incident'> {
  const { rng } = ctx;
  const unit = UNIT_INCIDENTS[ctx.agency.key];
  const [offense, premise, happened] = rng.pick(unit?.offenses ?? OFFENSES);
  const officer = officerName(rng, ctx.agency);
  const { victim, suspect, suspectPerson } = victimAndSuspect(ctx);
  let extra = '';
  if (suspectPerson?.vehicle && (unit?.vehicles ?? true) && hasRoom(ctx) && rng.chance(0.4)) {
    extra += ` The suspect left in ${mentionVehicle(ctx, suspectPerson.vehicle, 'subject', 'partial')}.`;
  }
  if (hasRoom(ctx) && rng.chance(0.25)) {
    extra += ` A witness, ${mentionPerson(ctx, pickPerson(ctx), 'witness', 'partial')}, gave a statement.`;
  }
  if (hasRoom(ctx) && offense.startsWith('13A') && rng.chance(0.5)) {
    extra += ` Officers recovered ${mentionWeapon(ctx)} nearby.`;
  }
  const at = `${streetLine(ctx.address)}, ${ctx.address.city}`;
  const where = unit ? unit.where(ctx) : `responded to ${at}`;
  return {
    title: `${offense.replace(/^\w+ /, '')}: ${ctx.agency.key === 'vadoc' ? where.replace(/^.* at /, '') : at}`,
    narrative: `On ${ctx.when.date} at ${ctx.when.time}, ${officer} ${where}. ${happened(victim, suspect, ctx)}${extra} Case remains open pending follow-up.`,
    payload: {
      caseNumber: caseNumber(ctx),
      offenseCodes: [offense.split(' ')[0] ?? '90Z'],
      reportingOfficer: officer,
      premiseType: premise,
    },
    durationMinutes: rng.int(5, 180),
    address: unit?.address?.(ctx),
  };
}

const FI_REASONS: readonly (readonly ['pedestrian' | 'vehicle' | 'business' | 'other', string])[] =
  [
    [
      'pedestrian',
      'Subject was loitering behind a closed business after hours and could not explain his presence.',
    ],
    ['vehicle', 'Vehicle was parked with its lights off at the boat ramp after closing, occupied.'],
    [
      'pedestrian',
      'Subject matched the description of a suspect in a recent larceny from vehicles in the area.',
    ],
    [
      'vehicle',
      'Vehicle was stopped for defective equipment; occupants were nervous and gave conflicting travel plans.',
    ],
    [
      'business',
      'Manager asked officers to identify a person who had returned to the store several times without buying anything.',
    ],
    ['pedestrian', 'Subject was seen exchanging small items for cash at the bus stop.'],
    [
      'vehicle',
      'Vehicle was idling with its lights off near the substation fence line for about an hour.',
    ],
    [
      'other',
      'Subject was found inside a construction site after hours, claiming to be looking for work.',
    ],
  ];

export function buildFieldInterview(ctx: RecordContext): RecordDraft<'field_interview'> {
  const { rng } = ctx;
  const [contactType, reason] = rng.pick(FI_REASONS);
  const officer = officerName(rng, ctx.agency);
  const first = pickPerson(ctx);
  const names = [mentionPerson(ctx, first, 'subject', 'full')];
  if (rng.chance(contactType === 'vehicle' ? 0.5 : 0.2))
    names.push(mentionPerson(ctx, pickPerson(ctx), 'associate', 'full'));
  let vehicle = '';
  if (contactType === 'vehicle') {
    const owner = first.vehicle ? first : pickPerson(ctx);
    if (owner.vehicle)
      vehicle = ` The vehicle is ${mentionVehicle(ctx, owner.vehicle, 'mentioned', 'full')}.`;
  }
  const where = `${streetLine(ctx.address)}, ${ctx.address.city}`;
  return {
    title: `Field interview: ${names.join(' and ').replace(/ \(DOB [^)]*\)/g, '')}, ${ctx.address.city}`,
    narrative: `On ${ctx.when.date} at ${ctx.when.time}, ${officer} made contact with ${names.join(' and ')} at ${where}. ${reason}${vehicle} ${rng.pick(['Subjects were identified by Virginia driver’s license and released.', 'No criminal violation was found; contact card completed.', 'Subject was advised and left the area.'])}`,
    payload: { reason, contactType, officer },
    durationMinutes: rng.int(5, 40),
  };
}

/** Code of Virginia sections officers charge most often. */
const CHARGES: readonly (readonly [string, string])[] = [
  ['18.2-250', 'Possession of a Schedule I/II controlled substance'],
  ['18.2-248', 'Possession with intent to distribute a controlled substance'],
  ['18.2-308.2', 'Possession of a firearm by a convicted felon'],
  ['18.2-95', 'Grand larceny'],
  ['18.2-96', 'Petit larceny'],
  ['18.2-57', 'Assault and battery'],
  ['18.2-51', 'Malicious wounding'],
  ['18.2-91', 'Breaking and entering with intent to commit larceny'],
  ['18.2-266', 'Driving under the influence'],
  ['46.2-300', 'Driving without a license'],
  ['18.2-460', 'Obstruction of justice'],
  ['18.2-137', 'Destruction of property'],
  ['18.2-178', 'Obtaining money by false pretenses'],
  ['18.2-308', 'Carrying a concealed weapon'],
  ['18.2-60', 'Threats of death or bodily injury, written or electronic'],
  ['18.2-46.2', 'Participation in a criminal street gang'],
];

export function buildArrest(ctx: RecordContext): RecordDraft<'arrest'> {
  const { rng } = ctx;
  const person = pickPerson(ctx);
  const name = mentionPerson(ctx, person, 'subject', 'full');
  const charges = rng
    .sample(CHARGES, rng.chance(0.6) ? 1 : rng.int(2, 3))
    .map(([statute, description]) => ({ statute, description }));
  const officer = officerName(rng, ctx.agency);
  let extra = '';
  if (charges.some((c) => c.statute.startsWith('18.2-308')) && hasRoom(ctx)) {
    extra += ` Recovered: ${mentionWeapon(ctx)}.`;
  }
  if (person.vehicle && hasRoom(ctx) && rng.chance(0.4)) {
    extra += ` The arrestee was driving ${mentionVehicle(ctx, person.vehicle, 'mentioned', 'full')}.`;
  }
  if (hasRoom(ctx) && rng.chance(0.2)) {
    extra += ` Also present: ${mentionPerson(ctx, pickPerson(ctx), 'associate', 'partial')}, released at the scene.`;
  }
  const year = ctx.when.date.slice(-4);
  return {
    title: `Arrest: ${name.replace(/ \(DOB [^)]*\)/, '')}, ${charges[0]?.description ?? 'arrest'}`,
    narrative: `On ${ctx.when.date} at ${ctx.when.time}, ${officer} arrested ${name} at ${streetLine(ctx.address)}, ${ctx.address.city}, on ${charges.map((c) => `${c.description} (§ ${c.statute})`).join(', ')}.${extra} The arrestee was transported to the regional jail and booked.`,
    payload: {
      arrestNumber: `${year}-${rng.digits(6)}`,
      bookingNumber: `B${year.slice(-2)}${rng.digits(7)}`,
      charges,
    },
    durationMinutes: rng.int(10, 90),
  };
}
