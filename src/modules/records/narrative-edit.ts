/**
 * An edited narrative is mined again, so what the record mentions, and where, stays true of
 * the text an analyst reads (the offsets drive highlighting). Observations keep their
 * identity wherever the new text still supports them, so their entities, merges and the
 * decisions analysts took on them stand:
 * - an observation the submitter listed stays, with its place in the new text or none;
 * - a mention still in the text keeps its observation, with its new offsets;
 * - a mention no longer in the text is removed;
 * - a new mention is written and resolved like any arriving observation (hits included).
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { observations } from '../entities/entities.table.ts';
import type { ObservationInput } from '../entities/observation-types.ts';
import { keyOf, withExtractions } from './record-extraction.ts';
import { observationRow, recordDate } from './record-rows.ts';
import { insertNewObservations, resolveAndCorrelate } from './records.writer.ts';

type Stored = typeof observations.$inferSelect;
type EditedRecord = {
  id: string;
  ownerAgencyId: string;
  narrative: string;
  occurredFrom: Date | null;
  enteredAt: Date;
};

/** Mined from the narrative: a `mentioned` observation with its place in the text. */
const isMined = (o: Stored) => o.role === 'mentioned' && o.textStart !== null;

export async function remineNarrative(
  tx: Db,
  centerId: string,
  record: EditedRecord,
  now: Date,
): Promise<void> {
  const current = await tx
    .select()
    .from(observations)
    .where(eq(observations.recordId, record.id))
    .orderBy(asc(observations.id));
  const listed = current.filter((o) => !isMined(o));
  const mined = withExtractions(record.narrative, listed.map(asInput));
  for (const [i, o] of listed.entries()) await placeIn(tx, o, mined[i]!);
  const previous = current.filter(isMined);
  const { kept, added } = matchMentions(previous, mined.slice(listed.length));
  for (const [o, mention] of kept) await placeIn(tx, o, mention);
  const gone = previous.filter((o) => !kept.has(o)).map((o) => o.id);
  if (gone.length > 0) await tx.delete(observations).where(inArray(observations.id, gone));
  if (added.length === 0) return;
  const of = { id: record.id, ownerAgencyId: record.ownerAgencyId, at: recordDate(record) };
  const rows = added.map((m) => observationRow(m, centerId, of, now));
  const keysOf = await insertNewObservations(tx, centerId, now, rows);
  await resolveAndCorrelate(tx, now, rows, keysOf, new Map([[record.id, record.ownerAgencyId]]));
}

/** A stored observation as submitted (its place in the old text forgotten). */
function asInput(o: Stored): ObservationInput {
  return { type: o.type, role: o.role, attributes: o.attributes };
}

async function placeIn(tx: Db, o: Stored, mined: ObservationInput) {
  const textStart = mined.textStart ?? null;
  const textEnd = mined.textEnd ?? null;
  if (o.textStart === textStart && o.textEnd === textEnd) return;
  await tx.update(observations).set({ textStart, textEnd }).where(eq(observations.id, o.id));
}

/** Each mention of the new text paired with a previous mention of the same thing, if any. */
function matchMentions(previous: readonly Stored[], mentions: readonly ObservationInput[]) {
  const unused = [...previous];
  const kept = new Map<Stored, ObservationInput>();
  const added: ObservationInput[] = [];
  for (const m of mentions) {
    const key = keyOf(m.type, m.attributes);
    const i =
      key === undefined
        ? -1
        : unused.findIndex((o) => o.type === m.type && keyOf(o.type, o.attributes) === key);
    if (i >= 0) kept.set(unused.splice(i, 1)[0]!, m);
    else added.push(m);
  }
  return { kept, added };
}
