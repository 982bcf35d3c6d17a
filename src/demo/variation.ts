/**
 * How one record sees a real entity. Agencies write the same person differently: a
 * nickname instead of the given name, a typo in the surname, day and month of birth swapped,
 * an old address, a plate read with a character missing. These variations are the work the
 * entity-resolution issue has to do, so they are frequent enough to matter and rare enough
 * that most observations still agree.
 */
import { streetLine, type AddressParts } from './addresses.ts';
import type { Organization } from './organizations.ts';
import type { Person, Vehicle } from './people.ts';
import type { Random } from './random.ts';

/** How much a record knows: a booking knows everything, a SAR often only a name. */
export type Detail = 'full' | 'partial' | 'name_only';

export type Attributes = Record<string, unknown>;

/** One keyboard slip: swap, drop or double a letter, or change a vowel. */
export function typo(rng: Random, s: string): string {
  if (s.length < 4) return s;
  const i = rng.int(1, s.length - 2);
  switch (rng.int(0, 3)) {
    case 0:
      return s.slice(0, i) + s.charAt(i + 1) + s.charAt(i) + s.slice(i + 2);
    case 1:
      return s.slice(0, i) + s.slice(i + 1);
    case 2:
      return s.slice(0, i) + s.charAt(i) + s.slice(i);
    default: {
      const vowels = 'aeiou';
      let at = -1;
      for (let k = 1; k < s.length && at < 0; k++) if (vowels.includes(s.charAt(k))) at = k;
      if (at < 0) return s.slice(0, i) + s.slice(i + 1);
      const swap = vowels.charAt((vowels.indexOf(s.charAt(at)) + 1) % 5);
      return s.slice(0, at) + swap + s.slice(at + 1);
    }
  }
}

function variedGivenName(rng: Random, p: Person): string {
  const r = rng.next();
  if (r < 0.18) return p.given.nicknames.length > 0 ? rng.pick(p.given.nicknames) : p.given.name;
  if (r < 0.2) return typo(rng, p.given.name);
  if (r < 0.22) return p.given.name.toUpperCase();
  return p.given.name;
}

function variedSurname(rng: Random, p: Person): string {
  const r = rng.next();
  if (r < 0.03) return typo(rng, p.surname);
  if (r < 0.05) return p.surname.toUpperCase();
  return p.surname;
}

/** Mostly right; sometimes day/month swapped, a year digit off, partial or absent. */
export function variedDateOfBirth(rng: Random, dob: string, detail: Detail): string | undefined {
  const [y = '', m = '', d = ''] = dob.split('-');
  const r = rng.next();
  const missing = detail === 'name_only' ? 0.6 : detail === 'partial' ? 0.25 : 0.05;
  if (r < missing) return undefined;
  if (r < missing + 0.05 && Number(d) <= 12 && d !== m) return `${y}-${d}-${m}`;
  // A year keyed one off (never from 29 February, which the neighbouring year may lack).
  if (r < missing + 0.08 && !(m === '02' && d === '29'))
    return `${Number(y) + rng.pick([-1, 1])}-${m}-${d}`;
  if (r < missing + 0.13) return y;
  if (r < missing + 0.15) return `${y}-${m}`;
  return dob;
}

/** The address as this agency wrote it: suffix spelled out or not, case, ZIP, unit. */
export function variedAddress(rng: Random, a: AddressParts): Attributes {
  const abbreviated = rng.chance(0.7);
  let street = streetLine(rng.chance(0.85) ? a : { ...a, unit: null }, abbreviated);
  let city = a.city;
  if (rng.chance(0.1)) {
    street = street.toUpperCase();
    city = city.toUpperCase();
  }
  const out: Attributes = { street, city, state: 'VA' };
  if (rng.chance(0.8)) out['postcode'] = a.zip;
  if (rng.chance(0.3)) out['country'] = 'US';
  return out;
}

export function variedPhone(rng: Random, e164: string): string {
  const n = e164.slice(2);
  const [a, b, c] = [n.slice(0, 3), n.slice(3, 6), n.slice(6)];
  return rng.pick([e164, e164, `${a}-${b}-${c}`, `(${a}) ${b}-${c}`, `${a}.${b}.${c}`, n]);
}

export function describePerson(p: Person): string {
  const feet = Math.floor(p.heightIn / 12);
  return `${p.sex === 'M' ? 'Male' : 'Female'}, ${feet}'${p.heightIn % 12}", ${p.weightLb} lbs, ${p.hair} hair, ${p.eyes} eyes`;
}

