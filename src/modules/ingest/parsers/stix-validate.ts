/**
 * Run-time validation of the STIX 2.1 objects Watchfloor maps (indicator, observed-data,
 * identity, threat-actor and the cyber observables it reads), in zod. The product does not
 * load the official JSON Schemas: they are not shipped with it. Instead these schemas are
 * kept at least as strict as the official ones, and stix-validate.test.ts proves it
 * against them (examples, negatives and generated mutations) whenever they are available.
 */
import { z } from 'zod';
import {
  checkCommon,
  extensions,
  externalReference,
  granularMarking,
  hashes,
  identifier,
  killChainPhase,
  millis,
  refTo,
  strings,
  timestamp,
  uri,
} from './stix-common.ts';
import { isEmail, isHostname, isIpv4, isIpv6 } from './stix-formats.ts';

const sdoCommon = {
  spec_version: z.literal('2.1'),
  id: identifier,
  created: millis,
  modified: millis,
  created_by_ref: refTo('identity').optional(),
  labels: strings.optional(),
  revoked: z.boolean().optional(),
  confidence: z.number().int().min(0).max(100).optional(),
  lang: z.string().optional(),
  external_references: z.array(externalReference).min(1).optional(),
  object_marking_refs: z.array(refTo('marking-definition')).min(1).optional(),
  granular_markings: z.array(granularMarking).min(1).optional(),
  extensions: extensions.optional(),
};

function notBefore(later: string | undefined, earlier: string | undefined): boolean {
  return later === undefined || earlier === undefined || Date.parse(later) >= Date.parse(earlier);
}

const sdo = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.looseObject({ ...sdoCommon, ...shape }).superRefine((o, ctx) => {
    checkCommon(o, ctx);
    const { created, modified } = o as { created: string; modified: string };
    if (!notBefore(modified, created))
      ctx.addIssue({ code: 'custom', path: ['modified'], message: 'must not be before created' });
  });

export const indicatorSchema = sdo({
  type: z.literal('indicator'),
  name: z.string().optional(),
  description: z.string().optional(),
  indicator_types: strings.optional(),
  pattern: z.string(),
  pattern_type: z.string(),
  pattern_version: z.string().optional(),
  valid_from: timestamp,
  valid_until: timestamp.optional(),
  kill_chain_phases: z.array(killChainPhase).min(1).optional(),
}).refine((i) => notBefore(i.valid_until, i.valid_from), {
  path: ['valid_until'],
  message: 'must not be before valid_from',
});

export const identitySchema = sdo({
  type: z.literal('identity'),
  name: z.string(),
  description: z.string().optional(),
  roles: strings.optional(),
  identity_class: z.string().optional(),
  sectors: strings.optional(),
  contact_information: z.string().optional(),
});

export const threatActorSchema = sdo({
  type: z.literal('threat-actor'),
  name: z.string(),
  description: z.string().optional(),
  threat_actor_types: strings.optional(),
  aliases: strings.optional(),
  roles: strings.optional(),
  goals: strings.optional(),
  first_seen: timestamp.optional(),
  last_seen: timestamp.optional(),
  sophistication: z.string().optional(),
  resource_level: z.string().optional(),
  primary_motivation: z.string().optional(),
  secondary_motivations: strings.optional(),
  personal_motivations: strings.optional(),
});

const sco = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z
    .looseObject({
      id: identifier,
      spec_version: z.enum(['2.0', '2.1']).optional(),
      object_marking_refs: z.array(identifier).min(1).optional(),
      granular_markings: z.array(granularMarking).min(1).optional(),
      defanged: z.boolean().optional(),
      extensions: extensions.optional(),
      ...shape,
    })
    .superRefine((o, ctx) => {
      checkCommon(o, ctx);
    });

const refs = z.array(z.string()).min(1).optional();
export const scoSchemas = {
  'ipv4-addr': sco({
    type: z.literal('ipv4-addr'),
    value: z.string().refine(isIpv4, 'must be an IPv4 address'),
    resolves_to_refs: refs,
    belongs_to_refs: refs,
  }),
  'ipv6-addr': sco({
    type: z.literal('ipv6-addr'),
    value: z.string().refine(isIpv6, 'must be an IPv6 address in hexadecimal form'),
    resolves_to_refs: refs,
    belongs_to_refs: refs,
  }),
  'domain-name': sco({
    type: z.literal('domain-name'),
    value: z.string().refine(isHostname, 'must be a domain name'),
    resolves_to_refs: refs,
  }),
  url: sco({ type: z.literal('url'), value: uri }),
  'email-addr': sco({
    type: z.literal('email-addr'),
    value: z.string().refine(isEmail, 'must be an e-mail address'),
    display_name: z.string().optional(),
    belongs_to_ref: z.string().optional(),
  }),
  file: sco({
    type: z.literal('file'),
    hashes: hashes(false).optional(),
    size: z.number().int().min(0).optional(),
    name: z.string().optional(),
    mime_type: z.string().optional(),
    // File extensions (archive-ext, ntfs-ext, …) have their own schemas; not read here.
    extensions: z.never({ error: 'file extensions are not supported' }).optional(),
  }).refine((f) => f.hashes !== undefined || f.name !== undefined, 'needs hashes or name'),
} as const;
export type ScoType = keyof typeof scoSchemas;
export const SCO_TYPES = Object.keys(scoSchemas) as ScoType[];

/** Every cyber-observable type of STIX 2.1, and the two SROs observed-data may cite. */
const OBSERVED_REF_PREFIXES = [
  'artifact',
  'autonomous-system',
  'directory',
  'domain-name',
  'email-addr',
  'email-message',
  'file',
  'ipv4-addr',
  'ipv6-addr',
  'mac-addr',
  'mutex',
  'network-traffic',
  'process',
  'software',
  'url',
  'user-account',
  'windows-registry-key',
  'x509-certificate',
  'relationship',
  'sighting',
];
export const observedDataSchema = sdo({
  type: z.literal('observed-data'),
  first_observed: timestamp,
  last_observed: timestamp,
  number_observed: z.number().int().min(1).max(999_999_999),
  objects: z.record(z.string(), z.union(Object.values(scoSchemas))).optional(),
  object_refs: z
    .array(refTo(...OBSERVED_REF_PREFIXES))
    .min(1)
    .optional(),
})
  .refine((o) => (o.objects === undefined) !== (o.object_refs === undefined), {
    message: 'needs exactly one of objects and object_refs',
  })
  .refine((o) => o.objects === undefined || Object.keys(o.objects).length > 0, {
    path: ['objects'],
    message: 'must not be empty',
  })
  .refine((o) => notBefore(o.last_observed, o.first_observed), {
    path: ['last_observed'],
    message: 'must not be before first_observed',
  });

export const sdoSchemas = {
  indicator: indicatorSchema,
  'observed-data': observedDataSchema,
  identity: identitySchema,
  'threat-actor': threatActorSchema,
} as const;
export type MappedSdoType = keyof typeof sdoSchemas;
