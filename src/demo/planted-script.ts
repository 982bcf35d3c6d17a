/**
 * The planted cluster's records, written out by hand so the story reads true: each agency
 * sees a fragment, names are spelled differently, the plate is read short once, a date of
 * birth has day and month swapped. Ground truth keys tie the fragments together.
 * planted-cluster.ts turns each entry into a record.
 */
import type { RecordKind } from '../modules/records/record-kinds.ts';
import { PLANTED } from './planted.ts';
import { getSite } from './sites.ts';
import type { DemoObservation, PayloadOf } from './types.ts';
import { Random } from './random.ts';
import { makeVin } from './vehicles.ts';

const C = PLANTED.cluster;
const P = C.people;
const NIT = getSite('nit');
const VAN_VIN = makeVin(new Random(0x5eed), '1FT', 2014);

export type Obs = readonly [entityKey: string, observation: DemoObservation];

const person = (
  key: string,
  role: DemoObservation['role'],
  attributes: Record<string, unknown>,
): Obs => [key, { type: 'person', role, attributes }];
const van = (attributes: Record<string, unknown>): Obs => [
  C.vehicleKey,
  {
    type: 'vehicle',
    role: 'mentioned',
    attributes: { make: 'Ford', model: 'Transit', ...attributes },
  },
];
const phone = (number: string): Obs => [
  C.phoneKey,
  { type: 'phone', role: 'subject', attributes: { number } },
];
const site: Obs = [
  `site:${NIT.key}`,
  {
    type: 'location',
    role: 'mentioned',
    attributes: { name: NIT.name, lat: NIT.lat, lon: NIT.lon },
  },
];

export type Scripted<K extends RecordKind = RecordKind> = {
  day: number;
  /** Local hour, minute. */
  at: readonly [number, number];
  agencyKey: string;
  kind: K;
  /** Where, as a centre and county (the point is drawn within 1 km, inside the county). */
  near: { lat: number; lon: number; countyFips: string; address: string };
  title: string;
  narrative: string;
  payload: PayloadOf<K>;
  observations: readonly Obs[];
};

export const AT_NIT = {
  lat: NIT.lat,
  lon: NIT.lon,
  countyFips: NIT.countyFips,
  address: NIT.address,
};
const I564 = {
  lat: 36.9205,
  lon: -76.3005,
  countyFips: '51710',
  address: 'I-564 overpass at Hampton Blvd, Norfolk, VA 23505',
};
const PORTSMOUTH = {
  lat: 36.8385,
  lon: -76.3065,
  countyFips: '51740',
  address: '6 Crawford Pkwy, Portsmouth, VA 23704',
};
const GRANBY = {
  lat: 36.8935,
  lon: -76.2705,
  countyFips: '51710',
  address: '7525 Granby St, Norfolk, VA 23505',
};

