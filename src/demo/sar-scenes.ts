/**
 * What each of the 16 ISE-SAR behaviours looks like in a report: the sectors it usually
 * touches, a few ways an officer or partner describes it, and (for Part 2) the articulable
 * facts that lift it above casual interest. Narratives are composed from these pieces and
 * the record's slots (target, subject, vehicle, observer), so no two read the same.
 */
import type { SarBehaviourCode, TARGET_SECTORS } from '../modules/records/sar-codes.ts';
import type { Random } from './random.ts';

export type TargetSector = (typeof TARGET_SECTORS)[number];

export type SarScene = {
  rng: Random;
  /** Noun phrase for the place: "the Griffith Water Treatment Plant", "an electrical substation on Cedar Rd". */
  target: string;
  /** Noun phrase for the first subject: "a man", "a woman later identified as Bob Smith". */
  subject: string;
  he: string;
  his: string;
  /** Description of the vehicle, or null when none was seen. */
  vehicle: string | null;
  /** Who saw it, as a noun phrase: "a security officer", "Ofc. Ramirez". */
  observer: string;
  minutes: number;
  times: number;
  highway: string;
};

type Template = (s: SarScene) => string;

export type BehaviourSpec = {
  title: string;
  sectors: readonly TargetSector[];
  cores: readonly Template[];
  /** Part 2 only: why this is more than curiosity (SAR-05). */
  facts: readonly Template[];
};

const car = (s: SarScene) => s.vehicle ?? 'a dark-colored sedan';
const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

