/**
 * Extraction quality and speed on the demo world (issue #3): for each record, the mentions its
 * narrative must yield are the planted observations whose values literally appear in it
 * (src/modules/extraction/planted-mentions.ts); extractEntities runs on the narrative and its
 * results are matched by kind and normalised value. Writes precision, recall, F1 and
 * narratives/s to docs/benchmarks.md.
 *   node bench/extraction.ts [--records 2000] [--seed 20250630]
 */
import { parseArgs } from 'node:util';
import { DEMO_AGENCIES } from '../src/demo/agencies.ts';
import { generateDemoWorld } from '../src/demo/world.ts';
import { extractEntities } from '../src/modules/extraction/extract.ts';
import {
  appears,
  expectedMentions,
  normaliseName,
  normalisePlate,
  SCORED_KINDS,
  scoreRecord,
  statelessPlates,
  UNVERIFIABLE_KINDS,
  type KindScore,
} from '../src/modules/extraction/planted-mentions.ts';
import { STATE_NAMES } from '../src/modules/extraction/us-states.ts';
import { describeMachine } from './machine.ts';
import { writeSection } from './report.ts';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '20250630' },
  },
});
const seed = Number(values.seed);
const world = generateDemoWorld({ seed, records: Number(values.records) });
const records = [...world.records()].map((r) => ({
  narrative: r.body.narrative,
  observations: r.body.observations,
  address: r.body.location.address,
}));
type BenchRecord = (typeof records)[number];
const narratives = records.map((r) => r.narrative);
const meanLength = (texts: readonly string[]) =>
  Math.round(texts.reduce((n, t) => n + t.length, 0) / texts.length);

/**
 * Narratives per second over `texts`: the median of five timed passes after two untimed ones,
 * so JIT warm-up and a busy neighbour on a shared machine move the figure less.
 */
function throughput(texts: readonly string[]): number {
  const pass = () => {
    const start = performance.now();
    for (const t of texts) extractEntities(t);
    return texts.length / ((performance.now() - start) / 1000);
  };
  pass();
  pass();
  const rates = [pass(), pass(), pass(), pass(), pass()].sort((a, b) => a - b);
  return Math.round(rates[2] ?? 0);
}
// ~1 kB narratives: three consecutive demo narratives read as one report.
const longTexts = narratives.flatMap((_, i) =>
  i % 3 === 0 ? [narratives.slice(i, i + 3).join(' ')] : [],
);
const rates = { demo: throughput(narratives), long: throughput(longTexts) };

/**
 * Organisations and places that are real but not planted as observations: the reporting
 * agencies named in the text ("a Fusion Liaison Officer with Fairfax County Police
 * Department") and the record's own locality ("responded to 2690 Birch Way, Lorton").
 */
const agencyNames = DEMO_AGENCIES.map((a) => ` ${normaliseName(a.name)} `);
const stateNames = new Set(STATE_NAMES.map((s) => s.toLowerCase()));
function isRealButUnplanted(kind: string, text: string, record: BenchRecord): boolean {
  if (kind === 'organization')
    return agencyNames.some((a) => a.includes(` ${normaliseName(text)} `));
  if (kind === 'place') return appears(record.address, text) || stateNames.has(text.toLowerCase());
  return false;
}

const zero: KindScore = { tp: 0, fp: 0, fn: 0, repeats: 0 };
const add = (a: KindScore, b: KindScore): KindScore => ({
  tp: a.tp + b.tp,
  fp: a.fp + b.fp,
  fn: a.fn + b.fn,
  repeats: a.repeats + b.repeats,
});
const totals = new Map<string, KindScore>();
const realButUnplanted = new Map<string, number>();
const unverifiable = new Map<string, number>();
const otherFalsePositives = new Map<string, Map<string, number>>();
const misses = new Map<string, Map<string, number>>();
const plates = { stateless: 0, withDefaultFound: 0, withDefaultPlanted: 0 };
const count = <K>(m: Map<K, number>, key: K) => m.set(key, (m.get(key) ?? 0) + 1);
const bump = (m: Map<string, Map<string, number>>, kind: string, text: string) => {
  m.set(kind, count(m.get(kind) ?? new Map<string, number>(), text));
};

