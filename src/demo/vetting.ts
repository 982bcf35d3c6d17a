/**
 * The demo's SAR vetting: the fusion center's reviewer and analyst (sarreviewer.vfc,
 * saranalyst.vfc) work through the oldest SARs waiting in the reviewer's queue, through the
 * same service, rule and audit as the API, so every state of the life cycle has examples
 * with their history — and both queues have SARs waiting when the demo opens.
 */
import type { ServiceContext } from '../shared/context.ts';
import { getRecord } from '../modules/records/records.service.ts';
import { performerOf, type SarState } from '../modules/records/sar-vetting.ts';
import { listSarQueue, transitionSar } from '../modules/records/sar-vetting.service.ts';
import { listUsers } from '../modules/users/users.service.ts';
import { loadViewer } from '../modules/users/viewer-loader.ts';

const RATIONALE: Readonly<Partial<Record<SarState, string>>> = {
  initial_review: 'Taken for Part 1 review against the ISE-SAR behaviour criteria.',
  rejected:
    'Does not meet the Part B criteria: the activity has a plain innocent explanation in the report itself.',
  analyst_review:
    'Meets the behaviour criteria, with the reasonable-person qualifier; forwarded for the nexus determination.',
  no_nexus:
    'Database checks and local context show no potential nexus to terrorism; kept locally as a non-ISE SAR.',
  ise_sar:
    'Behaviour and context are reasonably indicative of pre-operational planning: potential terrorism nexus.',
  shared: 'Submitted to the NSI SAR Data Repository (eGuardian).',
};

/** Where the oldest waiting SARs end up, in queue order; the rest stay submitted. */
const OUTCOMES: readonly (readonly SarState[])[] = [
  ...repeat(3, ['initial_review', 'rejected']),
  ...repeat(3, ['initial_review', 'analyst_review', 'no_nexus']),
  ...repeat(3, ['initial_review', 'analyst_review', 'ise_sar']),
  ...repeat(2, ['initial_review', 'analyst_review', 'ise_sar', 'shared']),
  ...repeat(6, ['initial_review', 'analyst_review']),
  ...repeat(4, ['initial_review']),
];

function repeat(n: number, steps: readonly SarState[]): (readonly SarState[])[] {
  return Array.from({ length: n }, () => steps);
}

/** Returns how many SARs were moved along. */
export async function vetDemoSars(ctx: ServiceContext): Promise<number> {
  const reviewer = await personaContext(ctx, 'sarreviewer.vfc');
  const analyst = await personaContext(ctx, 'saranalyst.vfc');
  const queue = await listSarQueue(reviewer, { step: 'initial_review', limit: OUTCOMES.length });
  for (const [i, sar] of queue.items.entries()) {
    for (const to of OUTCOMES[i] ?? []) {
      await transitionSar(performerOf(to) === 'initial_review' ? reviewer : analyst, sar.id, {
        to,
        rationale: RATIONALE[to] ?? to,
        ...(to === 'ise_sar' ? await factsOf(analyst, sar.id) : {}),
      });
    }
  }
  return queue.items.length;
}

/** The analyst confirms the reporting party's articulable facts as the SAR-05 field. */
async function factsOf(ctx: ServiceContext, id: string) {
  const facts = (await getRecord(ctx, id, { audit: false })).payload['articulableFacts'];
  return typeof facts === 'string' ? { articulableFacts: facts } : {};
}

async function personaContext(ctx: ServiceContext, username: string): Promise<ServiceContext> {
  const [user] = (await listUsers(ctx, { username, limit: 1 })).items;
  const viewer = user && (await loadViewer(ctx.db, user.id, null));
  if (!viewer) throw new Error(`demo persona ${username} is missing`);
  return { ...ctx, viewer };
}
