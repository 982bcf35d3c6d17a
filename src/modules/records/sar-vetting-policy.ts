import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { getCenterSettings } from '../center/center.service.ts';
import type { SarVettingPolicy } from './sar-vetting.ts';

export const DEFAULT_SAR_VETTING_POLICY: SarVettingPolicy = {
  twoPersonVetting: true,
  articulableFactsMinLength: 50,
  attestationValidMonths: 12,
};

const d = DEFAULT_SAR_VETTING_POLICY;
/**
 * A value that does not parse falls back to its default: a typo in the settings must not
 * switch the two-person rule off or stop vetting altogether.
 */
const policySchema = z.object({
  twoPersonVetting: z.boolean().catch(d.twoPersonVetting),
  articulableFactsMinLength: z.number().int().min(1).max(20_000).catch(d.articulableFactsMinLength),
  attestationValidMonths: z.number().int().min(1).max(120).catch(d.attestationValidMonths),
});

/**
 * The center's SAR vetting settings (`settings.sarVetting` of this instance's center row,
 * the tenant): `twoPersonVetting` (SAR-04's two_person_vetting), `articulableFactsMinLength`
 * (SAR-05) and `attestationValidMonths`, each defaulted.
 */
export async function loadSarVettingPolicy(db: Db): Promise<SarVettingPolicy> {
  const settings = await getCenterSettings(db);
  const raw: unknown = settings['sarVetting'];
  return policySchema.parse(typeof raw === 'object' && raw !== null ? raw : {});
}
