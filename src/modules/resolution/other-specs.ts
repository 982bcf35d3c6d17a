/**
 * The remaining types. Phones, e-mails, online accounts and bare identifiers are identity
 * types: the normalised value is the entity, so they are not learned. Organisations,
 * locations and weapons have a few fields and learn like persons, with far fewer of them.
 */
import {
  DISTANCE_LEVELS,
  EXACT_LEVELS,
  IDENTIFIER_LEVELS,
  LOCALITY_LEVELS,
  STREET_LEVELS,
  TEXT_LEVELS,
  TOLERANT_LEVELS,
  compareCoordinates,
  compareExact,
  compareIdentifiers,
  compareLocality,
  compareStreet,
  compareText,
  compareToken,
  type Locality,
  type SchemedValue,
  type StreetParts,
} from './comparators.ts';
import {
  foldText,
  normalizeEmail,
  normalizePhone,
  normalizeToken,
  organizationKey,
} from './normalize.ts';
import { identifiersOf, localityOf, streetParts } from './person-spec.ts';
import {
  IDENTITY_PRIORS,
  readNumber,
  readObject,
  readString,
  readStrings,
  type TypeSpec,
} from './spec.ts';

type Place = { street?: StreetParts; locality?: Locality };

function placeOf(attrs: Readonly<Record<string, unknown>>): Place {
  const address = readObject(attrs, 'address');
  const street = streetParts(address ? readString(address, 'street') : undefined);
  const locality = localityOf(address);
  return { ...(street && { street }), ...(locality && { locality }) };
}

const streetField = {
  name: 'street',
  levels: STREET_LEVELS,
  compare: (a: Place, b: Place) => compareStreet(a.street, b.street),
};
const localityField = {
  name: 'locality',
  levels: LOCALITY_LEVELS,
  compare: (a: Place, b: Place) => compareLocality(a.locality, b.locality),
};

type OrganizationFeatures = Place & { names: string[]; identifiers: SchemedValue[] };

/** Best agreement between any of the two organisations' names and aliases. */
function compareOrgNames(a: OrganizationFeatures, b: OrganizationFeatures) {
  const rank: readonly string[] = TEXT_LEVELS;
  let best: string | null = null;
  for (const x of a.names) {
    for (const y of b.names) {
      const level = compareText(x, y);
      if (level !== null && (best === null || rank.indexOf(level) < rank.indexOf(best))) {
        best = level;
      }
    }
  }
  return best;
}

export const ORGANIZATION_SPEC: TypeSpec<OrganizationFeatures> = {
  type: 'organization',
  learned: true,
  prepare: (attrs) => ({
    ...placeOf(attrs),
    names: [readString(attrs, 'name'), ...readStrings(attrs, 'aliases')].flatMap(
      (n) => organizationKey(n) ?? [],
    ),
    identifiers: identifiersOf(attrs),
  }),
  blockingKeys: (f) => [
    ...new Set([
      ...f.names.map((n) => `org:name:${n}`),
      ...f.identifiers.map((i) => `org:id:${i.scheme}:${i.value}`),
    ]),
  ],
  fields: [
    { name: 'name', levels: TEXT_LEVELS, compare: compareOrgNames },
    {
      name: 'identifier',
      levels: IDENTIFIER_LEVELS,
      compare: (a, b) => compareIdentifiers(a.identifiers, b.identifiers),
      priorM: [0.9, 0.05, 0.05],
      priorU: [1e-6, 1e-5, 1 - 1.1e-5],
    },
    streetField,
    localityField,
  ],
  sessions: { 'org:name': ['name'], 'org:id': ['identifier'] },
};

type LocationFeatures = Place & { name?: string; point?: { lat: number; lon: number } };

export const LOCATION_SPEC: TypeSpec<LocationFeatures> = {
  type: 'location',
  learned: true,
  prepare: (attrs) => {
    const name = readString(attrs, 'name');
    const lat = readNumber(attrs, 'lat');
    const lon = readNumber(attrs, 'lon');
    return {
      ...placeOf(attrs),
      ...(name !== undefined && { name: foldText(name) }),
      ...(lat !== undefined && lon !== undefined && { point: { lat, lon } }),
    };
  },
  blockingKeys: (f) => {
    const keys: string[] = [];
    if (f.name !== undefined) keys.push(`loc:name:${f.name}`);
    const where = f.locality?.postcode ?? f.locality?.city;
    if (f.street !== undefined && where !== undefined) {
      keys.push(`loc:addr:${f.street.line}:${where}`);
    }
    return keys;
  },
  fields: [
    { name: 'name', levels: TEXT_LEVELS, compare: (a, b) => compareText(a.name, b.name) },
    streetField,
    localityField,
    {
      name: 'coordinates',
      levels: DISTANCE_LEVELS,
      compare: (a, b) => compareCoordinates(a.point, b.point),
    },
  ],
  sessions: { 'loc:name': ['name'], 'loc:addr': ['street', 'locality'] },
};