export const PLANTED_SCRIPT: readonly Scripted[] = [
  {
    day: 0,
    at: [7, 40],
    agencyKey: 'ttr-port',
    kind: 'sar',
    near: AT_NIT,
    title: 'Suspicious photography: NIT truck gate',
    narrative:
      'Gate security at Norfolk International Terminals observed two men in a white Ford Transit van photographing the truck gate and the inspection lane from the shoulder of Hampton Blvd for about 25 minutes during the morning rush. The van left northbound when a security officer walked toward it. Partial plate read from camera: TVW-447.',
    payload: {
      behaviours: ['PHOTO'],
      targetSectors: ['TRANS'],
      howObserved: 'private_sector_partner',
      articulableFacts:
        'Articulable facts: (1) the men photographed only the gate, the inspection lane and the guard booth; (2) they stayed about 25 minutes at the busiest time of the gate; (3) they left as soon as security approached.',
    },
    observations: [van({ plate: 'TVW447', color: 'White' }), site],
  },
  {
    day: 2,
    at: [14, 5],
    agencyKey: 'norfolk-pd',
    kind: 'sar',
    near: AT_NIT,
    title: 'Possible surveillance: van parked facing NIT gate',
    narrative:
      'Ofc. R. Mendez #2231 made a consensual contact with the occupants of a white 2014 Ford Transit, VA TVW-4471, parked for about 90 minutes facing the NIT truck gate. Driver identified by Virginia license as Dale E. Ashcraft (DOB 04/07/1989); the passenger gave his name as Kyle Brandt. Ashcraft said they were "waiting on a load", but had no trailer and no dispatch paperwork.',
    payload: {
      behaviours: ['SURVL'],
      targetSectors: ['TRANS'],
      howObserved: 'officer',
      articulableFacts:
        'Articulable facts: (1) parked 90 minutes facing only the gate; (2) claimed to be waiting for a load with no trailer or paperwork; (3) second sighting of this van at the gate in three days.',
    },
    observations: [
      person(P.leader, 'subject', {
        givenName: 'Dale',
        middleName: 'E',
        surname: 'Ashcraft',
        dateOfBirth: '1989-04-07',
        sex: 'M',
        identifiers: [{ scheme: 'driver_license', value: 'A71402296', issuer: 'VA' }],
      }),
      person(P.driver, 'associate', { givenName: 'Kyle', surname: 'Brandt', sex: 'M' }),
      van({ plate: 'TVW-4471', plateState: 'VA', vin: VAN_VIN, year: 2014, color: 'White' }),
      site,
    ],
  },
  {
    day: 5,
    at: [18, 50],
    agencyKey: 'vsp',
    kind: 'sar',
    near: I564,
    title: 'Filming of container cranes from I-564 overpass',
    narrative:
      'Tpr. K. Lowe #6610 stopped to check on a man with a camera on a tripod on the I-564 overpass, filming the container cranes and the rail yard at Norfolk International Terminals at dusk. He identified himself as Jesse Cortland (DOB 08/19/1991), said he was a "crane enthusiast", and could not name any other port he had filmed.',
    payload: {
      behaviours: ['PHOTO', 'SURVL'],
      targetSectors: ['TRANS'],
      howObserved: 'officer',
      articulableFacts:
        'Articulable facts: (1) filmed the crane rails, rail spur and gate rather than ships; (2) used a tripod from a highway overpass where stopping is prohibited; (3) gave an explanation he could not support.',
    },
    observations: [
      person(P.photographer, 'subject', {
        givenName: 'Jesse',
        surname: 'Cortland',
        dateOfBirth: '1991-08-19',
        sex: 'M',
      }),
      site,
    ],
  },
  {
    day: 8,
    at: [10, 15],
    agencyKey: 'ttr-port',
    kind: 'sar',
    near: AT_NIT,
    title: 'Eliciting information: questions about night-shift gate checks',
    narrative:
      'A man at the NIT truck gate window asked the gate clerk what time the night shift changes and whether TWIC cards are actually checked after midnight. He gave his name as Dale Ashcroft and left a call-back number, (757) 555-0187, "in case a driving job opens up".',
    payload: {
      behaviours: ['ELICIT'],
      targetSectors: ['TRANS'],
      howObserved: 'private_sector_partner',
      articulableFacts:
        'Articulable facts: (1) asked only about shift changes and credential checks at night; (2) no application or carrier affiliation; (3) matches the description of the driver of a van seen at the gate twice before.',
    },
    observations: [
      person(P.leader, 'subject', { givenName: 'Dale', surname: 'Ashcroft', sex: 'M' }),
      phone('(757) 555-0187'),
      site,
    ],
  },
  {
    day: 10,
    at: [22, 30],
    agencyKey: 'vfc',
    kind: 'tip',
    near: GRANBY,
    title: 'Tip: man bragging about "mapping the port"',
    narrative:
      'Anonymous web tip: a man who goes by "KB", first name Kyle, last name something like Brandt, has been telling people at a bar in Ocean View that he and some friends are "mapping the port" and shows photos of gates and cameras on his phone. He drives a white Ford van.',
    payload: { receivedVia: 'web', anonymous: true, tipClasses: ['INFRA'] },
    observations: [
      person(P.driver, 'subject', { givenName: 'Kyle', surname: 'Brandt', aliases: ['KB'] }),
      van({ color: 'White' }),
    ],
  },
  {
    day: 13,
    at: [2, 30],
    agencyKey: 'norfolk-pd',
    kind: 'field_interview',
    near: AT_NIT,
    title: 'Field interview: van occupants on Terminal Blvd at 0230',
    narrative:
      'Ofc. T. Nguyen #3107 contacted the occupants of a white Ford Transit, VA TVW4471, idling with lights off on Terminal Blvd near the NIT gate at 0230. Driver Dale Ashcraft (DOB 07/04/1989), front passenger Amber N. Pruitt (DOB 03/05/1996), rear passenger Kyle M. Brandt (DOB 11/02/1994). A tablet on the dash showed a satellite image of the terminal. All released; no violation.',
    payload: {
      reason:
        'Vehicle idling with lights off near the terminal gate at 0230; occupants gave conflicting reasons for being there.',
      contactType: 'vehicle',
      officer: 'Ofc. T. Nguyen #3107',
    },
    observations: [
      person(P.leader, 'subject', {
        givenName: 'Dale',
        surname: 'Ashcraft',
        dateOfBirth: '1989-07-04',
        sex: 'M',
        identifiers: [{ scheme: 'driver_license', value: 'A71402296', issuer: 'VA' }],
      }),
      person(P.lookout, 'associate', {
        givenName: 'Amber',
        middleName: 'N',
        surname: 'Pruitt',
        dateOfBirth: '1996-03-05',
        sex: 'F',
      }),
      person(P.driver, 'associate', {
        givenName: 'Kyle',
        middleName: 'M',
        surname: 'Brandt',
        dateOfBirth: '1994-11-02',
        sex: 'M',
      }),
      van({ plate: 'TVW4471', plateState: 'VA', year: 2014, color: 'White' }),
    ],
  },
  {
    day: 15,
    at: [16, 20],
    agencyKey: 'portsmouth-pd',
    kind: 'sar',
    near: PORTSMOUTH,
    title: 'Photography of port facilities from the Portsmouth waterfront',
    narrative:
      'A resident called about a woman photographing the port terminals across the river from the seawall for over an hour, writing in a notebook between shots. Det. L. Carter #1188 spoke with her; she identified herself as Amber Pruitt and said the photos were "for a school project" but could not name a school.',
    payload: {
      behaviours: ['PHOTO'],
      targetSectors: ['TRANS'],
      howObserved: 'public',
      articulableFacts:
        'Articulable facts: (1) photographed and took notes on the terminals for over an hour; (2) explanation not supported; (3) subject has been seen with people reported near the NIT gate.',
    },
    observations: [
      person(P.lookout, 'subject', { givenName: 'Amber', surname: 'Pruitt', sex: 'F' }),
    ],
  },
  {
    day: 18,
    at: [23, 45],
    agencyKey: 'ttr-port',
    kind: 'sar',
    near: AT_NIT,
    title: 'Testing of security: expired TWIC card at truck gate',
    narrative:
      'A man in a white Ford Transit presented an expired TWIC card in the name DALE ASHCRAFT at the NIT truck gate after midnight, argued with the guard that "nobody checks these at night", then reversed out of the lane. Gate camera plate read: TVW4471.',
    payload: {
      behaviours: ['TESTSEC'],
      targetSectors: ['TRANS'],
      howObserved: 'private_sector_partner',
      articulableFacts:
        'Articulable facts: (1) tried entry with an expired credential on the night shift he had asked about; (2) left as soon as the credential was refused; (3) same van as three earlier reports.',
    },
    observations: [
      person(P.leader, 'subject', { givenName: 'DALE', surname: 'ASHCRAFT' }),
      van({ plate: 'TVW4471', plateState: 'VA', color: 'White' }),
      site,
    ],
  },
  {
    day: 20,
    at: [11, 0],
    agencyKey: 'fbi-jttf',
    kind: 'tip',
    near: GRANBY,
    title: 'Tip: cash purchase inquiry for long-range drone with thermal camera',
    narrative:
      'A marine-electronics store called the JTTF about a customer, Jesse Cortland, who asked for a long-range drone with a thermal camera, asked whether it could fly "over the water by the port at night", and offered cash. He left the number 757-555-0187 for when the drone arrives.',
    payload: { receivedVia: 'phone', anonymous: false, tipClasses: ['INFRA'] },
    observations: [
      person(P.photographer, 'subject', { givenName: 'Jesse', surname: 'Cortland' }),
      phone('757-555-0187'),
    ],
  },
];
