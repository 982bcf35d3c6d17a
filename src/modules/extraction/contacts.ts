/**
 * E-mail addresses and URLs. E-mails are found by scanning out from each "@" rather than with
 * one big pattern: nested quantifiers over dotted labels are where e-mail regexes go
 * catastrophic, and a bounded scan cannot.
 */
import { observationAttributeSchemas } from '../entities/observation-types.ts';
import type { Extraction } from './extract.ts';

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

const isLocalChar = (c: string) => /[A-Za-z0-9._%+-]/.test(c);
const isDomainChar = (c: string) => /[A-Za-z0-9.-]/.test(c);
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;

export function extractEmails(text: string): Extraction[] {
  const out: Extraction[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    const found = emailAround(text, at);
    if (found) out.push(found);
  }
  return out;
}

function emailAround(text: string, at: number): Extraction | undefined {
  let start = at;
  while (start > 0 && at - start < MAX_LOCAL && isLocalChar(text.charAt(start - 1))) start--;
  let end = at + 1;
  while (end < text.length && end - at <= MAX_DOMAIN && isDomainChar(text.charAt(end))) end++;
  // A sentence's full stop or a dash after the address is punctuation, not part of the domain.
  while (end > at + 1 && /[.-]/.test(text.charAt(end - 1))) end--;
  while (start < at && text.charAt(start) === '.') start++;
  if (start > 0 && /[A-Za-z0-9_%+@-]/.test(text.charAt(start - 1))) return undefined;
  if (end < text.length && /[A-Za-z0-9_@]/.test(text.charAt(end))) return undefined;
  const local = text.slice(start, at);
  const domain = text.slice(at + 1, end);
  if (!isPlausibleEmail(local, domain)) return undefined;
  const attributes = { address: `${local}@${domain}`.toLowerCase() };
  if (!observationAttributeSchemas.email.safeParse(attributes).success) return undefined;
  return { type: 'email', kind: 'email', attributes, textStart: start, textEnd: end };
}

function isPlausibleEmail(local: string, domain: string): boolean {
  if (local === '' || local.endsWith('.') || local.includes('..')) return false;
  const labels = domain.split('.');
  const tld = labels.at(-1) ?? '';
  return labels.length >= 2 && labels.every((l) => LABEL.test(l)) && /^[A-Za-z]{2,24}$/.test(tld);
}

// One character class under one quantifier: linear, whatever the input.
const URL_CANDIDATE = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"'`{}|\\^]+/gi;
const TRAILING_PUNCTUATION = /^[.,;:!?*'"”’…]$/;
const MAX_URL = 2000;

export function extractUrls(text: string): Extraction[] {
  const out: Extraction[] = [];
  for (const m of text.matchAll(URL_CANDIDATE)) {
    // Longer than any URL worth storing (the schema's limit) even before trimming: not a link.
    if (m[0].length > MAX_URL + 100) continue;
    const raw = trimUrl(m[0]);
    if (raw.length > MAX_URL) continue;
    const withScheme = /^www\./i.test(raw) ? `http://${raw}` : raw;
    const service = hostOf(withScheme);
    if (!service) continue;
    const attributes = { service, url: withScheme };
    if (!observationAttributeSchemas.online_account.safeParse(attributes).success) continue;
    out.push({
      type: 'online_account',
      kind: 'url',
      attributes,
      textStart: m.index,
      textEnd: m.index + raw.length,
    });
  }
  return out;
}

/**
 * Drops the sentence's punctuation and closing brackets the URL did not open. Counts are kept
 * as characters come off, so a URL ending in a thousand ")" costs no more than its length.
 */
function trimUrl(raw: string): string {
  let parens = count(raw, '(') - count(raw, ')');
  let squares = count(raw, '[') - count(raw, ']');
  let end = raw.length;
  for (; end > 0; end--) {
    const c = raw.charAt(end - 1);
    if (TRAILING_PUNCTUATION.test(c)) continue;
    if (c === ')' && parens < 0) parens++;
    else if (c === ']' && squares < 0) squares++;
    else break;
  }
  return raw.slice(0, end);
}

function count(s: string, ch: string): number {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
}

function hostOf(url: string): string | undefined {
  try {
    const host = new URL(url).hostname;
    // A host needs a dot (or be an IPv6 literal): "http://foo" in prose is not a link.
    return host.includes('.') || host.startsWith('[') ? host : undefined;
  } catch {
    return undefined;
  }
}
