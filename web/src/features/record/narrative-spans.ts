import type { Observation } from '../../lib/record-labels.ts';

export type NarrativePart = { text: string; observation?: Observation };

/**
 * The narrative cut into plain text and the stretches where extraction found an entity
 * (observations' textStart/textEnd offsets). Offsets outside the text are ignored; where two
 * overlap, the one that starts first (then the longer) wins, so no text is shown twice.
 */
export function narrativeParts(
  narrative: string,
  observations: readonly Observation[],
): NarrativePart[] {
  const found = observations
    .filter(
      (o): o is Observation & { textStart: number; textEnd: number } =>
        o.textStart !== null &&
        o.textEnd !== null &&
        o.textStart >= 0 &&
        o.textStart < o.textEnd &&
        o.textEnd <= narrative.length,
    )
    .sort((a, b) => a.textStart - b.textStart || b.textEnd - a.textEnd);
  const parts: NarrativePart[] = [];
  let at = 0;
  for (const o of found) {
    if (o.textStart < at) continue;
    if (o.textStart > at) parts.push({ text: narrative.slice(at, o.textStart) });
    parts.push({ text: narrative.slice(o.textStart, o.textEnd), observation: o });
    at = o.textEnd;
  }
  if (at < narrative.length) parts.push({ text: narrative.slice(at) });
  return parts;
}
