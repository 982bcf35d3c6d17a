/**
 * The people, vehicles, organisations and contacts of a report as observations. Each
 * attribute is checked with the observation schema's own rule, so an error names the
 * element that carried the bad value.
 */
import type { z } from 'zod';
import {
  OBSERVATION_ROLES,
  observationAttributeSchemas,
  type ObservationType,
} from '../../entities/observation-types.ts';
import { compileDateFormat, toDateOnly } from './dates.ts';
import { quote } from './csv-values.ts';
import {
  fail,
  findAll,
  readAddress,
  textOf,
  type Found,
  type MapContext,
} from './sar-xml-elements.ts';

const readIso = compileDateFormat('iso');

function readBirthDate(person: Found, ctx: MapContext): string | undefined {
  const found = textOf(person, 'PersonBirthDate/Date');
  if (!found) return undefined;
  if (/^\d{4}(-(0[1-9]|1[0-2]))?$/.test(found.value)) return found.value;
  const t = readIso(found.value);
  if (t) return toDateOnly(t);
  fail(ctx, found.at, `${quote(found.value)} is not a date`);
  return undefined;
}

/** Sets an attribute after checking it with the observation schema's own rule for it. */
function put(
  type: ObservationType,
  attrs: Record<string, unknown>,
  name: string,
  value: unknown,
  at: Found,
  ctx: MapContext,
): void {
  if (value === undefined) return;
  const shape = observationAttributeSchemas[type].shape as Record<string, z.ZodType>;
  const result = shape[name]?.safeParse(value);
  if (!result || result.success) attrs[name] = value;
  else fail(ctx, at, `${type}.${name}: ${result.error.issues[0]!.message}`);
}

function putText(
  type: ObservationType,
  attrs: Record<string, unknown>,
  name: string,
  from: Found,
  path: string,
  ctx: MapContext,
): void {
  const found = textOf(from, path);
  if (found) put(type, attrs, name, found.value, found.at, ctx);
}

function putList(
  type: ObservationType,
  attrs: Record<string, unknown>,
  name: string,
  from: Found,
  path: string,
  ctx: MapContext,
): void {
  const values = findAll(from, path)
    .map((f) => f.el.text.trim())
    .filter((v) => v !== '');
  if (values.length > 0) put(type, attrs, name, values, from, ctx);
}

function readRole(entity: Found, ctx: MapContext): string | undefined {
  const found = textOf(entity, 'RoleCode');
  if (!found) return 'mentioned';
  const role = found.value.toLowerCase();
  if ((OBSERVATION_ROLES as readonly string[]).includes(role)) return role;
  fail(ctx, found.at, `unknown role ${quote(found.value)} (${OBSERVATION_ROLES.join(', ')})`);
  return undefined;
}

function observation(
  type: ObservationType,
  entity: Found,
  attributes: Record<string, unknown>,
  ctx: MapContext,
) {
  const role = readRole(entity, ctx);
  if (role === undefined || Object.keys(attributes).length === 0) return [];
  return [{ type, role, attributes }];
}

export function readPerson(person: Found, ctx: MapContext) {
  const a: Record<string, unknown> = {};
  putText('person', a, 'givenName', person, 'PersonName/PersonGivenName', ctx);
  putText('person', a, 'middleName', person, 'PersonName/PersonMiddleName', ctx);
  putText('person', a, 'surname', person, 'PersonName/PersonSurName', ctx);
  putText('person', a, 'nameSuffix', person, 'PersonName/PersonNameSuffixText', ctx);
  putList('person', a, 'aliases', person, 'PersonAlternateName/PersonFullName', ctx);
  put('person', a, 'dateOfBirth', readBirthDate(person, ctx), person, ctx);
  const sex = textOf(person, 'PersonSexCode');
  if (sex) put('person', a, 'sex', sex.value.toUpperCase(), sex.at, ctx);
  putText('person', a, 'description', person, 'PersonPhysicalDescriptionText', ctx);
  const addressAt = findAll(person, 'Address')[0];
  if (addressAt) put('person', a, 'address', readAddress(addressAt), addressAt, ctx);
  const ids = findAll(person, 'PersonOtherIdentification').flatMap((f) => {
    const value = textOf(f, 'IdentificationID')?.value;
    const scheme = textOf(f, 'IdentificationCategoryText')?.value.toLowerCase() ?? 'other';
    const issuer = textOf(f, 'IdentificationSourceText')?.value;
    return value ? [issuer ? { scheme, value, issuer } : { scheme, value }] : [];
  });
  if (ids.length > 0) put('person', a, 'identifiers', ids, person, ctx);
  putList('person', a, 'phones', person, 'ContactTelephoneNumber/TelephoneNumberFullID', ctx);
  putList('person', a, 'emails', person, 'ContactEmailID', ctx);
  return observation('person', person, a, ctx);
}

