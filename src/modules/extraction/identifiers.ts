/**
 * Identifier numbers: SSN-like numbers (PII, returned masked so the full number never leaves
 * this function) and VINs (kept only when the ISO 3779 / 49 CFR 565 check digit is right, which
 * a random 17-character token passes one time in eleven).
 */
import type { Extraction } from './extract.ts';

const SSN_CANDIDATE = /(?<![\w-])(\d{3})-(\d{2})-(\d{4})(?![\w-])/g;

/** Numbers the SSA never issues: area 000, 666 or 900–999, group 00, serial 0000. */
export function isIssuableSsn(area: string, group: string, serial: string): boolean {
  return (
    area !== '000' && area !== '666' && !area.startsWith('9') && group !== '00' && serial !== '0000'
  );
}

export function extractSsns(text: string): Extraction[] {
  const out: Extraction[] = [];
  for (const m of text.matchAll(SSN_CANDIDATE)) {
    const [whole, area = '', group = '', serial = ''] = m;
    if (!isIssuableSsn(area, group, serial)) continue;
    out.push({
      type: 'identifier',
      kind: 'ssn',
      attributes: { scheme: 'ssn', value: `***-**-${serial}` },
      textStart: m.index,
      textEnd: m.index + whole.length,
      pii: true,
    });
  }
  return out;
}

// Upper case only: lower-case 17-character runs are hashes and ids far more often than VINs.
const VIN_CANDIDATE = /(?<![A-Za-z0-9])[A-HJ-NPR-Z0-9]{17}(?![A-Za-z0-9])/g;
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
/** VIN transliteration of letters (49 CFR 565.15); digits stand for themselves. */
const VIN_LETTER_VALUES: ReadonlyMap<string, number> = new Map(
  [...'A1B2C3D4E5F6G7H8J1K2L3M4N5P7R9S2T3U4V5W6X7Y8Z9'.matchAll(/([A-Z])(\d)/g)].map(
    (m) => [m[1] ?? '', Number(m[2])] as const,
  ),
);

/** The check digit (position 9) a 17-character VIN should carry: 0–9, or X for 10. */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const ch = vin.charAt(i);
    const value = ch >= '0' && ch <= '9' ? Number(ch) : (VIN_LETTER_VALUES.get(ch) ?? 0);
    sum += value * (VIN_WEIGHTS[i] ?? 0);
  }
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

export function isValidVin(vin: string): boolean {
  return (
    /^[A-HJ-NPR-Z0-9]{17}$/.test(vin) &&
    /[A-Z]/.test(vin) &&
    /\d/.test(vin) &&
    vin.charAt(8) === vinCheckDigit(vin)
  );
}

export function extractVins(text: string): Extraction[] {
  const out: Extraction[] = [];
  for (const m of text.matchAll(VIN_CANDIDATE)) {
    if (!isValidVin(m[0])) continue;
    out.push({
      type: 'vehicle',
      kind: 'vin',
      attributes: { vin: m[0] },
      textStart: m.index,
      textEnd: m.index + 17,
    });
  }
  return out;
}
