/**
 * The pieces every STIX 2.1 object shares (identifiers, timestamps, external references,
 * markings, extensions, custom-property names), as zod schemas no looser than the
 * official JSON Schemas' common/ files. The object schemas are in stix-validate.ts.
 */
import { z } from 'zod';
import {
  EXTENSION_DEFINITION_KEY,
  HASH_PATTERNS,
  isBase64,
  isExtensionKey,
  isHex,
  isIdentifier,
  isMillisTimestamp,
  isTimestamp,
  isUri,
} from './stix-formats.ts';

export const identifier = z
  .string()
  .refine(isIdentifier, 'must be a STIX identifier <type>--<UUID>');
export const refTo = (...types: string[]) =>
  identifier.refine(
    (s) => types.some((t) => s.startsWith(`${t}--`)),
    `must refer to ${types.join(' or ')}`,
  );
export const timestamp = z.string().refine(isTimestamp, 'must be an RFC 3339 UTC timestamp');
export const millis = z
  .string()
  .refine(isMillisTimestamp, 'must be a UTC timestamp with milliseconds');
export const strings = z.array(z.string()).min(1);
export const uri = z.string().refine(isUri, 'must be an absolute URI');

const BIN = /^[a-z][a-z0-9_]{0,245}_bin$/;
const HEX = /^[a-z][a-z0-9_]{0,245}_hex$/;
// As upstream writes it: "starts with three name characters, or ends in id".
const GENERAL = /^([a-z][a-z0-9_]{2,249})|id$/;
const FORBIDDEN = ['severity', 'action', 'username', 'phone_numbers'];

/** The rule the official `properties.json` applies to every property of an object. */
function checkPropertyNames(obj: Record<string, unknown>, ctx: z.RefinementCtx, path: string[]) {
  for (const [key, value] of Object.entries(obj)) {
    const issue = (message: string) => {
      ctx.addIssue({ code: 'custom', path: [...path, key], message });
    };
    const isBin = key.length <= 250 && BIN.test(key);
    const isHexKey = key.length <= 250 && HEX.test(key);
    const isGeneral = key.length <= 250 && GENERAL.test(key);
    if (!isBin && !isHexKey && !isGeneral) issue('is not a valid STIX property name');
    else if (isBin && !(typeof value === 'string' && isBase64(value))) issue('must be base64');
    else if (isHexKey && !(typeof value === 'string' && isHex(value))) issue('must be hexadecimal');
    else if (value === null || (Array.isArray(value) && value.length === 0))
      issue('must not be null or an empty list');
  }
}

export function checkCommon(obj: Record<string, unknown>, ctx: z.RefinementCtx) {
  checkPropertyNames(obj, ctx, []);
  for (const key of FORBIDDEN)
    if (key in obj) ctx.addIssue({ code: 'custom', path: [key], message: 'is not allowed here' });
  const { type, id } = obj;
  if (typeof type === 'string' && typeof id === 'string' && !id.startsWith(`${type}--`))
    ctx.addIssue({ code: 'custom', path: ['id'], message: `must start with "${type}--"` });
}

const plainObject = z.record(z.string(), z.unknown());

export const extensions = plainObject.superRefine((exts, ctx) => {
  if (Object.keys(exts).length === 0)
    ctx.addIssue({ code: 'custom', message: 'must not be empty' });
  for (const [key, ext] of Object.entries(exts)) {
    const isDefinition = key.length <= 70 && EXTENSION_DEFINITION_KEY.test(key);
    if (!isDefinition && !isExtensionKey(key)) {
      ctx.addIssue({ code: 'custom', path: [key], message: 'is not an extension name' });
      continue;
    }
    const parsed = plainObject.safeParse(ext);
    if (!parsed.success || Object.keys(parsed.data).length === 0) {
      ctx.addIssue({ code: 'custom', path: [key], message: 'must be a non-empty object' });
      continue;
    }
    checkPropertyNames(parsed.data, ctx, [key]);
    const type = parsed.data['extension_type'];
    const types = [
      'new-sdo',
      'new-sco',
      'new-sro',
      'property-extension',
      'toplevel-property-extension',
    ];
    if (isDefinition && !(typeof type === 'string' && types.includes(type)))
      ctx.addIssue({ code: 'custom', path: [key, 'extension_type'], message: 'is required' });
  }
});

export const hashes = (knownOnly: boolean) =>
  plainObject.superRefine((h, ctx) => {
    if (Object.keys(h).length === 0) ctx.addIssue({ code: 'custom', message: 'must not be empty' });
    for (const [alg, value] of Object.entries(h)) {
      const pattern = HASH_PATTERNS[alg];
      const nameOk = knownOnly ? pattern !== undefined : /^[a-zA-Z0-9_-]{3,250}$/.test(alg);
      if (!nameOk || typeof value !== 'string' || (pattern && !pattern.test(value)))
        ctx.addIssue({ code: 'custom', path: [alg], message: 'is not a valid hash' });
    }
  });

const CVE = /^CVE-\d{4}-(0\d{3}|[1-9]\d{3,})$/;
const CAPEC = /^CAPEC-\d+$/;
export const externalReference = z
  .looseObject({
    source_name: z.string(),
    description: z.string().optional(),
    url: uri.optional(),
    hashes: hashes(true).optional(),
    external_id: z.string().optional(),
  })
  .superRefine((r, ctx) => {
    const id = r.external_id;
    const bad = (message: string) => {
      ctx.addIssue({ code: 'custom', path: ['external_id'], message });
    };
    if (r.source_name === 'cve') {
      if (id === undefined || id.length > 30 || !CVE.test(id)) bad('must be a CVE identifier');
    } else if (r.source_name === 'capec') {
      if (id === undefined || id.length > 30 || !CAPEC.test(id)) bad('must be a CAPEC identifier');
    } else if (id !== undefined && (CVE.test(id) || CAPEC.test(id))) {
      bad('a CVE or CAPEC identifier needs source_name cve or capec');
    } else if (id === undefined && r.description === undefined && r.url === undefined) {
      ctx.addIssue({ code: 'custom', message: 'needs external_id, description or url' });
    }
  });

const SELECTOR = /^([a-z0-9_-]{3,249}(\.(\[\d+\]|[a-z0-9_-]{1,250}))*|id)$/;
export const granularMarking = z.looseObject({
  selectors: z.array(z.string().max(2000).regex(SELECTOR)).min(1),
  lang: z.string().optional(),
  marking_ref: refTo('marking-definition'),
});
export const killChainPhase = z.looseObject({
  kill_chain_name: z.string(),
  phase_name: z.string(),
});
