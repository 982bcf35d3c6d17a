/**
 * Vehicles: makes and models people drive in Virginia, VINs whose check digit (position 9,
 * 49 CFR 565) is valid so that a VIN validator downstream accepts them, and plates in the
 * formats the nearby states issue.
 */
import type { Random } from './random.ts';

export type VehicleModel = { make: string; model: string; wmi: readonly string[] };

/** make|model,model|WMI,WMI — the WMIs are the manufacturers' real world-manufacturer codes. */
const MODELS_TEXT = `
Ford|F-150,Explorer,Escape,Fusion,Transit|1FT,1FM,1FA
Chevrolet|Silverado,Malibu,Equinox,Tahoe,Impala|1GC,1G1,2GN,1GN
Toyota|Camry,Corolla,RAV4,Tacoma,Highlander,Sienna|4T1,2T1,JTM,5TF,5TD
Honda|Accord,Civic,CR-V,Odyssey,Pilot|1HG,2HG,5J6,5FN
Nissan|Altima,Sentra,Rogue,Pathfinder|1N4,3N1,5N1
Dodge|Charger,Durango,Grand Caravan|2C3,1C4,2C4
Ram|1500,ProMaster|1C6,3C6
Jeep|Grand Cherokee,Wrangler,Cherokee|1C4,1J4
Hyundai|Elantra,Sonata,Tucson,Santa Fe|5NP,KMH,5XY
Kia|Optima,Sorento,Soul,Forte|5XX,KNA,KND
Subaru|Outback,Forester,Impreza|4S4,JF2,JF1
Volkswagen|Jetta,Passat,Atlas|3VW,1VW
BMW|3 Series,X5|WBA,5UX
Tesla|Model 3,Model Y|5YJ,7SA
GMC|Sierra,Yukon|1GT,1GK
Mercedes-Benz|C-Class,Sprinter|WDD,WD3
Chrysler|Pacifica,300|2C4,2C3
Lexus|RX 350,ES 350|2T2,JTH
Mazda|CX-5,Mazda3|JM3,JM1`;

export const VEHICLE_MODELS: readonly VehicleModel[] = MODELS_TEXT.trim()
  .split('\n')
  .flatMap((line) => {
    const [make = '', models = '', wmis = ''] = line.split('|');
    return models.split(',').map((model) => ({ make, model, wmi: wmis.split(',') }));
  });

/** Colour words as different reporters use them for the same paint. */
export const VEHICLE_COLORS: readonly (readonly string[])[] = [
  ['Black'],
  ['White', 'Pearl White'],
  ['Silver', 'Gray', 'Grey'],
  ['Gray', 'Grey', 'Charcoal'],
  ['Blue', 'Dark Blue', 'Navy'],
  ['Red', 'Maroon'],
  ['Green', 'Dark Green'],
  ['Tan', 'Beige', 'Gold'],
  ['Brown'],
];

const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
/** Model-year codes (position 10) from 2001; I, O, Q, U, Z and 0 are never used. */
const YEAR_CODES = '123456789ABCDEFGHJKLMNPRSTVWXY';

const VIN_LETTER_VALUES = new Map(
  [...'A1B2C3D4E5F6G7H8J1K2L3M4N5P7R9S2T3U4V5W6X7Y8Z9'.matchAll(/([A-Z])(\d)/g)].map(
    (m) => [m[1] ?? '', Number(m[2])] as const,
  ),
);

/** VIN transliteration: digits are themselves, letters map per 49 CFR 565.15. */
function vinValue(ch: string): number {
  return ch >= '0' && ch <= '9' ? Number(ch) : (VIN_LETTER_VALUES.get(ch) ?? 0);
}

/** The check digit of a 17-character VIN (position 9 ignored), 'X' for 10. */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += vinValue(vin.charAt(i)) * (VIN_WEIGHTS[i] ?? 0);
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

export function isValidVin(vin: string): boolean {
  return /^[A-HJ-NPR-Z0-9]{17}$/.test(vin) && vin.charAt(8) === vinCheckDigit(vin);
}

export function makeVin(rng: Random, wmi: string, year: number): string {
  let vds = '';
  for (let i = 0; i < 5; i++) vds += VIN_CHARS.charAt(rng.int(0, VIN_CHARS.length - 1));
  const yearCode = YEAR_CODES.charAt((year - 2001) % 30);
  let serial = VIN_CHARS.charAt(rng.int(0, VIN_CHARS.length - 1));
  serial += rng.digits(6);
  const draft = `${wmi}${vds}0${yearCode}${serial}`;
  return `${draft.slice(0, 8)}${vinCheckDigit(draft)}${draft.slice(9)}`;
}

const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

function letters(rng: Random, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += LETTERS.charAt(rng.int(0, LETTERS.length - 1));
  return s;
}

/** Plates in each state's common passenger format; most cars here carry Virginia tags. */
export function makePlate(rng: Random, state: string): string {
  switch (state) {
    case 'MD':
      return `${rng.digits(1)}${letters(rng, 2)}${rng.digits(4)}`;
    case 'DC':
      return `${letters(rng, 2)}-${rng.digits(4)}`;
    case 'NC':
      return `${letters(rng, 3)}-${rng.digits(4)}`;
    case 'WV':
      return `${rng.digits(1)}${letters(rng, 2)}${rng.digits(3)}`;
    default:
      return `${letters(rng, 3)}-${rng.digits(4)}`;
  }
}

export const PLATE_STATES: readonly (readonly [string, number])[] = [
  ['VA', 88],
  ['MD', 4],
  ['NC', 4],
  ['DC', 2],
  ['WV', 2],
];
