/** US states, DC and the inhabited territories: USPS code ↔ name, as plates name them. */

const STATES_TEXT = `AL Alabama|AK Alaska|AZ Arizona|AR Arkansas|CA California|CO Colorado|CT Connecticut
DE Delaware|DC District of Columbia|FL Florida|GA Georgia|HI Hawaii|ID Idaho|IL Illinois
IN Indiana|IA Iowa|KS Kansas|KY Kentucky|LA Louisiana|ME Maine|MD Maryland|MA Massachusetts
MI Michigan|MN Minnesota|MS Mississippi|MO Missouri|MT Montana|NE Nebraska|NV Nevada
NH New Hampshire|NJ New Jersey|NM New Mexico|NY New York|NC North Carolina|ND North Dakota
OH Ohio|OK Oklahoma|OR Oregon|PA Pennsylvania|RI Rhode Island|SC South Carolina
SD South Dakota|TN Tennessee|TX Texas|UT Utah|VT Vermont|VA Virginia|WA Washington
WV West Virginia|WI Wisconsin|WY Wyoming|PR Puerto Rico|GU Guam|VI Virgin Islands
AS American Samoa|MP Northern Mariana Islands`;

const PAIRS: readonly (readonly [code: string, name: string])[] = STATES_TEXT.split(/[|\n]/).map(
  (entry) => {
    const [code = '', ...name] = entry.trim().split(' ');
    return [code, name.join(' ')] as const;
  },
);

export const STATE_CODES: readonly string[] = PAIRS.map(([code]) => code);
export const STATE_NAMES: readonly string[] = PAIRS.map(([, name]) => name);

const CODE_BY_NAME = new Map(PAIRS.map(([code, name]) => [name.toLowerCase(), code]));
const CODES = new Set(STATE_CODES);

/** "Virginia", "VIRGINIA", "VA" → "VA"; anything else → undefined. */
export function stateCodeOf(nameOrCode: string): string | undefined {
  const s = nameOrCode.trim().replace(/\s+/g, ' ');
  if (CODES.has(s.toUpperCase()) && s.length === 2) return s.toUpperCase();
  return CODE_BY_NAME.get(s.toLowerCase());
}
