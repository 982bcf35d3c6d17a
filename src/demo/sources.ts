/**
 * The demo world's sources: where each agency's uploads come from and the markings their
 * records get by default, so the ingest screen and CLI have something to ingest into.
 */
import type { Marking } from '../access/markings.ts';
import { createSource } from '../modules/sources/sources.service.ts';
import type { ServiceContext } from '../shared/context.ts';

type DemoSource = {
  agencyKey: string;
  name: string;
  description: string;
  markings: Pick<Marking, 'tlp' | 'caveats' | 'partnerShare'>;
};

export const DEMO_SOURCES: readonly DemoSource[] = [
  {
    agencyKey: 'vfc',
    name: 'VFC tip line',
    description: 'Tips taken by the watch floor (NDJSON export of the tip line).',
    markings: { tlp: 'AMBER', caveats: ['LES'], partnerShare: 'full' },
  },
  {
    agencyKey: 'vfc',
    name: 'VFC analyst uploads',
    description: 'Spreadsheets and STIX bundles analysts bring in by hand.',
    markings: { tlp: 'GREEN', caveats: [], partnerShare: 'full' },
  },
  {
    agencyKey: 'fairfax-pd',
    name: 'Fairfax County PD RMS',
    description: 'Nightly CSV export of incident and field-interview reports.',
    markings: { tlp: 'AMBER', caveats: ['LES', 'PII'], partnerShare: 'full' },
  },
  {
    agencyKey: 'vsp',
    name: 'VSP SAR exchange',
    description: 'ISE-SAR XML from the State Police SAR system.',
    markings: { tlp: 'AMBER', caveats: ['LES'], partnerShare: 'full' },
  },
];

export async function loadDemoSources(
  ctx: ServiceContext,
  agencyIds: ReadonlyMap<string, string>,
): Promise<void> {
  for (const s of DEMO_SOURCES) {
    const agencyId = agencyIds.get(s.agencyKey);
    if (!agencyId) throw new Error(`demo source ${s.name}: no agency ${s.agencyKey}`);
    await createSource(ctx, {
      agencyId,
      name: s.name,
      description: s.description,
      defaultMarkings: {
        ...s.markings,
        caveats: [...s.markings.caveats],
        networkShare: 'none',
        releasableTo: [],
      },
    });
  }
}
