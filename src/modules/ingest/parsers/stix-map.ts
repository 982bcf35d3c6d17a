/**
 * Validated STIX objects to `cyber_indicator` record bodies. Observables become payload
 * observables, and those an entity type can hold become observations too (an IPv4/IPv6
 * address or short hash as an `identifier`, a domain or URL as an `online_account`, an
 * e-mail address as an `email`). Identities are observations on the records they created.
 */
import type { z } from 'zod';
import type { Tlp } from '../../../access/markings.ts';
import {
  observationAttributeSchemas,
  type ObservationType,
} from '../../entities/observation-types.ts';
import { splitName } from './names.ts';
import type {
  identitySchema,
  indicatorSchema,
  observedDataSchema,
  threatActorSchema,
} from './stix-validate.ts';

export type Indicator = z.infer<typeof indicatorSchema>;
export type ObservedData = z.infer<typeof observedDataSchema>;
export type Identity = z.infer<typeof identitySchema>;
export type ThreatActor = z.infer<typeof threatActorSchema>;
export type Observable = { type: string; value: string };
export type Observation = {
  type: ObservationType;
  role: string;
  attributes: Record<string, unknown>;
};

/** What the bundle has shown so far: identities and observables by STIX id. */
export type Lookup = {
  identity: (id: string) => Identity | undefined;
  observables: (id: string) => Observable[] | undefined;
};

