/**
 * Value formats for STIX 2.1 validation. Each predicate accepts a subset of what the
 * official JSON Schemas accept (stix-validate.test.ts checks this against them), and every
 * regular expression here is linear: no nested or overlapping quantifiers, and inputs are
 * length-capped before matching, because this code reads STIX from outside.
 */
import { isIPv6 } from 'node:net';

const UUID =
  '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}';
const IDENTIFIER = new RegExp(`^[a-z][a-z0-9-]{1,247}[a-z0-9]--${UUID}$`);
export const EXTENSION_DEFINITION_KEY = new RegExp(`^extension-definition--${UUID}$`);
// The upstream pattern `^([a-z][a-z0-9]*)+(-[a-z0-9]+)*-ext$` backtracks exponentially;
// `([a-z][a-z0-9]*)+` matches exactly what `[a-z][a-z0-9]*` matches, so this is the same set.
const EXTENSION_KEY = /^[a-z][a-z0-9]*(-[a-z0-9]+)*-ext$/;
const TIMESTAMP =
  /^[0-9]{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9])(\.[0-9]{1,9})?Z$/;
const MILLIS = /T\d{2}:\d{2}:\d{2}\.\d{3,9}Z$/;
const IPV4_OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9][0-9]|[0-9])';
const IPV4 = new RegExp(`^(${IPV4_OCTET}\\.){3}${IPV4_OCTET}(/(3[0-2]|[1-2][0-9]|[0-9]))?$`);
const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const EMAIL_LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,64}$/;
const URI_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]{0,30}:\/\//;
const URI_USERINFO = /^[A-Za-z0-9\-._~!$&'()*+,;=:%]*$/;
const URI_HOST = /^[A-Za-z0-9\-._~!$&'()*+,;=%]+$/;
const URI_PORT = /^[0-9]{0,5}$/;
const URI_PATH = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%/]*$/;
const URI_QUERY = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*$/;
const BAD_PERCENT = /%(?![0-9A-Fa-f]{2})/;

export function isIdentifier(value: string): boolean {
  return value.length <= 300 && IDENTIFIER.test(value);
}

export function isExtensionKey(key: string): boolean {
  return key.length <= 250 && EXTENSION_KEY.test(key);
}

/** RFC 3339 in UTC, a real calendar date, no leap second (JavaScript cannot hold it). */
export function isTimestamp(value: string): boolean {
  if (value.length > 40 || !TIMESTAMP.test(value)) return false;
  const date = new Date(value);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value.slice(0, 10);
}

/** `created` and `modified` must carry at least millisecond precision. */
export function isMillisTimestamp(value: string): boolean {
  return isTimestamp(value) && MILLIS.test(value);
}

export function isIpv4(value: string): boolean {
  return value.length <= 18 && IPV4.test(value);
}

/** Hexadecimal forms only: the upstream IPv6 pattern mangles the dotted-quad forms. */
export function isIpv6(value: string): boolean {
  if (value.length > 43) return false;
  const [address = '', prefix, extra] = value.split('/');
  if (extra !== undefined || !/^[0-9A-Fa-f:]+$/.test(address) || !isIPv6(address)) return false;
  return prefix === undefined || (/^[0-9]{1,3}$/.test(prefix) && Number(prefix) <= 128);
}

export function isHostname(value: string): boolean {
  if (value.length === 0 || value.length > 253) return false;
  return value.split('.').every((label) => HOST_LABEL.test(label));
}

export function isEmail(value: string): boolean {
  if (value.length > 254) return false;
  const at = value.indexOf('@');
  if (at <= 0 || at !== value.lastIndexOf('@')) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  return (
    local.split('.').every((atom) => EMAIL_LOCAL.test(atom)) &&
    domain.includes('.') &&
    isHostname(domain)
  );
}

/** An absolute URI with an authority, in plain RFC 3986 characters. */
export function isUri(value: string): boolean {
  if (value.length > 2048 || BAD_PERCENT.test(value)) return false;
  const scheme = URI_SCHEME.exec(value);
  if (!scheme) return false;
  let rest = value.slice(scheme[0].length);
  const hash = rest.indexOf('#');
  if (hash !== -1) {
    if (!URI_QUERY.test(rest.slice(hash + 1))) return false;
    rest = rest.slice(0, hash);
  }
  const question = rest.indexOf('?');
  if (question !== -1) {
    if (!URI_QUERY.test(rest.slice(question + 1))) return false;
    rest = rest.slice(0, question);
  }
  const slash = rest.indexOf('/');
  const authority = slash === -1 ? rest : rest.slice(0, slash);
  if (slash !== -1 && !URI_PATH.test(rest.slice(slash))) return false;
  const at = authority.lastIndexOf('@');
  if (at !== -1 && !URI_USERINFO.test(authority.slice(0, at))) return false;
  const hostPort = authority.slice(at + 1);
  const colon = hostPort.indexOf(':');
  const host = colon === -1 ? hostPort : hostPort.slice(0, colon);
  return URI_HOST.test(host) && (colon === -1 || URI_PORT.test(hostPort.slice(colon + 1)));
}

export function isBase64(value: string): boolean {
  return value.length > 0 && value.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(value);
}

export function isHex(value: string): boolean {
  return value.length > 0 && value.length % 2 === 0 && /^[A-Fa-f0-9]+$/.test(value);
}

/** Hash algorithms with a fixed shape in the STIX hashes dictionary. */
export const HASH_PATTERNS: Record<string, RegExp> = {
  MD5: /^[a-fA-F0-9]{32}$/,
  'SHA-1': /^[a-fA-F0-9]{40}$/,
  'SHA-256': /^[a-fA-F0-9]{64}$/,
  'SHA-512': /^[a-fA-F0-9]{128}$/,
  'SHA3-256': /^[a-fA-F0-9]{64}$/,
  'SHA3-512': /^[a-fA-F0-9]{128}$/,
  SSDEEP: /^[a-zA-Z0-9/+:.]{1,128}$/,
  TLSH: /^[a-zA-Z0-9]{70}$/,
};
