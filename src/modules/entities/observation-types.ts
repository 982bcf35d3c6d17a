import { z } from 'zod';

/**
 * Observation attributes per type (DOMAIN.md "Entities"). Values are normalised on the way
 * in (trimmed, case-folded where case means nothing) so resolution compares like with like.
 */
export const OBSERVATION_TYPES = [
  'person',
  'organization',
  'vehicle',
  'phone',
  'email',
  'location',
  'weapon',
  'online_account',
  'identifier',
] as const;
export type ObservationType = (typeof OBSERVATION_TYPES)[number];

export const OBSERVATION_ROLES = [
  'subject',
  'victim',
  'witness',
  'reporting_party',
  'associate',
  'mentioned',
] as const;
export type ObservationRole = (typeof OBSERVATION_ROLES)[number];

export const IDENTIFIER_SCHEMES = [
  'ssn',
  'driver_license',
  'state_id',
  'passport',
  'fbi',
  'sid',
  'other',
] as const;

const text = (max = 200) => z.string().trim().min(1).max(max);
const upperToken = (max: number) =>
  z
    .string()
    .max(max * 2)
    .transform((s) => s.toUpperCase().replace(/[\s-]+/g, ''))
    .pipe(z.string().min(1).max(max));

/** YYYY, YYYY-MM or YYYY-MM-DD, and a real calendar date when complete. */
export const partialDateSchema = z
  .string()
  .regex(
    /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
    'must be YYYY, YYYY-MM or YYYY-MM-DD',
  )
  .refine((s) => {
    // zod runs refinements even after the regex fails, so this must not assume the shape.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return true;
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'not a real date');

export const addressSchema = z
  .object({
    street: text().optional(),
    city: text(100).optional(),
    state: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'must be a two-letter state code')
      .optional(),
    postcode: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z -]{3,10}$/, 'not a postal code')
      .optional(),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code')
      .optional(),
  })
  .strict();

export const identifierSchema = z
  .object({
    scheme: z.enum(IDENTIFIER_SCHEMES),
    value: upperToken(40),
    issuer: text(100).optional(),
  })
  .strict();

const phoneNumber = z
  .string()
  .trim()
  .max(40)
  .transform((s) => s.replace(/[\s().-]/g, ''))
  .pipe(z.string().regex(/^\+?[0-9]{7,15}$/, 'not a phone number'));
const emailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email('not an e-mail address'));
const lat = z.number().min(-90).max(90);
const lon = z.number().min(-180).max(180);

export const observationAttributeSchemas = {
  person: z
    .object({
      givenName: text(100).optional(),
      middleName: text(100).optional(),
      surname: text(100).optional(),
      nameSuffix: text(20).optional(),
      aliases: z.array(text(200)).max(50).optional(),
      dateOfBirth: partialDateSchema.optional(),
      sex: z.enum(['F', 'M', 'X', 'U']).optional(),
      address: addressSchema.optional(),
      identifiers: z.array(identifierSchema).max(50).optional(),
      phones: z.array(phoneNumber).max(50).optional(),
      emails: z.array(emailAddress).max(50).optional(),
      description: text(2000).optional(),
    })
    .strict()
    .refine((p) => p.givenName ?? p.surname ?? p.aliases?.length ?? p.identifiers?.length, {
      message: 'a person needs a name, an alias or an identifier',
    }),
  vehicle: z
    .object({
      plate: upperToken(10).optional(),
      plateState: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{2}$/)
        .optional(),
      vin: upperToken(17).optional(),
      make: text(60).optional(),
      model: text(60).optional(),
      year: z.number().int().min(1886).max(2100).optional(),
      color: text(40).optional(),
    })
    .strict()
    .refine((v) => v.plate ?? v.vin ?? v.make, { message: 'a vehicle needs a plate, VIN or make' }),
  phone: z.object({ number: phoneNumber }).strict(),
  email: z.object({ address: emailAddress }).strict(),
  organization: z
    .object({
      name: text(300),
      aliases: z.array(text(300)).max(50).optional(),
      identifiers: z.array(identifierSchema).max(50).optional(),
      address: addressSchema.optional(),
    })
    .strict(),
  location: z
    .object({
      name: text(300).optional(),
      address: addressSchema.optional(),
      lat: lat.optional(),
      lon: lon.optional(),
    })
    .strict()
    .refine((l) => l.name ?? l.address ?? l.lat !== undefined, {
      message: 'a location needs a name, an address or coordinates',
    }),
  weapon: z
    .object({
      kind: text(60),
      make: text(60).optional(),
      model: text(60).optional(),
      serial: upperToken(40).optional(),
    })
    .strict(),
  online_account: z
    .object({
      service: text(100),
      handle: text(200).optional(),
      url: z.url().max(2000).optional(),
    })
    .strict(),
  identifier: identifierSchema,
} as const satisfies Record<ObservationType, z.ZodType>;

export const observationInputSchema = z
  .object({
    type: z.enum(OBSERVATION_TYPES),
    role: z.enum(OBSERVATION_ROLES).default('mentioned'),
    attributes: z.record(z.string(), z.unknown()),
    textStart: z.number().int().min(0).optional(),
    textEnd: z.number().int().min(0).optional(),
  })
  .strict();
export type ObservationInput = z.infer<typeof observationInputSchema>;
