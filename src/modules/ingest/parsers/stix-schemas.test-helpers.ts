/**
 * Test-only: the official STIX 2.1 JSON Schemas from ../shared/conformance/stix2.1, loaded
 * into ajv as that folder's README prescribes (draft 2020-12, every file added by `$id`,
 * nothing fetched, and a regexp engine that defuses the upstream ReDoS). The product never
 * imports this: production validates with stix-validate.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { domainToASCII } from 'node:url';
import { join, resolve } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

export const STIX_CONFORMANCE_DIR = resolve(
  process.env['WATCHFLOOR_SHARED_DIR'] ?? resolve(import.meta.dirname, '../../../../../shared'),
  'conformance/stix2.1',
);
export const hasStixConformance = existsSync(
  join(STIX_CONFORMANCE_DIR, 'schemas/common/core.json'),
);

const SCHEMA_BASE =
  'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas';

/** As the README gives it: `([a-z][a-z0-9]*)+` matches exactly what `[a-z][a-z0-9]*` does. */
export const safeRegExp = Object.assign(
  (source: string, flags?: string) =>
    new RegExp(
      source.replace('^([a-z][a-z0-9]*)+(-[a-z0-9]+)*', '^[a-z][a-z0-9]*(-[a-z0-9]+)*'),
      flags,
    ),
  { code: 'safeRegExp' },
);

const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * idn-hostname is not in ajv-formats: an IDN is valid when its ASCII (punycode) form is a
 * hostname. ASCII input is checked as is, since WHATWG's domainToASCII would read an
 * all-digit name such as 10.0.0.256 as a (bad) IPv4 address rather than a hostname.
 */
function isIdnHostname(value: string): boolean {
  // eslint-disable-next-line no-control-regex -- "is it ASCII" is the question
  const ascii = /^[\x00-\x7f]*$/.test(value) ? value : domainToASCII(value);
  return ascii !== '' && ascii.length <= 253 && ascii.split('.').every((l) => HOST_LABEL.test(l));
}

export type OfficialValidator = (object: unknown) => { valid: boolean; errors: string };

export function loadOfficialValidator(): OfficialValidator {
  const ajv = new Ajv2020({
    strict: false,
    unicodeRegExp: false,
    allErrors: false,
    code: { regExp: safeRegExp },
  });
  const addFormats = addFormatsModule as unknown as (a: Ajv2020) => void;
  addFormats(ajv);
  ajv.addFormat('idn-hostname', isIdnHostname);
  for (const dir of ['common', 'sdos', 'sros', 'observables']) {
    const folder = join(STIX_CONFORMANCE_DIR, 'schemas', dir);
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.json')))
      ajv.addSchema(JSON.parse(readFileSync(join(folder, file), 'utf8')) as object);
  }
  const cache = new Map<string, ValidateFunction>();
  const schemaFor = (object: Record<string, unknown>): ValidateFunction => {
    const type = typeof object['type'] === 'string' ? object['type'] : '';
    const dir = ['sdos', 'sros', 'observables', 'common'].find((d) =>
      existsSync(join(STIX_CONFORMANCE_DIR, 'schemas', d, `${type}.json`)),
    );
    const id = dir
      ? `${SCHEMA_BASE}/${dir}/${type}.json`
      : `${SCHEMA_BASE}/common/${'created' in object ? 'core' : 'cyber-observable-core'}.json`;
    let validate = cache.get(id);
    if (!validate) {
      validate = ajv.getSchema(id);
      if (!validate) throw new Error(`no schema ${id}`);
      cache.set(id, validate);
    }
    return validate;
  };
  return (object) => {
    if (object === null || typeof object !== 'object' || Array.isArray(object))
      return { valid: false, errors: 'not an object' };
    const validate = schemaFor(object as Record<string, unknown>);
    const valid = validate(object);
    return { valid, errors: valid ? '' : ajv.errorsText(validate.errors) };
  };
}

/** Every example bundle shipped with the conformance data (not the lone campaign object). */
export function exampleBundles(): { file: string; objects: Record<string, unknown>[] }[] {
  const dirs = ['examples', 'examples/threat-reports', 'cti-documentation/examples/example_json'];
  return dirs.flatMap((dir) =>
    readdirSync(join(STIX_CONFORMANCE_DIR, dir))
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({
        file: `${dir}/${f}`,
        json: JSON.parse(readFileSync(join(STIX_CONFORMANCE_DIR, dir, f), 'utf8')) as {
          type: string;
          objects?: Record<string, unknown>[];
        },
      }))
      .filter((b) => b.json.type === 'bundle')
      .map((b) => ({ file: b.file, objects: b.json.objects ?? [] })),
  );
}
