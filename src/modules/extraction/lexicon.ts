/**
 * Word knowledge for the name finder, taken from compromise's built-in lexicon (first names,
 * surnames, places, organisations, honorifics, and its organisation and place head words).
 * We read compromise's data rather than run its parser on every narrative: a full parse costs
 * about 2 ms per 360-character narrative, far over the extraction budget, whereas looking words
 * up costs microseconds. Loaded once, on first use.
 */
import nlp from 'compromise/two';
import { z } from 'zod';

const modelSchema = z.object({
  one: z.object({ lexicon: z.record(z.string(), z.union([z.string(), z.array(z.string())])) }),
  two: z.object({
    orgWords: z.record(z.string(), z.unknown()),
    placeWords: z.record(z.string(), z.unknown()),
  }),
});

export type Lexicon = {
  /** Tags compromise gives a lower-cased word or phrase. */
  tagsOf(word: string): readonly string[];
  isGivenName(word: string): boolean;
  isSurname(word: string): boolean;
  /** A word compromise knows only as ordinary vocabulary (verb, noun, adjective…). */
  isCommonWord(word: string): boolean;
  isPlace(phrase: string): boolean;
  isOrganization(phrase: string): boolean;
  orgWords: ReadonlySet<string>;
  placeWords: ReadonlySet<string>;
};

const GIVEN_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'Person']);
const PLACE_TAGS = new Set(['Place', 'City', 'Region', 'Country']);
const NAME_OR_PROPER = new Set([
  ...GIVEN_TAGS,
  ...PLACE_TAGS,
  'LastName',
  'Organization',
  'SportsTeam',
  'ProperNoun',
  'Honorific',
  'Demonym',
]);

let cached: Lexicon | undefined;

export function getLexicon(): Lexicon {
  cached ??= buildLexicon();
  return cached;
}

function buildLexicon(): Lexicon {
  const model = modelSchema.parse(nlp.model());
  const raw = model.one.lexicon;
  const tagsOf = (word: string): readonly string[] => {
    const v = raw[word];
    return v === undefined ? [] : typeof v === 'string' ? [v] : v;
  };
  const has = (word: string, set: ReadonlySet<string>) => tagsOf(word).some((t) => set.has(t));
  return {
    tagsOf,
    isGivenName: (w) => has(w, GIVEN_TAGS),
    isSurname: (w) => tagsOf(w).includes('LastName'),
    isCommonWord: (w) => {
      const tags = tagsOf(w);
      return tags.length > 0 && !tags.some((t) => NAME_OR_PROPER.has(t));
    },
    isPlace: (p) => has(p, PLACE_TAGS),
    isOrganization: (p) => tagsOf(p).includes('Organization'),
    orgWords: new Set(Object.keys(model.two.orgWords)),
    placeWords: new Set(Object.keys(model.two.placeWords)),
  };
}
