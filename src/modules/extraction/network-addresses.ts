/**
 * IPv4 and IPv6 addresses, validated (no octet over 255, a well-formed IPv6 with at most one
 * "::"), returned as bare identifiers: an address seen in a report says nothing of its holder.
 */
import type { Extraction } from './extract.ts';

// Not inside a longer dotted or alphanumeric token ("v1.2.3.4.5", "a1.2.3.4").
const IPV4_CANDIDATE = /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\w|\.\d)/g;
// A whole run of hex digits, colons and dots; the validator decides. One class under one
// quantifier, anchored by the lookbehind to the start of the run, so matching stays linear.
const IPV6_CANDIDATE = /(?<![\w:.])[0-9A-Fa-f:.]+(?![\w:.])/g;

export function isValidIpv4(s: string): boolean {
  const parts = s.split('.');
  return (
    parts.length === 4 && parts.every((p) => /^(?:0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255)
  );
}

/** Parses an IPv6 address into its eight 16-bit groups, or undefined if it is not one. */
export function parseIpv6(s: string): number[] | undefined {
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const head = groupsOf(halves[0] ?? '', halves.length === 1);
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? '', true) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  return [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
}

/** Colon-separated hex groups; the last may be a dotted IPv4 (two groups) if allowed. */
function groupsOf(part: string, mayEndInIpv4: boolean): number[] | undefined {
  if (part === '') return [];
  const pieces = part.split(':');
  const out: number[] = [];
  for (const [i, piece] of pieces.entries()) {
    if (mayEndInIpv4 && i === pieces.length - 1 && piece.includes('.')) {
      if (!isValidIpv4(piece)) return undefined;
      const [a = 0, b = 0, c = 0, d = 0] = piece.split('.').map(Number);
      out.push(a * 256 + b, c * 256 + d);
    } else if (/^[0-9A-Fa-f]{1,4}$/.test(piece)) out.push(parseInt(piece, 16));
    else return undefined;
  }
  return out;
}

/** RFC 5952 text: lower case, no leading zeros, the longest run of 2+ zero groups as "::". */
export function formatIpv6(groups: readonly number[]): string {
  let best = { at: -1, len: 1 };
  for (let i = 0; i < groups.length;) {
    let j = i;
    while (j < groups.length && groups[j] === 0) j++;
    if (j - i > best.len) best = { at: i, len: j - i };
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.at < 0) return hex.join(':');
  const left = hex.slice(0, best.at).join(':');
  const right = hex.slice(best.at + best.len).join(':');
  return `${left}::${right}`;
}

export function extractIpAddresses(text: string): Extraction[] {
  const out: Extraction[] = [];
  for (const m of text.matchAll(IPV4_CANDIDATE)) {
    if (isValidIpv4(m[0])) out.push(ipExtraction('ipv4', m[0], m.index, m[0]));
  }
  for (const m of text.matchAll(IPV6_CANDIDATE)) {
    // A sentence may end right after the address: "…from 2001:db8::1."
    if (!m[0].includes(':')) continue;
    const raw = m[0].replace(/\.+$/, '');
    if (!/[0-9A-Fa-f]/.test(raw) || raw.split(':').length < 3) continue;
    const groups = parseIpv6(raw);
    if (groups) out.push(ipExtraction('ipv6', formatIpv6(groups), m.index, raw));
  }
  return out;
}

function ipExtraction(kind: 'ipv4' | 'ipv6', value: string, at: number, raw: string): Extraction {
  return {
    type: 'identifier',
    kind,
    attributes: { scheme: 'other', value, issuer: kind },
    textStart: at,
    textEnd: at + raw.length,
  };
}
