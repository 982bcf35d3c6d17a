/**
 * People, organisations and places named in a narrative. Runs of capitalised words are
 * classified (name-rules.ts); a lone surname already seen in a full name ("Ashcraft said…") is
 * the same person mentioned again; and two phrasings name an organisation however it is
 * written ("a member of BLOODS (NINE TREY GANGSTERS SET)", "uses X as a front").
 */
import type { Extraction } from './extract.ts';
import { getLexicon } from './lexicon.ts';
import { classifyRun, endsInHeadWord, type Classified } from './name-rules.ts';
import { buildRuns, tokenize, type Run, type Token } from './name-runs.ts';
import { NAME_PARTICLES, NAME_SUFFIXES } from './word-lists.ts';

const bare = (t: Token) => t.text.replace(/\.$/, '');

/** Given, middle and surname from a person's tokens; particles stay with the surname. */
function personAttributes(tokens: readonly Token[], afterTitle: boolean): Record<string, string> {
  const parts = [...tokens];
  const attrs: Record<string, string> = {};
  const suffix = parts.length > 1 ? parts.at(-1) : undefined;
  if (suffix && NAME_SUFFIXES.has(suffix.key)) {
    attrs['nameSuffix'] = bare(suffix);
    parts.pop();
  }
  let s = parts.length - 1;
  while (s > 1 && parts[s - 1]?.shape === 'lower' && NAME_PARTICLES.has(parts[s - 1]?.key ?? ''))
    s--;
  const surname = parts.slice(s).map(bare).join(' ');
  if (parts.length === 1) {
    // "Mr. Kyle" is Mr. Kyle; "identified as Kyle" is someone called Kyle.
    const lex = getLexicon();
    const given =
      !afterTitle &&
      lex.isGivenName(surname.toLowerCase()) &&
      !lex.isSurname(surname.toLowerCase());
    attrs[given ? 'givenName' : 'surname'] = surname;
    return attrs;
  }
  attrs['givenName'] = bare(parts[0]!);
  const middle = parts.slice(1, s).map(bare).join(' ');
  if (middle) attrs['middleName'] = middle;
  attrs['surname'] = surname;
  return attrs;
}

/** "Norfolk International Terminals (Port of Virginia)": the alias belongs to the name. */
function withBracketedAlias(text: string, end: number): number {
  const m = /^ \([A-Z][^()\n.;\d]{0,48}\)/.exec(text.slice(end, end + 52));
  return m ? end + m[0].length : end;
}

function toExtraction(text: string, c: Classified, run: Run): Extraction | undefined {
  const first = c.tokens[0];
  const last = c.tokens.at(-1);
  if (!first || !last) return undefined;
  const end = c.kind === 'person' ? last.end : withBracketedAlias(text, last.end);
  const span = { textStart: first.start, textEnd: end };
  const name = text.slice(first.start, end);
  // The observation schemas cap names at 300 characters and name parts at 100.
  if (name.length > 300) return undefined;
  switch (c.kind) {
    case 'person': {
      const attributes = personAttributes(c.tokens, run.afterTitle);
      if (Object.values(attributes).some((v) => v.length > 100)) return undefined;
      return { type: 'person', kind: 'person', attributes, ...span };
    }
    case 'organization':
      return { type: 'organization', kind: 'organization', attributes: { name }, ...span };
    case 'place':
      return { type: 'location', kind: 'place', attributes: { name }, ...span };
    case 'street':
      return undefined;
  }
}

// The group's name runs to the end of the clause, brackets and odd casing included.
const MEMBER_OF =
  /\b(?:member|members|associate|associates|affiliate|leader|leaders) of (?:the )?([A-Z0-9][^;!?\n]{0,80}?)(?=\.(?:\s|$)|[;!?\n]|,\s+[a-z]|$)/dg;
const AS_A_FRONT = /\buses ([A-Z0-9][^;!?\n]{0,80}?) as a (?:front|shell)\b/dg;
const ABBREVIATED_END = /\b(?:Co|Inc|Corp|Ltd|L\.L\.C|Jr|Sr|Bros)$/;

