/**
 * Term frequencies for the fields that adjust exact-match weights (given name, surname): two
 * records agreeing on "smith" is weaker evidence than agreeing on "siggins". Only values seen
 * at least twice are kept, at most MAX_VALUES per field, so the stored model stays small; an
 * unlisted value is treated as seen once.
 */
import type { Prepared } from './specs.ts';
import type { TypeSpec } from './spec.ts';

const MAX_VALUES = 5000;

export function termFrequencies(
  spec: TypeSpec<unknown>,
  prepared: readonly Prepared[],
): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const field of spec.fields) {
    if (!field.termFrequencyValue) continue;
    const counts = new Map<string, number>();
    let present = 0;
    for (const p of prepared) {
      const v = field.termFrequencyValue(p.features);
      if (v === undefined) continue;
      present++;
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    const common = [...counts]
      .filter(([, c]) => c >= 2)
      .sort(([va, a], [vb, b]) => b - a || va.localeCompare(vb))
      .slice(0, MAX_VALUES);
    out[field.name] = Object.fromEntries(common.map(([v, c]) => [v, c / present]));
  }
  return out;
}
