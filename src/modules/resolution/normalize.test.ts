import { describe, expect, it } from 'vitest';
import {
  compareDob,
  compareIdentifiers,
  compareName,
  compareStreet,
  nameParts,
  withinOneEdit,
} from './comparators.ts';
import {
  areNicknameEquivalent,
  dateDigits,
  foldText,
  nameKey,
  normalizePhone,
  normalizeStreet,
  organizationKey,
  parseDateOfBirth,
} from './normalize.ts';
import { streetParts } from './person-spec.ts';

const given = (s: string) => nameParts(nameKey(s), true);
const dobLevel = (a: string, b: string) => {
  const [x, y] = [parseDateOfBirth(a), parseDateOfBirth(b)];
  return compareDob(x, y, dateDigits(x), dateDigits(y));
};

describe('name normalisation', () => {
  it('folds case, accents and punctuation so spellings of one name are equal', () => {
    expect(nameKey("O'Connor")).toBe(nameKey('OCONNOR'));
    expect(nameKey('José')).toBe('jose');
    expect(nameKey('Mc Donald-Smith')).toBe('mcdonaldsmith');
    expect(foldText('  Smith & Sons, Inc. ')).toBe('smith and sons inc');
    expect(nameKey(' .- ')).toBeUndefined();
  });

  it('treats common US nicknames as the same given name, and not unrelated names', () => {
    for (const [a, b] of [
      ['bob', 'robert'],
      ['bobby', 'rob'],
      ['bill', 'william'],
      ['billy', 'will'],
      ['liz', 'elizabeth'],
      ['beth', 'betty'],
      ['peggy', 'margaret'],
      ['chuck', 'charles'],
      ['jim', 'james'],
      ['steve', 'stephen'],
      ['steven', 'stephen'],
    ]) {
      expect(areNicknameEquivalent(a ?? '', b ?? ''), `${a} ~ ${b}`).toBe(true);
    }
    expect(areNicknameEquivalent('bob', 'william')).toBe(false);
    expect(areNicknameEquivalent('pat', 'patrick')).toBe(true);
    expect(areNicknameEquivalent('pat', 'patricia')).toBe(true);
    expect(areNicknameEquivalent('patrick', 'patricia')).toBe(false);
  });

  it('grades given names: exact, nickname, one slip, phonetic, initial, different', () => {
    expect(compareName(given('Robert'), given('ROBERT'), true)).toBe('exact');
    expect(compareName(given('Bob'), given('Robert'), true)).toBe('nickname');
    expect(compareName(given('Jonathan'), given('Jonathon'), true)).toBe('jw94');
    expect(compareName(given('Catherine'), given('Kathryn'), true)).toBe('phonetic');
    expect(compareName(given('J'), given('James'), true)).toBe('initial');
    expect(compareName(given('Maria'), given('Deshawn'), true)).toBe('else');
    expect(compareName(given('Maria'), undefined, true)).toBeNull();
  });
});

describe('dates of birth', () => {
  it('parses full and partial dates, with or without dashes', () => {
    expect(parseDateOfBirth('1977-05-01')).toEqual({ year: 1977, month: 5, day: 1 });
    expect(parseDateOfBirth('19770501')).toEqual({ year: 1977, month: 5, day: 1 });
    expect(parseDateOfBirth('1977-05')).toEqual({ year: 1977, month: 5 });
    expect(parseDateOfBirth('1977')).toEqual({ year: 1977 });
  });

  it('reads impossible dates as unknown rather than guessing', () => {
    for (const s of [
      '1937-12-33',
      '19371233',
      '1991-00-17',
      '1923-11-64',
      '2023-02-29',
      '1980-04-31',
      'soon',
    ]) {
      expect(parseDateOfBirth(s), s).toBeUndefined();
    }
    expect(parseDateOfBirth('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('grades transpositions, keying slips and partial agreement', () => {
    expect(dobLevel('1980-03-07', '1980-03-07')).toBe('exact');
    expect(dobLevel('1980-03-07', '1980-07-03')).toBe('transposed');
    expect(dobLevel('1980-03-07', '1980-03-08')).toBe('typo');
    expect(dobLevel('1980-12-13', '1980-12-31')).toBe('typo'); // neighbouring digits swapped
    expect(dobLevel('1979-06-15', '1980-06-15')).toBe('typo'); // year keyed one off
    expect(dobLevel('1980-03-07', '1980-03')).toBe('partial');
    expect(dobLevel('1980-03-07', '1980')).toBe('partial');
    expect(dobLevel('1980-03-07', '1980-11')).toBe('year');
    expect(dobLevel('1980-03-07', '1980-11-20')).toBe('year');
    expect(dobLevel('1980-03-07', '1955-11-20')).toBe('else');
    expect(dobLevel('1980-03-07', '1980-02-30')).toBeNull(); // impossible: unknown
  });
});

describe('addresses, phones, identifiers', () => {
  it('abbreviates street suffixes and directions the USPS way', () => {
    expect(normalizeStreet('606 North Sunset Parkway, Apt. 4')).toBe('606 n sunset pkwy apt 4');
    expect(normalizeStreet('606 N Sunset Pkwy Apt 4')).toBe('606 n sunset pkwy apt 4');
  });

  it('sees a building name and street written in the other order as the same address', () => {
    const a = streetParts('51 hurley street, lakes retirement estate');
    const b = streetParts('51 lakes retirement estate, hurley street');
    expect(compareStreet(a, b)).toBe('exact');
    expect(compareStreet(streetParts('51 Hurley St'), streetParts('15 Hurley St'))).toBe(
      'same_street',
    );
  });

  it('writes North American phones as E.164 however they were typed', () => {
    for (const s of [
      '(540) 555-6190',
      '540.555.6190',
      '5405556190',
      '+1 540 555 6190',
      '1-540-555-6190',
    ]) {
      expect(normalizePhone(s), s).toBe('+15405556190');
    }
    expect(normalizePhone('12')).toBeUndefined();
  });

  it('matches identifiers within a scheme, tolerating one keying slip', () => {
    const dl = (value: string) => [{ scheme: 'driver_license', value }];
    expect(compareIdentifiers(dl('B95466726'), dl('B95466726'))).toBe('exact');
    expect(compareIdentifiers(dl('B95466726'), dl('B95466276'))).toBe('typo');
    expect(compareIdentifiers(dl('B95466726'), dl('T05263645'))).toBe('conflict');
    expect(compareIdentifiers(dl('B95466726'), [{ scheme: 'sid', value: 'B95466726' }])).toBeNull();
    expect(withinOneEdit('ABC123', 'AB123')).toBe(true);
    expect(withinOneEdit('ABC123', 'BAC213')).toBe(false);
  });

  it('drops legal forms from organisation names', () => {
    expect(organizationKey('Liberty Logistics Corp., L.L.C.')).toBe('liberty logistics');
    expect(organizationKey('The LIBERTY LOGISTICS')).toBe('liberty logistics');
  });
});
