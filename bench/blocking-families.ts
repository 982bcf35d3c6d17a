/**
 * What each blocking-key family of one observation type contributes, in batch resolution of
 * the demo world: the pairs it makes, the pairs no other family makes, and of those the true
 * ones (ground truth) and the ones the model scores at p ≥ 0.5. A family whose own pairs are
 * almost all false and undecidable costs comparisons for nothing. Used to choose blocking
 * scheme 2 (docs/resolution.md); prints a Markdown table.
 *   node bench/blocking-families.ts [--records 50000] [--type person]
 */
import { parseArgs } from 'node:util';
import type { ObservationType } from '../src/modules/entities/observation-types.ts';
import {
  candidatePairs,
  DEFAULT_MAX_BLOCK_SIZE,
  decodePair,
} from '../src/modules/resolution/blocking.ts';
import { demoObservations } from '../src/modules/resolution/datasets.ts';
import { scorePrepared, typeModelOf } from '../src/modules/resolution/model.ts';
import { prepare } from '../src/modules/resolution/specs.ts';
import { train } from '../src/modules/resolution/training.ts';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '50000' },
    type: { type: 'string', default: 'person' },
  },
});
const type = values.type as ObservationType;
const world = demoObservations(1, Number(values.records));
const observations = world.observations.filter((o) => o.type === type);
const prepared = observations.map(prepare);
const model = typeModelOf(train(observations), type);
const found = candidatePairs(prepared, DEFAULT_MAX_BLOCK_SIZE);

const familiesOf = new Map<number, string[]>();
for (const [family, pairs] of found.byFamily)
  for (const code of pairs) familiesOf.set(code, [...(familiesOf.get(code) ?? []), family]);

type Row = { pairs: number; truePairs: number; own: number; ownTrue: number; ownDecided: number };
const rows = new Map<string, Row>();
for (const [code, families] of familiesOf) {
  const [i, j] = decodePair(code, prepared.length);
  const a = prepared[i]!;
  const b = prepared[j]!;
  const isTrue = world.truth.get(a.id) === world.truth.get(b.id);
  const decided = families.length === 1 && scorePrepared(model, a, b).probability >= 0.5;
  for (const family of families) {
    const row = rows.get(family) ?? { pairs: 0, truePairs: 0, own: 0, ownTrue: 0, ownDecided: 0 };
    rows.set(family, row);
    row.pairs++;
    if (isTrue) row.truePairs++;
    if (families.length > 1) continue;
    row.own++;
    if (isTrue) row.ownTrue++;
    if (decided) row.ownDecided++;
  }
}

const n = (x: number) => x.toLocaleString('en-US');
console.log(
  `${n(observations.length)} ${type} observations of ${n(Number(values.records))} demo records; ${n(familiesOf.size)} candidate pairs\n`,
);
console.log('| family | pairs | true | only this family | of those true | of those p ≥ 0.5 |');
console.log('|---|---|---|---|---|---|');
for (const [family, r] of [...rows].sort((x, y) => y[1].pairs - x[1].pairs))
  console.log(
    `| \`${family}\` | ${n(r.pairs)} | ${n(r.truePairs)} | ${n(r.own)} | ${n(r.ownTrue)} | ${n(r.ownDecided)} |`,
  );
