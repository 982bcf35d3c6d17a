import type { paths } from '../../api/schema';
import type { Caveat, Tlp } from '../../components/MarkingBanner.tsx';
import type { ObservationRole } from '../../lib/record-labels.ts';

export type CreateRecordBody = NonNullable<
  paths['/api/v1/records']['post']['requestBody']
>['content']['application/json'];
type ObservationInput = NonNullable<CreateRecordBody['observations']>[number];
export type ShareLevel = NonNullable<CreateRecordBody['markings']['partnerShare']>;

export type PersonDraft = {
  key: number;
  role: ObservationRole;
  givenName: string;
  surname: string;
  dateOfBirth: string;
  sex: '' | 'F' | 'M' | 'X' | 'U';
  description: string;
};

export type VehicleDraft = {
  key: number;
  role: ObservationRole;
  plate: string;
  plateState: string;
  make: string;
  model: string;
  color: string;
};

/** The submission form's state, as typed: strings until the body is built. */
export type SarDraft = {
  title: string;
  narrative: string;
  /** `datetime-local` values, in the reporter's time zone. */
  occurredFrom: string;
  occurredTo: string;
  behaviours: string[];
  articulableFacts: string;
  targetSectors: string[];
  howObserved: string;
  address: string;
  lat: string;
  lon: string;
  tlp: Tlp;
  caveats: Caveat[];
  partnerShare: ShareLevel;
  persons: PersonDraft[];
  vehicles: VehicleDraft[];
};

export const emptyDraft = (): SarDraft => ({
  title: '',
  narrative: '',
  occurredFrom: '',
  occurredTo: '',
  behaviours: [],
  articulableFacts: '',
  targetSectors: [],
  howObserved: '',
  address: '',
  lat: '',
  lon: '',
  tlp: 'AMBER',
  caveats: ['PII'],
  partnerShare: 'full',
  persons: [],
  vehicles: [],
});

let nextKey = 1;
export const newPerson = (): PersonDraft => ({
  key: nextKey++,
  role: 'subject',
  givenName: '',
  surname: '',
  dateOfBirth: '',
  sex: '',
  description: '',
});
export const newVehicle = (): VehicleDraft => ({
  key: nextKey++,
  role: 'subject',
  plate: '',
  plateState: '',
  make: '',
  model: '',
  color: '',
});

/** Only the attributes that were filled in: the server validates each of them. */
function filled(attributes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(attributes)
      .map(([k, v]) => [k, v.trim()] as const)
      .filter(([, v]) => v !== ''),
  );
}

function observations(draft: SarDraft): ObservationInput[] {
  const people = draft.persons.map(({ key: _k, role, ...a }) => ({
    type: 'person' as const,
    role,
    attributes: filled(a),
  }));
  const vehicles = draft.vehicles.map(({ key: _k, role, ...a }) => ({
    type: 'vehicle' as const,
    role,
    attributes: filled(a),
  }));
  // An address without coordinates cannot place the SAR on the map; it is kept as a place.
  const place =
    draft.address.trim() !== '' && !hasCoordinates(draft)
      ? [
          {
            type: 'location' as const,
            role: 'mentioned' as const,
            attributes: { name: draft.address.trim() },
          },
        ]
      : [];
  return [...people, ...vehicles, ...place];
}

const hasCoordinates = (d: SarDraft) => d.lat.trim() !== '' && d.lon.trim() !== '';
const isoOf = (local: string) => (local ? new Date(local).toISOString() : undefined);

/** The POST /api/v1/records body of a SAR, submitted for vetting or kept as a draft. */
export function toCreateBody(draft: SarDraft, status: 'submitted' | 'draft'): CreateRecordBody {
  const payload: Record<string, unknown> = {
    behaviours: draft.behaviours,
    targetSectors: draft.targetSectors,
  };
  if (draft.howObserved) payload['howObserved'] = draft.howObserved;
  if (draft.articulableFacts.trim()) payload['articulableFacts'] = draft.articulableFacts.trim();
  const occurredFrom = isoOf(draft.occurredFrom);
  const occurredTo = isoOf(draft.occurredTo);
  return {
    kind: 'sar',
    status,
    title: draft.title.trim(),
    narrative: draft.narrative,
    ...(occurredFrom ? { occurredFrom } : {}),
    ...(occurredTo ? { occurredTo } : {}),
    ...(hasCoordinates(draft)
      ? {
          location: {
            lat: Number(draft.lat),
            lon: Number(draft.lon),
            ...(draft.address.trim() ? { address: draft.address.trim() } : {}),
          },
        }
      : {}),
    markings: {
      tlp: draft.tlp,
      caveats: draft.caveats,
      partnerShare: draft.partnerShare,
      networkShare: 'none',
      releasableTo: [],
    },
    payload,
    observations: observations(draft),
  };
}

/**
 * What the form checks before sending (the server checks everything again and names the
 * field): a title; for submission at least one category (SAR-01); for a Part 2 category the
 * reporter's articulable facts; both coordinates or neither.
 */
export function draftProblems(
  draft: SarDraft,
  status: 'submitted' | 'draft',
  part2: ReadonlySet<string>,
): Partial<Record<'title' | 'behaviours' | 'articulableFacts' | 'coordinates', string>> {
  const problems: ReturnType<typeof draftProblems> = {};
  if (draft.title.trim() === '') problems.title = 'Give the report a title.';
  if (status === 'submitted' && draft.behaviours.length === 0)
    problems.behaviours = 'Choose at least one behaviour category to submit the SAR.';
  if (
    status === 'submitted' &&
    draft.behaviours.some((b) => part2.has(b)) &&
    draft.articulableFacts.trim() === ''
  )
    problems.articulableFacts =
      'A Part 2 category needs the articulable facts that make the behaviour suspicious.';
  if ((draft.lat.trim() === '') !== (draft.lon.trim() === ''))
    problems.coordinates = 'Give both latitude and longitude, or neither.';
  return problems;
}
