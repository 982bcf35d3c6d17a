/**
 * What a kind-specific builder returns before the common parts (owner, time, place,
 * markings, ground truth) are put around it by records.ts.
 */
import type { RecordKind } from '../modules/records/record-kinds.ts';
import type { GeoPoint } from './geography.ts';
import type { PayloadOf } from './types.ts';

export type RecordDraft<K extends RecordKind> = {
  title: string;
  narrative: string;
  payload: PayloadOf<K>;
  /** How long the activity lasted; occurredTo = occurredFrom + this. */
  durationMinutes: number;
  /** Overrides the sampled point, e.g. to put a SAR beside the site it is about. */
  point?: GeoPoint | undefined;
  /** The address that goes with an overridden point (the site's street address). */
  address?: string | undefined;
};
