/**
 * Telephone numbers, normalised to E.164 and validated by libphonenumber-js (an invalid area
 * code or exchange is dropped). We find candidates with our own bounded patterns and let the
 * library judge each one: its own text finder also reads ", 198" after a number as an
 * extension, which in narratives is usually the next figure in the sentence.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { Extraction } from './extract.ts';

// (703) 555-0100, 703-555-0100, 703.555.0100, 7035550100, +1 703 555 0100, 1-703-555-0100.
const NANP_CANDIDATE =
  /(?<![\w+.-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)[\s.-]?|\d{3}[\s.-]?)\d{3}[\s.-]?\d{4}(?!\w|[.-]\d)/g;
// Other countries' numbers are only taken with their "+" country code; +1 is the pattern above.
const INTERNATIONAL_CANDIDATE = /(?<![\w+])\+(?!1)[2-9][\d\s().-]{5,20}\d(?!\w|[.-]\d)/g;

export function extractPhones(text: string, region: CountryCode): Extraction[] {
  const out: Extraction[] = [];
  for (const pattern of [NANP_CANDIDATE, INTERNATIONAL_CANDIDATE]) {
    for (const m of text.matchAll(pattern)) {
      const phone = parsePhoneNumberFromString(m[0], region);
      if (!phone?.isValid()) continue;
      out.push({
        type: 'phone',
        kind: 'phone',
        attributes: { number: phone.number },
        textStart: m.index,
        textEnd: m.index + m[0].length,
      });
    }
  }
  return out;
}