for (const record of records) {
  const { narrative, observations } = record;
  const found = extractEntities(narrative);
  const score = scoreRecord(narrative, expectedMentions(narrative, observations), found);
  for (const [kind, s] of score.byKind) totals.set(kind, add(totals.get(kind) ?? zero, s));
  for (const e of found) {
    if ((UNVERIFIABLE_KINDS as readonly string[]).includes(e.kind)) count(unverifiable, e.kind);
  }
  for (const fp of score.falsePositives) {
    if (isRealButUnplanted(fp.kind, fp.text, record)) count(realButUnplanted, fp.kind);
    else bump(otherFalsePositives, fp.kind, fp.text);
  }
  for (const miss of score.misses) bump(misses, miss.kind, miss.key);
  plates.stateless += statelessPlates(narrative, observations);
  countPlatesWithDefaultState(record);
}

/** Plate recall when the caller says unmarked plates are Virginia's, as the VFC would. */
function countPlatesWithDefaultState({ narrative, observations }: BenchRecord) {
  const planted = observations.flatMap((o) => {
    const plate = o.attributes['plate'];
    return o.type === 'vehicle' && typeof plate === 'string' && appears(narrative, plate)
      ? [normalisePlate(plate)]
      : [];
  });
  const found = new Set(
    extractEntities(narrative, { defaultPlateState: 'VA' })
      .filter((e) => e.kind === 'plate')
      .map((e) => normalisePlate(String(e.attributes['plate']))),
  );
  plates.withDefaultPlanted += planted.length;
  plates.withDefaultFound += planted.filter((p) => found.has(p)).length;
}

const ratio = (a: number, b: number) => (b === 0 ? '—' : (a / b).toFixed(3));
function f1(s: KindScore): string {
  if (s.tp === 0) return '—';
  const p = s.tp / (s.tp + s.fp);
  const r = s.tp / (s.tp + s.fn);
  return ((2 * p * r) / (p + r)).toFixed(3);
}
function row(label: string, s: KindScore, real: number | undefined): string {
  const lenient = real === undefined ? '—' : ratio(s.tp + real, s.tp + s.fp);
  const cells = [s.tp + s.fn, s.tp + s.fp, s.tp, s.fp, s.fn].map((n) => n.toLocaleString('en-US'));
  return `| ${label} | ${cells.join(' | ')} | ${ratio(s.tp, s.tp + s.fp)} | ${ratio(s.tp, s.tp + s.fn)} | ${f1(s)} | ${real ?? '—'} | ${lenient} |`;
}
const sum = (kinds: readonly string[]) =>
  kinds.reduce((a, k) => add(a, totals.get(k) ?? zero), zero);
const realIn = (kinds: readonly string[]) =>
  kinds.reduce((n, k) => n + (realButUnplanted.get(k) ?? 0), 0);
function top(m: Map<string, Map<string, number>>, kind: string, n = 3): string {
  const entries = [...(m.get(kind) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1]);
  return (
    entries
      .slice(0, n)
      .map(([text, c]) => `"${text}" ×${c}`)
      .join(', ') || 'none'
  );
}

