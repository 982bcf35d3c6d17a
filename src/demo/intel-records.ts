/**
 * Tips and leads and criminal intelligence: the reporting a fusion center receives or
 * writes itself. Intelligence always states its 28 CFR Part 23 predicate (CI-01) and names
 * a control official.
 */
import {
  CRIMINAL_ACTIVITY_TYPES,
  CONTENT_VALIDITY,
  SOURCE_RELIABILITY,
} from '../modules/records/record-kinds.ts';
import type { TIP_CLASSES } from '../modules/records/sar-codes.ts';
import { streetLine } from './addresses.ts';
import type { RecordDraft } from './drafts.ts';
import {
  hasRoom,
  mentionAccount,
  mentionOrganization,
  mentionPerson,
  mentionPhone,
  mentionVehicle,
  officerName,
  pickPerson,
  type RecordContext,
} from './mentions.ts';
import type { Person } from './people.ts';
import { WeightedPicker } from './random.ts';

type TipClass = (typeof TIP_CLASSES)[number];
type TipText = (subject: string, extra: string, ctx: RecordContext) => string;

const TIPS: readonly (readonly [TipClass[], TipText])[] = [
  [
    ['THRTPUB'],
    (s, x) =>
      `${s} has been posting about "making an example" of the school board and recently bought a rifle.${x}`,
  ],
  [
    ['FRAUD'],
    (s, x) =>
      `${s} takes deposits from elderly homeowners for roof repairs and never does the work.${x}`,
  ],
  [
    ['LAUND'],
    (s, x) =>
      `${s} runs a car wash that deposits far more cash than its customer traffic could support.${x}`,
  ],
  [
    ['CNTFTG'],
    (s, x) =>
      `${s} is selling pills pressed to look like oxycodone out of a vehicle behind the gas station.${x}`,
  ],
  [
    ['HATE'],
    (s, x) =>
      `${s} has been leaving flyers from a hate group at the community center and confronting members.${x}`,
  ],
  [
    ['EXPL'],
    (s, x) =>
      `neighbors hear explosions in the woods behind the home of ${s} on weekends and saw PVC pipe and powder containers.${x}`,
  ],
  [
    ['INFRA'],
    (s, x) =>
      `${s}, recently fired by a utility contractor, said he "knows exactly which substations to hit".${x}`,
  ],
  [
    ['CYBER'],
    (s, x) =>
      `${s} claims on an online forum to have access to a county network and is selling passwords.${x}`,
  ],
  [
    ['FUND'],
    (s, x) =>
      `${s} is collecting donations door to door for a charity no one can find any record of.${x}`,
  ],
  [
    [],
    (s, x, ctx) =>
      `${s} is selling fentanyl from the residence at ${streetLine(ctx.address)}, with heavy short-stay traffic at night.${x}`,
  ],
  [
    [],
    (s, x) =>
      `women appear to be living inside the massage business where ${s} works; men come and go late at night.${x}`,
  ],
];

const HEALTH_TIPS: readonly (readonly [TipClass[], TipText])[] = [
  [
    ['CNTFTG'],
    (s, x) =>
      `${s} is injecting customers with unapproved weight-loss drugs at a home "clinic".${x}`,
  ],
  [['CTMN'], (s, x) => `${s} is reselling expired infant formula relabelled with new dates.${x}`],
  [
    ['BIO'],
    (s, x) =>
      `${s} ordered lab cultures to a home address and talked about "making people sick".${x}`,
  ],
];

const TIP_LABELS: Readonly<Record<TipClass, string>> = {
  BIO: 'biological threat',
  CHEM: 'chemical threat',
  CNTFTG: 'counterfeit goods',
  CTMN: 'product contamination',
  CYBER: 'cyber threat',
  EXPL: 'explosives',
  FRAUD: 'fraud',
  FUND: 'suspicious fundraising',
  HATE: 'hate crime',
  INCEND: 'incendiary device',
  INFRA: 'threat to infrastructure',
  LAUND: 'money laundering',
  NCLR: 'nuclear or radiological',
  SPCSA: 'special-status subject',
  SPCSP: 'special-status person',
  SPCSSBST: 'special substance',
  THRTPUB: 'threat to the public',
  VRUS: 'virus or outbreak',
};

