/**
 * Suspicious activity reports: picks a behaviour and a target, decides who saw it and how,
 * whether the subject was identified, and writes a narrative from the behaviour's scenes
 * (sar-scenes.ts). Part 2 behaviours carry articulable facts (SAR-05). Private partners,
 * transit and public health report about their own sectors, as they do in practice.
 */
import { SAR_BEHAVIOURS, type SarBehaviourCode } from '../modules/records/sar-codes.ts';
import { streetName } from './addresses.ts';
import { mentionSite, type RecordContext } from './mentions.ts';
import { WeightedPicker } from './random.ts';
import { BEHAVIOUR_SCENES, type SarScene, type TargetSector } from './sar-scenes.ts';
import {
  aftermath,
  castSubject,
  castVehicle,
  chooseHowObserved,
  contactSentence,
  observerOf,
  type HowObserved,
} from './sar-people.ts';
import { CRITICAL_INFRASTRUCTURE_SITES } from './sites.ts';
import { pickTarget, pointNearSite } from './targets.ts';
import type { RecordDraft } from './drafts.ts';

/** Rough shares of SAR behaviours in fusion-center reporting: watching and photographing lead. */
const BEHAVIOUR_PICKER = new WeightedPicker<SarBehaviourCode>([
  ['SURVL', 16],
  ['PHOTO', 14],
  ['ELICIT', 10],
  ['THREAT', 9],
  ['INTRSN', 9],
  ['TESTSEC', 8],
  ['AVIATION', 6],
  ['THEFT', 5],
  ['MATRLS', 5],
  ['MISREP', 4],
  ['SABOT', 4],
  ['CYBER', 3],
  ['WPNS', 3],
  ['EXPERT', 2],
  ['RECRUT', 1.5],
  ['SECTOR', 1.5],
]);

/** Agencies that report about one sector of their own. */
const AGENCY_SECTOR: Readonly<Record<string, TargetSector>> = {
  'cpl-utility': 'ENRG',
  'ttr-port': 'TRANS',
  'prwa-water': 'WATR',
  vdh: 'HLTH',
  'fairfax-fire': 'EMRG',
  'richmond-ems': 'HLTH',
  'wmata-pd': 'TRANS',
  vadoc: 'CORR',
};

const PART: ReadonlyMap<string, number> = new Map(SAR_BEHAVIOURS.map((b) => [b.code, b.part]));

export function isPart2(code: SarBehaviourCode): boolean {
  return PART.get(code) === 2;
}

export type SarOptions = {
  behaviour?: SarBehaviourCode;
  sector?: TargetSector;
  howObserved?: HowObserved;
};

function chooseBehaviour(ctx: RecordContext, options: SarOptions): SarBehaviourCode {
  if (options.behaviour) return options.behaviour;
  if (ctx.agency.key === 'vdh')
    return ctx.rng.pick(['SECTOR', 'SECTOR', 'THREAT', 'THEFT'] as const);
  const b = BEHAVIOUR_PICKER.pick(ctx.rng);
  // Drone reports in Northern Virginia come only from the trend stream (records.ts), so the
  // planted surge is measured against a baseline the generator controls.
  return b === 'AVIATION' && ctx.region === 'nova' ? 'SURVL' : b;
}

const OUTCOMES = [
  'The subject left the area before officers arrived.',
  'Officers checked the area with negative results.',
  'The information is forwarded to the fusion center for review.',
  'The facility reviewed its camera footage and preserved a copy.',
  'No further contact was made.',
  'The subject was advised of trespass rules and released.',
];

/** Nuclear stations exist only where they are: elsewhere the target is the power grid. */
function siteOnlySector(sector: TargetSector, countyFips: string): TargetSector {
  if (sector !== 'NCLR') return sector;
  const hasSite = CRITICAL_INFRASTRUCTURE_SITES.some(
    (s) => s.sector === 'NCLR' && s.countyFips === countyFips,
  );
  return hasSite ? sector : 'ENRG';
}

export function buildSar(ctx: RecordContext, options: SarOptions = {}): RecordDraft<'sar'> {
  const { rng } = ctx;
  const behaviour = chooseBehaviour(ctx, options);
  const spec = BEHAVIOUR_SCENES[behaviour];
  const affinity = AGENCY_SECTOR[ctx.agency.key];
  const sector = siteOnlySector(
    options.sector ?? (affinity && rng.chance(0.8) ? affinity : rng.pick(spec.sectors)),
    ctx.county.fips,
  );
  const target = pickTarget(rng, sector, ctx.county.fips, streetName(ctx.address));
  const how = options.howObserved ?? chooseHowObserved(ctx);
  const observer = observerOf(ctx, how);
  if (target.site) mentionSite(ctx, target.site);
  const cast = castSubject(ctx, target, observer.who);
  castVehicle(ctx, cast);
  const core = rng.pick(spec.cores)(cast.scene);
  const narrative = `${observer.opening} ${core}${aftermath(cast, core)}${contactSentence(ctx, behaviour, cast.person)} ${rng.pick(OUTCOMES)}`;
  const part2 = isPart2(behaviour);
  return {
    title: `${spec.title}: ${target.short}, ${ctx.county.label}`,
    narrative,
    payload: {
      behaviours:
        part2 && rng.chance(0.15)
          ? [behaviour, rng.pick(['SURVL', 'PHOTO'] as const)]
          : [behaviour],
      targetSectors: [sector],
      howObserved: how,
      ...(part2 ? { articulableFacts: articulableFacts(cast.scene, spec.facts) } : {}),
    },
    durationMinutes: cast.scene.minutes,
    point: target.site ? pointNearSite(rng, target.site, 1.5) : undefined,
    address: target.site?.address,
  };
}

/** SAR-05: the facts that make a Part 2 behaviour reasonably indicative of planning. */
function articulableFacts(scene: SarScene, facts: readonly ((s: SarScene) => string)[]): string {
  const chosen = scene.rng.sample(facts, 2).map((f) => f(scene));
  chosen.push(
    `the activity was out of the ordinary for ${scene.target}, according to ${scene.observer}`,
  );
  return `Articulable facts: ${chosen.map((f, i) => `(${i + 1}) ${f}`).join('; ')}.`;
}