const withoutPlace = SCORED_KINDS.filter((k) => k !== 'place');
const rows = SCORED_KINDS.map((k) =>
  row(k, totals.get(k) ?? zero, k === 'organization' || k === 'place' ? realIn([k]) : undefined),
);
const markdown = `## Extraction (issue #3) — precision and recall on the demo world

Machine: ${describeMachine()}. Run: ${new Date().toISOString().slice(0, 10)}.

${records.length.toLocaleString('en-US')} demo records (seed ${seed}), narratives of ${meanLength(narratives)} characters on average. Expected mentions are the planted
observations whose value literally appears in the narrative: a person by "given surname", or by
surname alone when only that appears; plates only when planted with a state; organisation and
place names also without a bracketed alias. Matching is by kind and normalised value (case,
punctuation, plate separators, E.164, a trailing legal form). A later mention of a matched person
("Ashcraft" after "Dale E. Ashcraft") counts neither way (repeats here: ${sum(['person']).repeats}).

| kind | expected | extracted | TP | FP | FN | precision | recall | F1 | FP real, not planted | precision counting those |
|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}
${row('**overall**', sum(SCORED_KINDS), realIn(SCORED_KINDS))}
${row('overall without place', sum(withoutPlace), realIn(withoutPlace))}

"FP real, not planted": organisations that are the demo's own agencies named in the text (the
reporting agency, "a contract security officer for Potomac Regional Water Authority") and places
that are the record's own locality or a US state. They are correct mentions the generator did
not plant as observations; the strict columns count them as errors.

Unverifiable (kinds the demo does not plant, counted but not checked): ${UNVERIFIABLE_KINDS.map((k) => `${k} ${unverifiable.get(k) ?? 0}`).join(', ')}.
Not expected: ${plates.stateless} plates planted without a state in the text. Given \`defaultPlateState: 'VA'\`, ${plates.withDefaultFound} of ${plates.withDefaultPlanted} planted plates that appear in the text are found (${ratio(plates.withDefaultFound, plates.withDefaultPlanted)}).

Throughput, one core, all kinds, median of five passes: **${rates.demo.toLocaleString('en-US')} narratives/s** on the demo narratives (${meanLength(narratives)} chars);
**${rates.long.toLocaleString('en-US')} narratives/s** on ~1 kB narratives (three demo narratives joined, ${meanLength(longTexts)} chars).

Remaining errors, most frequent first — false positives: person ${top(otherFalsePositives, 'person')};
organization ${top(otherFalsePositives, 'organization')}; place ${top(otherFalsePositives, 'place')}.
Misses: person ${top(misses, 'person')}; organization ${top(misses, 'organization')}; place ${top(misses, 'place')}; plate ${top(misses, 'plate')}.

Notes:
- **These figures are in-sample.** The name rules were written while reading narratives from
  this generator, whose sentences come from a few dozen templates; expect lower figures on real
  narratives, above all for people and organisations; the list of business head words also
  holds the trades the generator uses (towing, check cashing, hookah lounge…). Phones, plates,
  VINs, SSNs and IPs rest on validation (libphonenumber, check digits, ranges) and should carry
  over better.
- **People** are found with compromise's lexicon (first names, surnames) and cheap cues
  ("identified as", "(DOB …)", "reports that", "Mr."). The misses are names the lexicon does not
  know (Hyun, Tuan, Raj, misspelt given names) in sentences without a cue, and a person whose
  surname is a place word ("Raj Hall" read as a place). Officers after a rank ("Sgt. D. Bowman")
  are skipped on purpose: an officer appears in thousands of records and would link unrelated
  subjects through the officer.
- **Organisations**: the false positives are real organisations the generator names without
  planting them — its own agencies as reporting parties (the "real, not planted" column), and
  prisons, Amtrak, Facebook. Names without a business word ("Tre Deuce") are found only after
  "member of" or "uses … as a front".
- **Places**: the generator plants a few named sites as locations, while most narratives name
  their town ("responded to 2690 Birch Way, Lorton"), so strict place precision says little here.
  Site names written in lower case ("the Ashburn data center campus") are missed.
- **Why not compromise's parser**: running compromise's own \`people()\`, \`organizations()\` and
  \`places()\` on the same 2,000 records (measured once, on 2026-11-21, not by this script) gave
  about 270 narratives/s at 360 characters and about 100/s at 1 kB, with person precision 0.52 and
  recall 0.92 before any filtering. The extractor therefore uses compromise's word lists with its
  own tokeniser and rules.
- Not measured here: e-mails, URLs, IPv6, SSNs and VINs do not occur in demo narratives (IPv4
  addresses do, unplanted); unit tests cover them.`;

writeSection('extraction', markdown);
console.log(markdown);