const RECEIVED_VIA = {
  phone: 'by phone',
  web: 'through the web form',
  email: 'by e-mail',
  walk_in: 'in person',
  text: 'by text message',
} as const;

function tipExtras(ctx: RecordContext, person: Person): string {
  let extra = '';
  if (person.vehicle && hasRoom(ctx) && ctx.rng.chance(0.35)) {
    extra += ` The subject drives ${mentionVehicle(ctx, person.vehicle, 'mentioned', 'name_only')}.`;
  }
  if (person.phone && hasRoom(ctx) && ctx.rng.chance(0.3)) {
    extra += ` The subject's number is ${mentionPhone(ctx, person.phone, 'subject')}.`;
  }
  if (person.account && hasRoom(ctx) && ctx.rng.chance(0.3)) {
    extra += ` The subject uses the ${mentionAccount(ctx, person.account, 'subject')}.`;
  }
  return extra;
}

export function buildTip(ctx: RecordContext): RecordDraft<'tip'> {
  const { rng } = ctx;
  const [classes, text] = rng.pick(ctx.agency.key === 'vdh' ? HEALTH_TIPS : TIPS);
  const person = pickPerson(ctx);
  const subject = mentionPerson(ctx, person, 'subject', 'name_only');
  const anonymous = rng.chance(0.6);
  const via = rng.pick(['phone', 'web', 'web', 'email', 'walk_in', 'text'] as const);
  const tipster = via === 'phone' ? 'caller' : 'tipster';
  let caller = `An anonymous ${tipster}`;
  if (!anonymous && hasRoom(ctx)) {
    caller = `${mentionPerson(ctx, pickPerson(ctx), 'reporting_party', 'partial')}, a ${rng.pick(['neighbor', 'coworker', 'relative', 'former partner', 'customer'])} of the subject,`;
  }
  const body = text(subject, tipExtras(ctx, person), ctx);
  return {
    title: `Tip: ${classes[0] ? TIP_LABELS[classes[0]] : 'criminal activity'} involving ${subject.replace(/ \(DOB [^)]*\)/, '')}`,
    narrative: `Received ${ctx.when.date} at ${ctx.when.time} ${RECEIVED_VIA[via]}. ${caller} reports that ${body} The ${tipster} ${rng.pick(['could not give further details', 'agreed to be recontacted', 'sent photographs with the tip', 'has seen this several times over the past month'])}.`,
    payload: {
      receivedVia: via,
      anonymous,
      ...(classes.length > 0 ? { tipClasses: classes } : {}),
      ...(rng.chance(0.3)
        ? { tipDomain: rng.pick(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const) }
        : {}),
    },
    durationMinutes: rng.int(5, 30),
  };
}

type ActivityType = (typeof CRIMINAL_ACTIVITY_TYPES)[number];

const ACTIVITY_PICKER = new WeightedPicker<ActivityType>([
  ['drug_trafficking', 25],
  ['gang_activity', 20],
  ['weapons_trafficking', 10],
  ['violent_extremism', 8],
  ['human_trafficking', 8],
  ['fraud', 8],
  ['money_laundering', 6],
  ['organized_crime', 5],
  ['violent_crime', 5],
  ['smuggling', 3],
  ['cybercrime', 3],
  ['terrorism', 2],
  ['property_crime', 2],
  ['public_corruption', 1],
]);