type WeaponFeatures = { kind?: string; make?: string; model?: string; serial?: string };

export const WEAPON_SPEC: TypeSpec<WeaponFeatures> = {
  type: 'weapon',
  learned: true,
  prepare: (attrs) => {
    const [kind, make, model] = ['kind', 'make', 'model'].map((k) => readString(attrs, k));
    const serial = normalizeToken(readString(attrs, 'serial'));
    return {
      ...(kind !== undefined && { kind: foldText(kind) }),
      ...(make !== undefined && { make: foldText(make) }),
      ...(model !== undefined && { model: foldText(model) }),
      ...(serial !== undefined && { serial }),
    };
  },
  // Without a serial two handguns of one model are indistinguishable: no key, no candidate.
  blockingKeys: (f) => (f.serial === undefined ? [] : [`w:serial:${f.serial}`]),
  fields: [
    {
      name: 'serial',
      levels: TOLERANT_LEVELS,
      compare: (a, b) => compareToken(a.serial, b.serial),
    },
    { name: 'make', levels: EXACT_LEVELS, compare: (a, b) => compareExact(a.make, b.make) },
    { name: 'model', levels: EXACT_LEVELS, compare: (a, b) => compareExact(a.model, b.model) },
    { name: 'kind', levels: EXACT_LEVELS, compare: (a, b) => compareExact(a.kind, b.kind) },
  ],
  sessions: { 'w:serial': ['serial'] },
};

/** A type whose identity is one normalised value. */
function identitySpec(
  type: 'phone' | 'email',
  field: string,
  normalise: (s: string | undefined) => string | undefined,
): TypeSpec<{ value?: string }> {
  return {
    type,
    learned: false,
    prepare: (attrs) => {
      const value = normalise(readString(attrs, field));
      return value === undefined ? {} : { value };
    },
    blockingKeys: (f) => (f.value === undefined ? [] : [`${type}:value:${f.value}`]),
    fields: [
      {
        name: field,
        levels: EXACT_LEVELS,
        compare: (a, b) => compareExact(a.value, b.value),
        ...IDENTITY_PRIORS,
      },
    ],
    sessions: {},
  };
}

export const PHONE_SPEC = identitySpec('phone', 'number', normalizePhone);
export const EMAIL_SPEC = identitySpec('email', 'address', normalizeEmail);

type AccountFeatures = { service?: string; handle?: string };

export const ONLINE_ACCOUNT_SPEC: TypeSpec<AccountFeatures> = {
  type: 'online_account',
  learned: false,
  prepare: (attrs) => {
    const service = readString(attrs, 'service');
    const handle = readString(attrs, 'handle')?.trim().toLowerCase().replace(/^@/, '');
    return {
      ...(service !== undefined && { service: foldText(service) }),
      ...(handle !== undefined && handle.length > 0 && { handle }),
    };
  },
  blockingKeys: (f) =>
    f.service !== undefined && f.handle !== undefined
      ? [`acct:handle:${f.service}:${f.handle}`]
      : [],
  fields: [
    {
      name: 'service',
      levels: EXACT_LEVELS,
      compare: (a, b) => compareExact(a.service, b.service),
      ...IDENTITY_PRIORS,
    },
    {
      name: 'handle',
      levels: EXACT_LEVELS,
      compare: (a, b) => compareExact(a.handle, b.handle),
      ...IDENTITY_PRIORS,
    },
  ],
  sessions: {},
};

type IdentifierFeatures = { scheme?: string; value?: string };

export const IDENTIFIER_SPEC: TypeSpec<IdentifierFeatures> = {
  type: 'identifier',
  learned: false,
  prepare: (attrs) => {
    const scheme = readString(attrs, 'scheme');
    const value = normalizeToken(readString(attrs, 'value'));
    return { ...(scheme !== undefined && { scheme }), ...(value !== undefined && { value }) };
  },
  blockingKeys: (f) =>
    f.scheme !== undefined && f.value !== undefined ? [`id:value:${f.scheme}:${f.value}`] : [],
  fields: [
    {
      name: 'scheme',
      levels: EXACT_LEVELS,
      compare: (a, b) => compareExact(a.scheme, b.scheme),
      ...IDENTITY_PRIORS,
    },
    {
      name: 'value',
      levels: TOLERANT_LEVELS,
      compare: (a, b) => compareToken(a.value, b.value),
      priorM: [0.99, 0.005, 0.005],
      priorU: [1e-6, 1e-5, 1 - 1.1e-5],
    },
  ],
  sessions: {},
};