function organizationsByPhrasing(text: string): Extraction[] {
  const out: Extraction[] = [];
  for (const pattern of [MEMBER_OF, AS_A_FRONT]) {
    for (const m of text.matchAll(pattern)) {
      const start = m.indices?.[1]?.[0] ?? m.index + m[0].indexOf(m[1] ?? '');
      let name = (m[1] ?? '').trimEnd();
      if (ABBREVIATED_END.test(name) && text.charAt(start + name.length) === '.') name += '.';
      if (name.length === 0) continue;
      out.push({
        type: 'organization',
        kind: 'organization',
        attributes: { name },
        textStart: start,
        textEnd: start + name.length,
      });
    }
  }
  return out;
}

/** No person, organisation or place name runs longer; a longer run is a heading or shouting. */
const MAX_NAME_TOKENS = 12;

/**
 * "Harold Schmidt and Elijah Kennedy", "Dulles Airport and Naval Station Norfolk": a run joined
 * by "and" is read in parts, unless it is one organisation or place whose first part is not a
 * complete name by itself ("Fairfax County Fire and Rescue Department"). "&" always joins one
 * name ("Power & Light").
 */
function classifyWithSplits(text: string, run: Run): { run: Run; c: Classified | undefined }[] {
  const out: { run: Run; c: Classified | undefined }[] = [];
  const all = run.tokens;
  const part = (from: number, to: number): Run => ({
    tokens: from === 0 && to === all.length ? all : all.slice(from, to),
    afterRank: from === 0 && run.afterRank,
    afterTitle: from === 0 && run.afterTitle,
  });
  const classify = (r: Run) =>
    r.tokens.length <= MAX_NAME_TOKENS ? classifyRun(text, r) : undefined;
  // Offsets into the run rather than repeated slices of the rest, so a long run stays linear.
  for (let from = 0; ;) {
    let joinedBy = from + 1;
    while (joinedBy < all.length && all[joinedBy]?.key !== 'and') joinedBy++;
    const head = part(from, joinedBy);
    const headC = classify(head);
    if (joinedBy >= all.length) return [...out, { run: head, c: headC }];
    // "Grace Jimenez and Jordan Woods" is two people even though "… Woods" could be a place.
    if (all.length - from <= MAX_NAME_TOKENS && headC?.kind !== 'person') {
      const rest = part(from, all.length);
      const c = classify(rest);
      const wholeName = c?.kind === 'organization' || c?.kind === 'place';
      if (wholeName && !endsInHeadWord(head.tokens)) return [...out, { run: rest, c }];
    }
    out.push({ run: head, c: headC });
    from = joinedBy + 1;
  }
}

export function extractNames(text: string): Extraction[] {
  const runs = buildRuns(text, tokenize(text));
  const found = runs
    .flatMap((run) => classifyWithSplits(text, run))
    .map(({ run, c }) => ({ run, e: c ? toExtraction(text, c, run) : undefined }));
  // Surnames from full names, so that a later lone "Ashcraft" is read as the same person.
  const surnames = new Set<string>();
  for (const { e } of found) {
    const { givenName, surname } = e?.kind === 'person' ? e.attributes : {};
    if (typeof givenName === 'string' && typeof surname === 'string')
      surnames.add(surname.toLowerCase());
  }
  const out: Extraction[] = [];
  for (const { run, e } of found) {
    const lone = run.tokens.length === 1 ? run.tokens[0] : undefined;
    if (lone && !run.afterRank && surnames.has(lone.key) && lone.shape !== 'initial') {
      const attributes = { surname: bare(lone) };
      out.push({
        type: 'person',
        kind: 'person',
        attributes,
        textStart: lone.start,
        textEnd: lone.end,
      });
    } else if (e) out.push(e);
  }
  return [...out, ...organizationsByPhrasing(text)];
}