const ACTIVITY_WORDS: Readonly<Record<ActivityType, string>> = {
  drug_trafficking: 'distributing fentanyl and methamphetamine along the I-95 corridor',
  gang_activity:
    'directing street-level sales and retaliatory shootings for a criminal street gang',
  weapons_trafficking: 'buying handguns through straw purchasers and moving them to New York',
  violent_extremism:
    'organizing armed "training" for a group that advocates violence against officials',
  human_trafficking:
    'recruiting and transporting women for commercial sex through illicit massage businesses',
  fraud: 'running a stolen-identity unemployment-benefits scheme',
  money_laundering: 'placing drug proceeds through cash-intensive front businesses',
  organized_crime: 'running organized retail theft crews that fence goods online',
  violent_crime: 'a series of armed robberies of convenience stores',
  smuggling: 'smuggling untaxed cigarettes out of Virginia to northern states',
  cybercrime: 'selling access to compromised municipal networks',
  terrorism: 'expressing intent and taking steps toward an attack on critical infrastructure',
  property_crime: 'catalytic converter thefts across several jurisdictions',
  public_corruption: 'accepting payments to steer county contracts',
  other: 'criminal activity under review',
};

/** The subject's network as the report lists it: associates, a group or front, a phone. */
function networkSentences(ctx: RecordContext, lead: Person, activity: ActivityType): string[] {
  const { rng } = ctx;
  const associates: string[] = [];
  for (let i = rng.int(1, 2); i > 0 && hasRoom(ctx); i--) {
    associates.push(mentionPerson(ctx, pickPerson(ctx), 'associate', 'partial'));
  }
  const grouped = activity === 'gang_activity' || activity === 'organized_crime';
  const organization = grouped
    ? ctx.population.pickCriminalGroup(rng)
    : ctx.population.organization(ctx.population.pickOrganizationIndex(rng));
  const org = hasRoom(ctx)
    ? mentionOrganization(ctx, organization, grouped ? 'subject' : 'associate')
    : null;
  const phone = lead.phone && hasRoom(ctx) ? mentionPhone(ctx, lead.phone, 'subject') : null;
  return [
    associates.length ? `Known associates: ${associates.join('; ')}.` : '',
    org && grouped ? `The subject is a member of ${org}.` : '',
    org && !grouped ? `The subject uses ${org} as a front.` : '',
    phone ? `The subject uses phone ${phone}.` : '',
  ];
}

export function buildIntelReport(ctx: RecordContext): RecordDraft<'intel_report'> {
  const { rng } = ctx;
  const activity = ACTIVITY_PICKER.pick(rng);
  const lead = pickPerson(ctx);
  const leadName = mentionPerson(ctx, lead, 'subject', 'full');
  const network = networkSentences(ctx, lead, activity);
  const control = officerName(rng, ctx.agency).replace(/ #\d+$/, '');
  const words = ACTIVITY_WORDS[activity];
  const narrative = [
    `${leadName} is believed to be ${words}.`,
    ...network,
    `Information current as of ${ctx.when.date}.`,
  ]
    .filter(Boolean)
    .join(' ');
  return {
    title: `Criminal intelligence: ${leadName.replace(/ \(DOB [^)]*\)/, '')} (${activity.replace(/_/g, ' ')})`,
    narrative,
    payload: {
      criminalActivityType: activity,
      reasonableSuspicion: `Reasonable suspicion that the subject is ${words}, based on ${rng.pick(['controlled purchases by an informant', 'a cooperating defendant’s statement corroborated by surveillance', 'financial records obtained by subpoena', 'seizures linked to the subject in two jurisdictions', 'recorded jail calls'])}.`,
      sourceReliability: rng.pick(SOURCE_RELIABILITY),
      contentValidity: rng.pick(CONTENT_VALIDITY),
      sourceNature: rng.pick([
        'anonymous_tip',
        'trained_interviewer',
        'public_record',
        'trained_interviewer',
      ] as const),
      controlOfficial: control,
    },
    durationMinutes: rng.int(60, 60 * 24 * 14),
  };
}
