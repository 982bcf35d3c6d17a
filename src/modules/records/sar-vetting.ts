/**
 * The SAR life cycle (SAR-03) and who may move a SAR along it (SAR-04, SAR-05, SAR-07), as
 * pure functions: the service loads the facts and the policy, this decides, the service
 * writes. Nothing here reads the clock or the database, so a property test can walk every
 * sequence of requests (sar-vetting.property.test.ts).
 */
import { hasPermission } from '../../access/permissions.ts';
import type { Viewer } from '../../access/viewer.ts';
import { SAR_BEHAVIOURS } from './sar-codes.ts';

export const SAR_STATES = [
  'draft',
  'submitted',
  'initial_review',
  'rejected',
  'analyst_review',
  'no_nexus',
  'ise_sar',
  'shared',
  'withdrawn',
] as const;
export type SarState = (typeof SAR_STATES)[number];

/** A SAR is created in one of these; every later state is reached by a transition. */
export const SAR_START_STATES = ['draft', 'submitted'] as const satisfies readonly SarState[];

/**
 * The graph. Withdrawal (by the reporting agency) is possible until a determination is made:
 * after `rejected`, `no_nexus` or `ise_sar` the decision stands on the record and the SAR
 * follows retention (SAR-09) rather than disappearing from the vetting history.
 */
export const SAR_NEXT: Readonly<Record<SarState, readonly SarState[]>> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['initial_review', 'withdrawn'],
  initial_review: ['analyst_review', 'rejected', 'withdrawn'],
  analyst_review: ['ise_sar', 'no_nexus', 'withdrawn'],
  ise_sar: ['shared'],
  rejected: [],
  no_nexus: [],
  shared: [],
  withdrawn: [],
};

export const VETTING_STEPS = ['initial_review', 'analyst_review'] as const;
export type VettingStep = (typeof VETTING_STEPS)[number];

/** The states a SAR waits in for each vetting step (the queue of that step). */
export const STEP_WAITING_STATES: Readonly<Record<VettingStep, readonly SarState[]>> = {
  initial_review: ['submitted', 'initial_review'],
  analyst_review: ['analyst_review'],
};

/** The role that performs each step (SAR-04). */
export const STEP_ROLE = { initial_review: 'sar_reviewer', analyst_review: 'sar_analyst' } as const;

/** Who performs a transition into each state: the reporting agency or one of the two steps. */
const PERFORMER: Readonly<Record<SarState, 'owner' | VettingStep>> = {
  draft: 'owner',
  submitted: 'owner',
  withdrawn: 'owner',
  initial_review: 'initial_review',
  rejected: 'initial_review',
  analyst_review: 'initial_review',
  no_nexus: 'analyst_review',
  ise_sar: 'analyst_review',
  shared: 'analyst_review',
};

/** Who performs the transition into `to`. */
export function performerOf(to: SarState): 'owner' | VettingStep {
  return PERFORMER[to];
}

export type SarVettingPolicy = Readonly<{
  /** SAR-04: the two steps by two different people, neither of them the SAR's author. */
  twoPersonVetting: boolean;
  /** SAR-05: shortest articulable facts (trimmed) accepted for a Part 2 ISE-SAR. */
  articulableFactsMinLength: number;
  /** How long an NSI analyst training attestation stays current. */
  attestationValidMonths: number;
}>;

/** What the rule needs to know about one SAR. */
export type SarFacts = Readonly<{
  state: string;
  ownerAgencyId: string;
  behaviours: readonly string[];
  /** Who entered the SAR and who submitted it: they do not vet it under the two-person rule. */
  authorUserIds: readonly string[];
  /** Who made the Part 1 decision (moved it to analyst_review), if anyone has. */
  part1DeciderUserId: string | null;
}>;

export type SarHistoryEntry = Readonly<{ toState: string; actorUserId: string }>;

export type TransitionRequest = Readonly<{
  to: SarState;
  rationale: string;
  articulableFacts?: string | undefined;
}>;

export type Refusal =
  | { kind: 'illegal'; message: string }
  | { kind: 'invalid'; path: string; message: string }
  | {
      kind: 'forbidden';
      rule: 'owner' | 'role' | 'attestation' | 'two_person';
      message: string;
    };

const PART_2 = new Set<string>(SAR_BEHAVIOURS.filter((b) => b.part === 2).map((b) => b.code));

export function isSarState(s: string): s is SarState {
  return (SAR_STATES as readonly string[]).includes(s);
}

export function hasPart2Behaviour(behaviours: readonly string[]): boolean {
  return behaviours.some((b) => PART_2.has(b));
}

/** The facts of a SAR from its record and its transitions (oldest first). */
export function vettingFacts(
  sar: { status: string; ownerAgencyId: string; createdByUserId: string | null },
  behaviours: readonly string[],
  history: readonly SarHistoryEntry[],
): SarFacts {
  const authors = new Set<string>();
  if (sar.createdByUserId) authors.add(sar.createdByUserId);
  for (const h of history) if (h.toState === 'submitted') authors.add(h.actorUserId);
  const part1 = history.findLast((h) => h.toState === 'analyst_review');
  return {
    state: sar.status,
    ownerAgencyId: sar.ownerAgencyId,
    behaviours,
    authorUserIds: [...authors],
    part1DeciderUserId: part1?.actorUserId ?? null,
  };
}