function identifiersFor(rng: Random, p: Person, detail: Detail): Attributes[] | undefined {
  if (detail === 'name_only') return undefined;
  const out: Attributes[] = [];
  if (p.driverLicense && rng.chance(detail === 'full' ? 0.85 : 0.35)) {
    // A transposed pair of digits is the classic keying error in licence numbers.
    const value = rng.chance(0.04) ? typo(rng, p.driverLicense) : p.driverLicense;
    out.push({ scheme: 'driver_license', value, issuer: 'VA' });
  }
  // A state id appears where a records check was run: bookings and some contact cards.
  if (p.sid && detail === 'full' && rng.chance(0.5))
    out.push({ scheme: 'sid', value: p.sid, issuer: 'VA' });
  return out.length > 0 ? out : undefined;
}

export function observePerson(rng: Random, p: Person, detail: Detail): Attributes {
  const out: Attributes = { givenName: variedGivenName(rng, p), surname: variedSurname(rng, p) };
  if (p.middleName && rng.chance(detail === 'full' ? 0.6 : 0.2)) {
    out['middleName'] = rng.chance(0.5) ? p.middleName : p.middleName.charAt(0);
  }
  if (p.suffix && rng.chance(0.6)) out['nameSuffix'] = p.suffix;
  if (p.alias && rng.chance(0.35)) out['aliases'] = [p.alias];
  const dob = variedDateOfBirth(rng, p.dateOfBirth, detail);
  if (dob) out['dateOfBirth'] = dob;
  if (rng.chance(detail === 'name_only' ? 0.3 : 0.9)) out['sex'] = p.sex;
  if (detail !== 'name_only' && rng.chance(detail === 'full' ? 0.8 : 0.4)) {
    out['address'] = variedAddress(rng, rng.chance(0.15) ? p.previousAddress : p.address);
  }
  const identifiers = identifiersFor(rng, p, detail);
  if (identifiers) out['identifiers'] = identifiers;
  if (p.phone && rng.chance(detail === 'full' ? 0.4 : 0.15)) {
    out['phones'] = [variedPhone(rng, p.phone.number)];
  }
  if (p.email && rng.chance(0.1)) out['emails'] = [p.email.address];
  if (detail === 'full' && rng.chance(0.5)) out['description'] = describePerson(p);
  return out;
}

/** A plate is read wrong far more often than a VIN: a dropped character, O for 0. */
function variedPlate(rng: Random, plate: string): string {
  const r = rng.next();
  if (r < 0.05) {
    const i = rng.int(0, plate.length - 1);
    return plate.slice(0, i) + plate.slice(i + 1);
  }
  if (r < 0.08) return plate.replace('0', 'O').replace('1', 'I');
  if (r < 0.4) return plate.replace('-', '');
  return plate;
}

/** One character read as its look-alike; the length stays 17 as a VIN field requires. */
function misreadVin(rng: Random, vin: string): string {
  const lookalikes: Record<string, string> = {
    '8': 'B',
    B: '8',
    '5': 'S',
    S: '5',
    '0': 'D',
    D: '0',
    '1': '7',
    '7': '1',
  };
  const positions: number[] = [];
  for (let i = 0; i < vin.length; i++) if (lookalikes[vin.charAt(i)]) positions.push(i);
  if (positions.length === 0) return vin;
  const i = rng.pick(positions);
  return vin.slice(0, i) + (lookalikes[vin.charAt(i)] ?? '') + vin.slice(i + 1);
}

export function observeVehicle(rng: Random, v: Vehicle, detail: Detail): Attributes {
  const out: Attributes = {};
  if (detail === 'full' || rng.chance(0.9)) out['plate'] = variedPlate(rng, v.plate);
  if (out['plate'] && rng.chance(0.9)) out['plateState'] = v.plateState;
  if (detail === 'full' && rng.chance(0.4))
    out['vin'] = rng.chance(0.03) ? misreadVin(rng, v.vin) : v.vin;
  out['make'] = v.make;
  if (rng.chance(0.8)) out['model'] = v.model;
  if (detail !== 'name_only' && rng.chance(0.6))
    out['year'] = rng.chance(0.9) ? v.year : v.year + 1;
  if (rng.chance(0.85)) out['color'] = rng.pick(v.colors);
  return out;
}

export function observeOrganization(rng: Random, o: Organization): Attributes {
  const suffix = o.legalSuffix;
  const r = rng.next();
  let name = o.name;
  if (suffix && r < 0.5) name = `${o.name} ${suffix}`;
  else if (suffix && r < 0.6) name = `${o.name}, ${suffix === 'LLC' ? 'L.L.C.' : `${suffix}.`}`;
  else if (r < 0.65) name = o.name.toUpperCase();
  const out: Attributes = { name };
  if (o.kind === 'business' && rng.chance(0.5)) out['address'] = variedAddress(rng, o.address);
  return out;
}

/** The name a narrative uses for an observed person, matching what the record says. */
export function nameInText(attrs: Attributes): string {
  const given = typeof attrs['givenName'] === 'string' ? attrs['givenName'] : '';
  const surname = typeof attrs['surname'] === 'string' ? attrs['surname'] : '';
  return `${given} ${surname}`.trim();
}