export function readVehicle(vehicle: Found, ctx: MapContext) {
  const a: Record<string, unknown> = {};
  const plate = 'ConveyanceRegistrationPlateIdentification';
  putText('vehicle', a, 'plate', vehicle, `${plate}/IdentificationID`, ctx);
  putText('vehicle', a, 'plateState', vehicle, `${plate}/IdentificationSourceText`, ctx);
  putText('vehicle', a, 'vin', vehicle, 'VehicleIdentification/IdentificationID', ctx);
  putText('vehicle', a, 'make', vehicle, 'VehicleMakeCode', ctx);
  putText('vehicle', a, 'model', vehicle, 'VehicleModelCode', ctx);
  putText('vehicle', a, 'color', vehicle, 'ItemColorDescriptionText', ctx);
  const year = textOf(vehicle, 'ItemModelYearDate');
  if (year)
    put(
      'vehicle',
      a,
      'year',
      /^\d{4}$/.test(year.value) ? Number(year.value) : year.value,
      year.at,
      ctx,
    );
  return observation('vehicle', vehicle, a, ctx);
}

export function readOrganization(org: Found, ctx: MapContext) {
  const a: Record<string, unknown> = {};
  putText('organization', a, 'name', org, 'OrganizationName', ctx);
  if (a['name'] === undefined) {
    fail(ctx, org, 'OrganizationName is required');
    return [];
  }
  const addressAt = findAll(org, 'Address')[0];
  if (addressAt) put('organization', a, 'address', readAddress(addressAt), addressAt, ctx);
  return observation('organization', org, a, ctx);
}

/** Report-level phone numbers and e-mail addresses, each its own observation. */
export function readContacts(root: Found, ctx: MapContext) {
  const phones = findAll(root, 'ContactTelephoneNumber/TelephoneNumberFullID').flatMap((f) => {
    const a: Record<string, unknown> = {};
    put('phone', a, 'number', f.el.text.trim() || undefined, f, ctx);
    return a['number'] === undefined ? [] : [{ type: 'phone', role: 'mentioned', attributes: a }];
  });
  const emails = findAll(root, 'ContactEmailID').flatMap((f) => {
    const a: Record<string, unknown> = {};
    put('email', a, 'address', f.el.text.trim() || undefined, f, ctx);
    return a['address'] === undefined ? [] : [{ type: 'email', role: 'mentioned', attributes: a }];
  });
  return [...phones, ...emails];
}

/** The agency that reported the activity: an organisation with its ORI as identifier. */
export function readSourceAgency(root: Found, ctx: MapContext) {
  const at = findAll(root, 'SourceAgency')[0];
  if (!at) return [];
  const a: Record<string, unknown> = {};
  putText('organization', a, 'name', at, 'OrganizationName', ctx);
  const ori = textOf(at, 'OrganizationORIIdentification/IdentificationID');
  if (ori)
    put(
      'organization',
      a,
      'identifiers',
      [{ scheme: 'other', value: ori.value, issuer: 'ORI' }],
      ori.at,
      ctx,
    );
  if (a['name'] === undefined) return [];
  return [{ type: 'organization', role: 'reporting_party', attributes: a }];
}

/** Where the activity took place, as a location observation (name, address, coordinates). */
export function readLocationObservation(
  at: Found,
  lat: number | undefined,
  lon: number | undefined,
  ctx: MapContext,
) {
  const a: Record<string, unknown> = {};
  const name = textOf(at, 'LocationName') ?? textOf(at, 'Address/AddressFullText');
  if (name) put('location', a, 'name', name.value, name.at, ctx);
  const addressAt = findAll(at, 'Address')[0];
  if (addressAt) put('location', a, 'address', readAddress(addressAt), addressAt, ctx);
  if (lat !== undefined && lon !== undefined) Object.assign(a, { lat, lon });
  return Object.keys(a).length > 0 ? [{ type: 'location', role: 'mentioned', attributes: a }] : [];
}
