/**
 * Splits a person's full name as agency exports write it: `DOE, JOHN A` (last_first) or
 * `John A. Doe Jr.` (first_last). Generational suffixes are kept apart because resolution
 * must not read "Jr" as a surname.
 */

export const NAME_ORDERS = ['last_first', 'first_last'] as const;
export type NameOrder = (typeof NAME_ORDERS)[number];

export type NameParts = {
  givenName?: string;
  middleName?: string;
  surname?: string;
  nameSuffix?: string;
};

const SUFFIXES = new Set(['JR', 'SR', 'II', 'III', 'IV']);

function isSuffix(token: string): boolean {
  return SUFFIXES.has(token.replace(/\.$/, '').toUpperCase());
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

/** Removes a trailing suffix token from `tokens` (in place) and returns it. */
function takeSuffix(tokens: string[]): string | undefined {
  if (tokens.length > 1 && isSuffix(tokens[tokens.length - 1]!)) {
    return tokens.pop()!.replace(/\.$/, '');
  }
  return undefined;
}

function parts(
  given: string | undefined,
  middle: string[],
  surname: string | undefined,
  suffix: string | undefined,
): NameParts {
  const result: NameParts = {};
  if (given) result.givenName = given;
  if (middle.length > 0) result.middleName = middle.join(' ');
  if (surname) result.surname = surname;
  if (suffix) result.nameSuffix = suffix;
  return result;
}

export function splitName(fullName: string, order: NameOrder): NameParts {
  const text = fullName.trim();
  if (text === '') return {};
  return order === 'last_first' ? splitLastFirst(text) : splitFirstLast(text);
}

function splitLastFirst(text: string): NameParts {
  const comma = text.indexOf(',');
  if (comma === -1) {
    const tokens = words(text);
    const suffix = takeSuffix(tokens);
    const [surname, given, ...middle] = tokens;
    return parts(given, middle, surname, suffix);
  }
  const surnameTokens = words(text.slice(0, comma));
  const restTokens = words(text.slice(comma + 1).replace(/,/g, ' '));
  const suffix = takeSuffix(surnameTokens) ?? takeSuffix(restTokens);
  const [given, ...middle] = restTokens;
  return parts(given, middle, surnameTokens.join(' ') || undefined, suffix);
}

function splitFirstLast(text: string): NameParts {
  const tokens = words(text.replace(/,/g, ' '));
  const suffix = takeSuffix(tokens);
  if (tokens.length === 1) return parts(tokens[0], [], undefined, suffix);
  const given = tokens.shift();
  const surname = tokens.pop();
  return parts(given, tokens, surname, suffix);
}
