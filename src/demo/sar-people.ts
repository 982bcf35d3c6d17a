/**
 * The people in a SAR: who saw it and how the report opens, who did it (identified or only
 * described), their vehicle and contact details, and what the narrative says after the
 * scene. Kept apart from sar.ts, which decides what happened and where.
 */
import type { HOW_OBSERVED, SarBehaviourCode } from '../modules/records/sar-codes.ts';
import { streetLine } from './addresses.ts';
import {
  hasRoom,
  mentionAccount,
  mentionPerson,
  mentionPhone,
  mentionVehicle,
  officerName,
  pickPerson,
  type RecordContext,
} from './mentions.ts';
import { CLOTHING } from './names.ts';
import type { Person } from './people.ts';
import type { SarScene } from './sar-scenes.ts';
import type { Target } from './targets.ts';

export type HowObserved = (typeof HOW_OBSERVED)[number];

export function chooseHowObserved(ctx: RecordContext): HowObserved {
  const { agency, rng } = ctx;
  if (agency.level === 'private') return 'private_sector_partner';
  if (agency.key === 'vfc')
    return rng.pick(['tip_line', 'tip_line', 'fusion_liaison_officer', 'public']);
  if (agency.discipline !== 'law_enforcement' && agency.discipline !== 'tribal') {
    return rng.pick(['fusion_liaison_officer', 'other']);
  }
  return rng.pick(['officer', 'officer', 'officer', 'public', 'public', 'fusion_liaison_officer']);
}

/** Who saw it (a noun phrase) and how the narrative opens. */
export function observerOf(ctx: RecordContext, how: HowObserved): { who: string; opening: string } {
  const { rng, when } = ctx;
  const at = `On ${when.weekday}, ${when.date}, at approximately ${when.time}`;
  switch (how) {
    case 'officer': {
      const officer = officerName(rng, ctx.agency);
      return {
        who: officer.replace(/ #\d+$/, ''),
        opening: `${at}, ${officer} was on patrol near ${streetLine(ctx.address)}.`,
      };
    }
    case 'public':
      return {
        who: 'the caller',
        opening: `${at}, a ${rng.pick(['resident', 'passer-by', 'delivery driver', 'store employee'])} called 911 to report the following.`,
      };
    case 'private_sector_partner':
      return {
        who: 'a security officer',
        opening: `${at}, a contract security officer for ${ctx.agency.name} reported the following to the fusion center.`,
      };
    case 'tip_line':
      return {
        who: 'the caller',
        opening: `${at}, a caller to the Virginia Fusion Center tip line reported the following.`,
      };
    case 'fusion_liaison_officer':
      return {
        who: 'a Fusion Liaison Officer',
        opening: `${at}, a Fusion Liaison Officer with ${ctx.agency.name} submitted the following.`,
      };
    case 'other':
      return {
        who: 'staff',
        opening: `${at}, staff of ${ctx.agency.name} reported the following.`,
      };
  }
}

function unidentifiedDescription(ctx: RecordContext, sex: 'M' | 'F'): string {
  const { rng } = ctx;
  const age = rng.int(18, 60);
  const inches = Math.round(rng.normal(sex === 'M' ? 70 : 65, 3));
  return `The subject is described as a ${sex === 'M' ? 'male' : 'female'}, approximately ${age - 3}-${age + 3} years old, about ${Math.floor(inches / 12)}'${inches % 12}", ${rng.pick(['thin', 'medium', 'athletic', 'stocky', 'heavy'])} build, wearing ${rng.pick(CLOTHING)}.`;
}

export type Cast = {
  scene: SarScene;
  identifiedAs: string | null;
  person: Person | null;
  /** How the subject was identified, or what the subject looked like. */
  describe: string;
};

export function castSubject(ctx: RecordContext, target: Target, observer: string): Cast {
  const { rng } = ctx;
  const identified = rng.chance(0.45);
  const person = identified ? pickPerson(ctx) : null;
  const sex = person?.sex ?? (rng.chance(0.8) ? 'M' : 'F');
  const noun = sex === 'M' ? 'a man' : 'a woman';
  const name = person
    ? mentionPerson(ctx, person, 'subject', rng.chance(0.5) ? 'partial' : 'name_only')
    : null;
  const scene: SarScene = {
    rng,
    target: target.phrase,
    subject: name ? `${noun} later identified as ${name}` : noun,
    he: sex === 'M' ? 'he' : 'she',
    his: sex === 'M' ? 'his' : 'her',
    vehicle: null,
    observer,
    minutes: rng.int(3, 24) * 5,
    times: rng.int(2, 6),
    highway: rng.pick(['the interstate', 'the main road', 'a side street']),
  };
  const how = rng.pick([
    'a follow-up interview',
    'a consensual contact',
    'a Virginia driver’s license',
    'facility sign-in logs',
  ]);
  const describe = name
    ? `The subject was identified through ${how}.`
    : unidentifiedDescription(ctx, sex);
  return { scene, identifiedAs: name, person, describe };
}

/** The vehicle is often the subject's own; sometimes it is registered to someone else. */
export function castVehicle(ctx: RecordContext, cast: Cast): void {
  if (!hasRoom(ctx) || !ctx.rng.chance(0.45)) return;
  const owner = cast.person?.vehicle && ctx.rng.chance(0.75) ? cast.person : pickPerson(ctx);
  if (!owner.vehicle) return;
  cast.scene.vehicle = mentionVehicle(ctx, owner.vehicle, 'mentioned', 'partial');
}

export function contactSentence(
  ctx: RecordContext,
  code: SarBehaviourCode,
  person: Person | null,
): string {
  if (!person || !hasRoom(ctx)) return '';
  if (
    person.phone &&
    ['ELICIT', 'RECRUT', 'MISREP', 'EXPERT'].includes(code) &&
    ctx.rng.chance(0.4)
  ) {
    return ` The subject gave a call-back number of ${mentionPhone(ctx, person.phone, 'subject')}.`;
  }
  if (person.account && ['THREAT', 'RECRUT'].includes(code) && ctx.rng.chance(0.5)) {
    return ` The subject also posted about it from the ${mentionAccount(ctx, person.account, 'subject')}.`;
  }
  return '';
}

const WORD_CHAR = /\w/;

/** Whether the phrase occurs as whole words ("a man" is not in "a manual valve"). */
function containsPhrase(text: string, phrase: string): boolean {
  const haystack = text.toLowerCase();
  const needle = phrase.toLowerCase();
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
    const before = haystack.charAt(i - 1);
    const after = haystack.charAt(i + needle.length);
    if (!WORD_CHAR.test(before) && !WORD_CHAR.test(after)) return true;
  }
  return false;
}

/**
 * The lines after the scene. A subject the scene never showed (an alarm, an unattended
 * drone) is not described; a named one is still introduced, since the record names them.
 */
export function aftermath(cast: Cast, core: string): string {
  const seen = containsPhrase(core, cast.scene.subject);
  const vehicle = cast.scene.vehicle;
  let text = seen ? ` ${cast.describe}` : '';
  if (seen && cast.identifiedAs && vehicle) {
    text = ' The subject was identified through a records check of the vehicle registration.';
  }
  if (!seen && cast.identifiedAs) {
    text = ` Investigators later identified a person of interest: ${cast.identifiedAs}.`;
  }
  if (vehicle && !core.includes(vehicle)) {
    text += seen ? ` The subject left in ${vehicle}.` : ` ${cap(vehicle)} was seen in the area.`;
  }
  return text;
}

const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