const TLP_ORDER: readonly Tlp[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];
/** DOMAIN-REFERENCE §6.1: TLP 2.0 ids, then the TLP 1.0 ids STIX 2.1 predefines (WHITE is CLEAR). */
const TLP_BY_MARKING: Record<string, Tlp> = {
  'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487': 'CLEAR',
  'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb': 'GREEN',
  'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421': 'AMBER',
  'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003': 'AMBER+STRICT',
  'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1': 'RED',
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'CLEAR',
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'GREEN',
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'AMBER',
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'RED',
};
const PATTERN_TYPES = ['stix', 'snort', 'suricata', 'yara', 'sigma', 'pcre'];
// `type:path = 'literal'`, the simple comparisons whose value names one observable.
const COMPARISON =
  /([a-z][a-z0-9-]{0,60}):([A-Za-z0-9_.'-]{1,80})\s{0,20}=\s{0,20}'((?:[^'\\]|\\.){0,2000})'/g;

type Common = {
  object_marking_refs?: string[] | undefined;
  granular_markings?: { marking_ref: string }[] | undefined;
};

/** The most restrictive TLP the object is marked with, granular markings included. */
export function markingsOf(o: Common): { tlp: Tlp } | undefined {
  const refs = [
    ...(o.object_marking_refs ?? []),
    ...(o.granular_markings ?? []).map((g) => g.marking_ref),
  ];
  const levels = refs.map((r) => TLP_BY_MARKING[r]).filter((t) => t !== undefined);
  if (levels.length === 0) return undefined;
  return { tlp: levels.reduce((a, b) => (TLP_ORDER.indexOf(b) > TLP_ORDER.indexOf(a) ? b : a)) };
}

/** Observables named by equality comparisons in a STIX pattern; anything else is skipped. */
export function patternObservables(pattern: string): Observable[] {
  if (pattern.length > 10_000) return [];
  const found: Observable[] = [];
  for (const m of pattern.matchAll(COMPARISON)) {
    const [, objectType = '', path = '', literal = ''] = m;
    const value = literal.replace(/\\(.)/g, '$1');
    const prop = path.replace(/'/g, '');
    if (
      prop === 'value' &&
      ['ipv4-addr', 'ipv6-addr', 'domain-name', 'url', 'email-addr'].includes(objectType)
    )
      found.push({ type: objectType, value });
    else if (objectType === 'email-message' && prop === 'from_ref.value')
      found.push({ type: 'email-addr', value });
    else if (objectType === 'file' && prop.startsWith('hashes.'))
      found.push({ type: `file:${prop}`, value });
    else if (objectType === 'file' && prop === 'name') found.push({ type: 'file:name', value });
  }
  return dedupe(found);
}

function dedupe(observables: Observable[]): Observable[] {
  const seen = new Set<string>();
  return observables
    .filter((o) => {
      const key = `${o.type}\u0000${o.value}`;
      if (seen.has(key) || o.value === '' || o.value.length > 2000) return false;
      seen.add(key);
      return true;
    })
    .slice(0, 500);
}

/** An observation only when the entity schema accepts it: never fail a record for one. */
function checked(
  type: ObservationType,
  role: string,
  attributes: Record<string, unknown>,
): Observation[] {
  return observationAttributeSchemas[type].safeParse(attributes).success
    ? [{ type, role, attributes }]
    : [];
}

export function observationsFor(observables: Observable[]): Observation[] {
  return observables.flatMap(({ type, value }): Observation[] => {
    if (type === 'ipv4-addr' || type === 'ipv6-addr')
      return checked('identifier', 'mentioned', { scheme: 'other', value, issuer: type });
    if (type === 'domain-name')
      return checked('online_account', 'mentioned', { service: 'domain', handle: value });
    if (type === 'url')
      return checked('online_account', 'mentioned', { service: 'web', url: value });
    if (type === 'email-addr') return checked('email', 'mentioned', { address: value });
    if (type.startsWith('file:hashes.'))
      return checked('identifier', 'mentioned', { scheme: 'other', value, issuer: type.slice(12) });
    return [];
  });
}

export function identityObservation(identity: Identity, role: string): Observation[] {
  if (identity.identity_class === 'individual') {
    const parts = splitName(identity.name, 'first_last');
    return checked('person', role, { ...parts });
  }
  return checked('organization', role, { name: identity.name.trim() });
}

function title(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 500 ? `${t.slice(0, 499)}…` : t;
}

type Body = Record<string, unknown>;

function baseBody(
  o: { id: string; revoked?: boolean | undefined; created_by_ref?: string | undefined } & Common,
  heading: string,
  lookup: Lookup,
): Body {
  const body: Body = { kind: 'cyber_indicator', sourceRecordId: o.id, title: title(heading) };
  const markings = markingsOf(o);
  if (markings) body['markings'] = markings;
  if (o.revoked === true) body['status'] = 'closed';
  const creator = o.created_by_ref === undefined ? undefined : lookup.identity(o.created_by_ref);
  if (creator) body['observations'] = identityObservation(creator, 'reporting_party');
  return body;
}

function addObservations(body: Body, observations: Observation[]): void {
  const existing = (body['observations'] as Observation[] | undefined) ?? [];
  const all = [...existing, ...observations].slice(0, 500);
  if (all.length > 0) body['observations'] = all;
}

export function indicatorBody(o: Indicator, lookup: Lookup): Body {
  const observables = patternObservables(o.pattern);
  const body = baseBody(o, o.name ?? `Indicator ${o.pattern}`, lookup);
  body['narrative'] = o.description ?? '';
  const payload: Body = {
    stixId: o.id,
    pattern: o.pattern,
    patternType: PATTERN_TYPES.includes(o.pattern_type) ? o.pattern_type : 'other',
    validFrom: o.valid_from,
  };
  if (o.valid_until) payload['validUntil'] = o.valid_until;
  const types = (o.indicator_types ?? []).filter((t) => t.length <= 60).slice(0, 20);
  if (types.length > 0) payload['indicatorTypes'] = types;
  if (observables.length > 0) payload['observables'] = observables;
  body['payload'] = payload;
  addObservations(body, observationsFor(observables));
  return body;
}

export function observedDataBody(o: ObservedData, lookup: Lookup, embedded: Observable[]): Body {
  const referenced = (o.object_refs ?? []).flatMap((ref) => lookup.observables(ref) ?? []);
  const observables = dedupe([...embedded, ...referenced]);
  const shown = observables
    .slice(0, 3)
    .map((x) => x.value)
    .join(', ');
  const body = baseBody(o, shown ? `Observed ${shown}` : `Observed data ${o.id}`, lookup);
  body['narrative'] =
    `Observed ${o.number_observed} time(s) between ${o.first_observed} and ${o.last_observed}.`;
  body['occurredFrom'] = o.first_observed;
  body['occurredTo'] = o.last_observed;
  body['payload'] = observables.length > 0 ? { observables } : {};
  addObservations(body, observationsFor(observables));
  return body;
}

export function threatActorBody(o: ThreatActor, lookup: Lookup): Body {
  const body = baseBody(o, `Threat actor: ${o.name}`, lookup);
  body['narrative'] = o.description ?? '';
  const names = [o.name, ...(o.aliases ?? [])];
  body['payload'] = {
    observables: dedupe(names.map((value) => ({ type: 'threat-actor', value }))),
  };
  if (o.first_seen) body['occurredFrom'] = o.first_seen;
  if (o.last_seen) body['occurredTo'] = o.last_seen;
  const aliases = (o.aliases ?? []).filter((a) => a.trim() !== '').slice(0, 50);
  addObservations(
    body,
    checked(
      'organization',
      'subject',
      aliases.length > 0 ? { name: o.name.trim(), aliases } : { name: o.name.trim() },
    ),
  );
  return body;
}

/** An identity no record in reach referred to: kept as its own record rather than lost. */
export function identityBody(o: Identity, lookup: Lookup): Body {
  const body = baseBody(o, `Identity: ${o.name}`, lookup);
  body['narrative'] = o.description ?? '';
  body['payload'] = { observables: dedupe([{ type: 'identity', value: o.name }]) };
  addObservations(body, identityObservation(o, 'mentioned'));
  return body;
}

/** The observables one validated cyber-observable object stands for. */
export function scoObservables(sco: {
  type: string;
  value?: unknown;
  hashes?: unknown;
  name?: unknown;
}): Observable[] {
  if (typeof sco.value === 'string') return dedupe([{ type: sco.type, value: sco.value }]);
  const found: Observable[] = [];
  if (sco.hashes && typeof sco.hashes === 'object')
    for (const [alg, hash] of Object.entries(sco.hashes))
      if (typeof hash === 'string') found.push({ type: `file:hashes.${alg}`, value: hash });
  if (typeof sco.name === 'string') found.push({ type: `${sco.type}:name`, value: sco.name });
  return dedupe(found);
}