export const BEHAVIOUR_SCENES: Readonly<Record<SarBehaviourCode, BehaviourSpec>> = {
  INTRSN: {
    title: 'Breach of restricted area',
    sectors: ['ENRG', 'WATR', 'TRANS', 'GVTBLDG', 'TELCM', 'DFNSE', 'NCLR', 'UTL'],
    cores: [
      (s) =>
        `${cap(s.subject)} was found inside the fenced perimeter of ${s.target} after climbing a locked gate. When challenged by ${s.observer}, ${s.he} said ${s.rng.pick([`${s.he} was looking for a lost dog`, `${s.he} was taking a shortcut`, `${s.he} worked for a contractor but could not name the company`])} and left on foot.`,
      (s) =>
        `${cap(s.subject)} followed an employee through a badge-controlled door at ${s.target} and was found in a non-public corridor near the control room. ${cap(s.he)} claimed to be an HVAC contractor; the vendor has no record of the visit.`,
      (s) =>
        `An intrusion alarm sounded at ${s.target}. ${cap(s.observer)} found the perimeter fence cut about 18 inches high and fresh footprints leading toward the equipment yard; ${s.subject} was seen running toward ${s.highway}.`,
    ],
    facts: [],
  },
  MISREP: {
    title: 'Misrepresentation',
    sectors: ['GVTBLDG', 'HLTH', 'EMRG', 'TRANS', 'FIN', 'ENRG'],
    cores: [
      (s) =>
        `${cap(s.subject)} presented a utility-company identification badge to gain access to the equipment room at ${s.target}. Staff noticed the photograph did not match, and the company confirmed it has no employee by that name.`,
      (s) =>
        `${cap(s.subject)} arrived at ${s.target} wearing a shirt with a fire department patch and asked to inspect the sprinkler riser room. The fire marshal's office confirmed no inspection was scheduled.`,
      (s) =>
        `${cap(s.subject)} identified ${s.he === 'she' ? 'herself' : 'himself'} as a federal inspector, showed a badge in a leather wallet and asked ${s.observer} for a copy of the emergency response plan for ${s.target}. No such inspection exists.`,
    ],
    facts: [],
  },
  THEFT: {
    title: 'Theft of access items',
    sectors: ['EMRG', 'TRANS', 'ENRG', 'GVTBLDG', 'HLTH', 'CHEM'],
    cores: [
      (s) =>
        `Facility staff reported that ${s.rng.pick(['three employee access badges', 'two uniforms and a ring of master keys', 'a binder of site security procedures', 'a laptop holding facility floor plans', 'a marked utility service truck'])} had been stolen from ${s.target}. Video shows ${s.subject} leaving the area shortly before the loss was noticed.`,
      (s) =>
        `A light bar, two portable radios and a set of turnout gear were taken from a command vehicle parked at ${s.target}. ${cap(s.subject)} was seen near the vehicle earlier in the shift.`,
    ],
    facts: [],
  },
  SABOT: {
    title: 'Tampering with infrastructure',
    sectors: ['ENRG', 'TELCM', 'WATR', 'TRANS', 'UTL'],
    cores: [
      (s) =>
        `${cap(s.observer)} found that ${s.rng.pick(['the padlock on a valve vault', 'a section of perimeter fence', 'fiber-optic cable in a handhole', 'a railroad signal cabinet', 'a pad-mounted transformer'])} at ${s.target} had been ${s.rng.pick(['cut', 'pried open', 'tampered with', 'struck by gunfire'])}. ${s.rng.pick(['About 3,000 customers lost service for two hours.', 'No service interruption resulted.', 'Repairs took most of the night.'])}`,
      (s) =>
        `Operators at ${s.target} saw pressure readings change after a manual valve was turned by hand overnight. The valve chain had been cut and ${s.subject} was captured on a trail camera at ${s.minutes > 60 ? 'dawn' : 'midnight'}.`,
    ],
    facts: [],
  },
  CYBER: {
    title: 'Cyber intrusion attempt',
    sectors: ['IT', 'FIN', 'WATR', 'ENRG', 'HLTH', 'GVTBLDG', 'EDU'],
    cores: [
      (s) =>
        `${cap(s.target)} reported ${s.rng.pick(['a ransomware infection that encrypted its file servers', 'repeated failed logins to its SCADA remote-access portal from foreign IP addresses', 'an e-mail impersonating its chief executive asking finance staff for an urgent wire transfer', 'an unknown USB device found plugged into a control-room workstation'])}. The IT staff isolated the affected systems and preserved logs.`,
      (s) =>
        `The utility's operators reported that an account belonging to a former employee of ${s.target} logged in to the HMI workstation remotely at ${s.minutes} minutes past 2 a.m. and changed chemical dosing set points before the session was cut.`,
    ],
    facts: [],
  },
  THREAT: {
    title: 'Expressed threat',
    sectors: ['GVTBLDG', 'EDU', 'MASS', 'HLTH', 'CULTR', 'COMM'],
    cores: [
      (s) =>
        `${cap(s.subject)} ${s.rng.pick(['called the main line of', 'came to the front desk of', 'posted a video outside'])} ${s.target} and said "${s.rng.pick(['you will all see what happens on Friday', 'this place is going to burn', 'next time I come back with more than a sign', 'somebody should take care of the people in there'])}".`,
      (s) =>
        `Staff at ${s.target} received ${s.times} handwritten letters threatening to "shut it down for good". The latest was delivered by hand; ${s.subject} was recorded dropping it at the door.`,
    ],
    facts: [],
  },
  AVIATION: {
    title: 'Suspicious aviation activity',
    sectors: ['TRANS', 'NCLR', 'DFNSE', 'MASS', 'CORR', 'ENRG'],
    cores: [
      (s) =>
        `A quadcopter drone hovered about ${s.times * 50} feet above ${s.target} for roughly ${s.minutes} minutes, making slow passes over ${s.rng.pick(['the fuel farm', 'the perimeter fence', 'the main building', 'the crowd', 'the control building'])}. ${s.vehicle ? `${cap(s.subject)} was seen operating it from ${s.vehicle} nearby.` : 'The operator was not located.'}`,
      (s) =>
        `A green laser was pointed at a helicopter approaching ${s.target}; the crew reported the source as a residential area near ${s.highway}.`,
      (s) =>
        `${cap(s.subject)} was seen launching a drone from a parking lot next to ${s.target} after dark, with its lights turned off, and left when ${s.observer} approached.`,
    ],
    facts: [],
  },
  ELICIT: {
    title: 'Eliciting information',
    sectors: ['ENRG', 'NCLR', 'TRANS', 'CHEM', 'WATR', 'GVTBLDG', 'MASS', 'DFNSE'],
    cores: [
      (s) =>
        `${cap(s.subject)} approached ${s.observer} at ${s.target} and asked ${s.rng.pick(['what time the guard shift changes', 'how many people work the overnight shift', 'whether the cameras along the fence actually record', 'which tanks hold chlorine', 'how long police take to answer an alarm', 'where the control room is', 'how trucks are inspected at the gate'])}. When asked why, ${s.he} ${s.rng.pick(['changed the subject', `said ${s.he} was "just curious" and walked away`, 'became nervous and left'])}.`,
      (s) =>
        `Over ${s.times} visits to the coffee shop across from ${s.target}, ${s.subject} struck up conversations with employees and asked about badge procedures and which doors are alarmed.`,
    ],
    facts: [
      (s) => `the questions concerned security procedures at ${s.target}, not its public services`,
      (s) => `the subject asked the same questions of ${s.times} different employees`,
      () => 'the subject declined to give a reason and left when asked',
    ],
  },
  TESTSEC: {
    title: 'Testing or probing of security',
    sectors: ['TRANS', 'GVTBLDG', 'NCLR', 'ENRG', 'DFNSE', 'MASS'],
    cores: [
      (s) =>
        `${cap(s.subject)} drove ${car(s)} up to the ${s.rng.pick(['vehicle barrier', 'entry gate', 'guard booth'])} at ${s.target}, stopped, and reversed away when approached. The same vehicle did this ${s.times} times in one week.`,
      (s) =>
        `${cap(s.subject)} set off the metal detector at ${s.target} and left rather than submit to a secondary search, then was seen at a different entrance ${s.minutes} minutes later.`,
      (s) =>
        `A backpack was left unattended at the entrance of ${s.target}. ${cap(s.subject)} watched from across the street as security responded and appeared to time the response before walking away.`,
    ],
    facts: [
      (s) =>
        `the subject returned ${s.times} times and each time stopped at the point where screening begins`,
      (s) => `the subject watched and appeared to time the response for about ${s.minutes} minutes`,
      () => 'the subject left each time staff approached, without any business on site',
    ],
  },
  RECRUT: {
    title: 'Recruiting or financing',
    sectors: ['OTHR', 'EDU', 'COMM', 'CORR', 'FIN'],
    cores: [
      (s) =>
        `${cap(s.subject)} approached young men at ${s.target} offering cash for "training weekends" with a group ${s.he} said was preparing for "the coming collapse", and collected their phone numbers.`,
      (s) =>
        `A bank employee reported that ${s.subject} made ${s.times} cash deposits just under $10,000 in two weeks and wired the money to an overseas charity the bank had flagged. ${cap(s.he)} told the teller the money was collected at ${s.target}.`,
    ],
    facts: [
      (s) => `the subject offered money to ${s.times} people in exchange for joining the group`,
      () => 'the subject collected names, phone numbers and travel availability',
    ],
  },
  PHOTO: {
    title: 'Suspicious photography',
    sectors: ['TRANS', 'ENRG', 'NCLR', 'WATR', 'GVTBLDG', 'DFNSE', 'MASS', 'DAMS', 'TELCM'],
    cores: [
      (s) =>
        `${cap(s.subject)} was photographing ${s.rng.pick(['the vehicle entrance and guard booth', 'security cameras along the fence line', 'the ventilation intakes', 'the bridge supports from below', 'the transformer yard', 'the gate inspection lane'])} at ${s.target} with ${s.rng.pick(['a cell phone', 'a camera with a telephoto lens', 'a tablet', 'a camera held at waist level'])}. When ${s.observer} approached, ${s.he} ${s.rng.pick(['put the phone away and walked off', `said ${s.he} was a photography student`, 'became evasive and left', 'refused to say why'])}.`,
      (s) =>
        `${cap(s.observer)} saw a passenger in ${car(s)} filming ${s.target} while the car circled the block ${s.times} times.`,
    ],
    facts: [
      (s) =>
        `the photographs were of security features at ${s.target}, not of its architecture or the view`,
      (s) => `the subject filmed for about ${s.minutes} minutes and hid the device when noticed`,
      (s) => `the vehicle circled ${s.times} times before leaving`,
    ],
  },
  SURVL: {
    title: 'Possible surveillance',
    sectors: ['TRANS', 'ENRG', 'NCLR', 'WATR', 'GVTBLDG', 'DFNSE', 'MASS', 'CULTR', 'FIN'],
    cores: [
      (s) =>
        `${cap(s.subject)} sat in ${car(s)} parked across from ${s.target} for about ${s.minutes} minutes, watching the ${s.rng.pick(['main gate', 'shift change', 'loading dock', 'employee entrance'])} and writing in a notebook.`,
      (s) =>
        `Over ${s.times} days, staff at ${s.target} noticed ${s.subject} walking the perimeter fence at the same time each day, pacing distances and stopping at each camera.`,
      (s) =>
        `${cap(s.subject)} was seen on ${s.times} occasions sitting on the overlook above ${s.target} with binoculars during the evening shift change.`,
    ],
    facts: [
      (s) => `the subject stayed about ${s.minutes} minutes and watched only the access points`,
      (s) => `the subject was seen on ${s.times} separate occasions at the same time of day`,
      () => 'the subject took notes and moved away when approached',
    ],
  },
  MATRLS: {
    title: 'Materials acquisition',
    sectors: ['CHEM', 'RETL', 'AGRI', 'HAZMAT'],
    cores: [
      (s) =>
        `${cap(s.subject)} bought ${s.rng.pick(['eight 50-pound bags of ammonium nitrate fertilizer', 'twelve prepaid cell phones', 'forty gallons of 35% hydrogen peroxide', 'large quantities of pool chlorine and acetone', 'several hundred feet of wire and a box of digital timers'])} at ${s.target}, paid cash and declined a receipt. ${cap(s.he)} could not explain the intended use.`,
      (s) =>
        `A storage unit rented by ${s.subject} near ${s.target} was found holding ${s.times * 10} gallons of fuel and several cases of fireworks when the manager checked a leak.`,
    ],
    facts: [
      () => 'the quantity far exceeds any household or farm use the subject described',
      () => 'the subject paid in cash and refused to give a name or a receipt address',
      (s) => `the subject made similar purchases at ${s.times} other stores that week`,
    ],
  },
  EXPERT: {
    title: 'Acquisition of expertise',
    sectors: ['EDU', 'DFNSE', 'TRANS', 'CHEM'],
    cores: [
      (s) =>
        `${cap(s.subject)} asked at ${s.target} about ${s.rng.pick(['a hazardous-materials endorsement course with no interest in driving jobs', 'flight lessons covering only takeoff and turns, not landing', 'a course on explosives handling for "personal reasons"', 'advanced tactical firearms training "without paperwork"'])}.`,
      (s) =>
        `${cap(s.subject)} repeatedly asked an instructor at ${s.target} how to defeat the safety interlocks on the equipment used in class.`,
    ],
    facts: [
      () => 'the subject sought only the parts of the training relevant to causing harm',
      () => 'the subject refused to give identification when told it was required',
    ],
  },
  WPNS: {
    title: 'Weapons discovery',
    sectors: ['COMM', 'OTHR', 'RETL', 'MASS'],
    cores: [
      (s) =>
        `During ${s.rng.pick(['a storage-unit lien sale', 'an eviction clean-out', 'a traffic stop'])} near ${s.target}, ${s.observer} found ${s.rng.pick(['pipe sections with end caps and a bag of fuses', 'eight rifles with obliterated serial numbers and body armor', 'a container of black powder and a bag of nails', 'chemistry glassware giving off a strong chemical odor'])}.`,
      (s) =>
        `Hotel housekeeping at ${s.target} found ${s.times} boxed rifles, a drone and a map with marked routes in a room rented by ${s.subject}.`,
    ],
    facts: [
      () => 'the items found are components rather than finished goods',
      () => 'the subject gave false identification when renting the space',
    ],
  },
  SECTOR: {
    title: 'Sector-specific incident',
    sectors: ['HLTH', 'AGRI', 'LIVSTK', 'WATR'],
    cores: [
      (s) =>
        `${cap(s.target)} reported ${s.rng.pick(['an unexplained cluster of patients with the same gastrointestinal symptoms', 'a missing vial of a reference strain from a laboratory freezer', 'unauthorized entry to a livestock barn followed by a sick animal', 'a cluster of taste and odor complaints near a water storage tank'])}. ${cap(s.observer)} notified the fusion center as a precaution.`,
    ],
    facts: [
      () => 'the events share a location and time window that chance does not explain',
      () => 'access logs show an unknown person in the affected area before the event',
    ],
  },
};