/**
 * An NSI analyst training attestation is current from its date (not in the future) until
 * `months` calendar months later.
 */
export function isAttestationCurrent(date: string | null, now: Date, months: number): boolean {
  if (date === null) return false;
  const trained = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(trained.getTime()) || trained > now) return false;
  const lapses = new Date(trained);
  lapses.setUTCMonth(lapses.getUTCMonth() + months);
  return now < lapses;
}

/**
 * Whether this viewer may move the SAR to `to` now, regardless of what the request says:
 * the graph, the performer's role, the attestation and the two-person rule.
 */
export function permissionFor(
  sar: SarFacts,
  viewer: Viewer,
  to: SarState,
  policy: SarVettingPolicy,
  now: Date,
): Refusal | undefined {
  const impossible = illegal(sar, to);
  if (impossible) return impossible;
  const performer = PERFORMER[to];
  if (performer === 'owner') {
    if (viewer.agencyId !== sar.ownerAgencyId || !hasPermission(viewer, 'records:write')) {
      return {
        kind: 'forbidden',
        rule: 'owner',
        message: `Only the reporting agency's staff may move a SAR to '${to}'`,
      };
    }
    return undefined;
  }
  return stepPermission(sar, viewer, to, performer, policy, now);
}

function stepPermission(
  sar: SarFacts,
  viewer: Viewer,
  to: SarState,
  step: VettingStep,
  policy: SarVettingPolicy,
  now: Date,
): Refusal | undefined {
  const role = STEP_ROLE[step];
  if (!viewer.roles.includes(role)) {
    return { kind: 'forbidden', rule: 'role', message: `Moving a SAR to '${to}' needs ${role}` };
  }
  const trained = viewer.attributes.nsiTrainedAnalyst;
  if (
    (to === 'ise_sar' || to === 'shared') &&
    !isAttestationCurrent(trained, now, policy.attestationValidMonths)
  ) {
    return {
      kind: 'forbidden',
      rule: 'attestation',
      message: `The ISE-SAR determination needs NSI analyst training attested within ${policy.attestationValidMonths} months (yours: ${trained ?? 'none'})`,
    };
  }
  if (policy.twoPersonVetting && to !== 'shared') {
    if (sar.authorUserIds.includes(viewer.userId)) {
      return twoPerson('You entered or submitted this SAR; another person vets it');
    }
    if (step === 'analyst_review' && sar.part1DeciderUserId === viewer.userId) {
      return twoPerson('You made the initial review of this SAR; another analyst decides Part 2');
    }
  }
  return undefined;
}

function illegal(sar: SarFacts, to: SarState): Refusal | undefined {
  if (isSarState(sar.state) && SAR_NEXT[sar.state].includes(to)) return undefined;
  return { kind: 'illegal', message: `A SAR in state '${sar.state}' cannot move to '${to}'` };
}

function twoPerson(message: string): Refusal {
  return { kind: 'forbidden', rule: 'two_person', message };
}

/**
 * The full decision on a request: legal from the current state, a rationale (SAR-03), the
 * viewer's right to perform it, and what the target state needs (SAR-01 categories to submit,
 * SAR-05 articulable facts for a Part 2 ISE-SAR).
 */
export function decideTransition(
  sar: SarFacts,
  viewer: Viewer,
  request: TransitionRequest,
  policy: SarVettingPolicy,
  now: Date,
): Refusal | undefined {
  const impossible = illegal(sar, request.to);
  if (impossible) return impossible;
  if (request.rationale.trim().length === 0) {
    return { kind: 'invalid', path: 'rationale', message: 'every transition needs a rationale' };
  }
  const denied = permissionFor(sar, viewer, request.to, policy, now);
  if (denied) return denied;
  return contentRefusal(sar, request, policy);
}

function contentRefusal(
  sar: SarFacts,
  request: TransitionRequest,
  policy: SarVettingPolicy,
): Refusal | undefined {
  const facts = request.articulableFacts?.trim();
  if (request.to === 'submitted' && sar.behaviours.length === 0) {
    return {
      kind: 'invalid',
      path: 'payload.behaviours',
      message: 'a submitted SAR needs at least one behaviour category (SAR-01)',
    };
  }
  if (request.to !== 'ise_sar') {
    return facts === undefined
      ? undefined
      : {
          kind: 'invalid',
          path: 'articulableFacts',
          message: 'articulable facts belong to the ise_sar determination only',
        };
  }
  if (
    hasPart2Behaviour(sar.behaviours) &&
    (facts ?? '').length < policy.articulableFactsMinLength
  ) {
    return {
      kind: 'invalid',
      path: 'articulableFacts',
      message: `a Part 2 behaviour needs articulable facts of at least ${policy.articulableFactsMinLength} characters (SAR-05)`,
    };
  }
  return undefined;
}

export type AllowedTransition = { to: SarState; requiresArticulableFacts: boolean };

/** The transitions this viewer may perform now: the controls a screen shows. */
export function allowedTransitions(
  sar: SarFacts,
  viewer: Viewer,
  policy: SarVettingPolicy,
  now: Date,
): AllowedTransition[] {
  if (!isSarState(sar.state)) return [];
  return SAR_NEXT[sar.state]
    .filter((to) => permissionFor(sar, viewer, to, policy, now) === undefined)
    .map((to) => ({
      to,
      requiresArticulableFacts: to === 'ise_sar' && hasPart2Behaviour(sar.behaviours),
    }));
}
