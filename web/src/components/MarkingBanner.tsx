import { Box, Group, Text } from '@mantine/core';
import type { components } from '../api/schema';
import { useMe } from '../app/session.ts';

type Record = components['schemas']['Record'];
export type Tlp = Record['markings']['tlp'];
export type Caveat = Record['markings']['caveats'][number];

/** TLP 2.0 colours (FIRST): the label in its colour on black, as the standard prints it. */
export const TLP_COLOURS: { [T in Tlp]: string } = {
  RED: '#FF2B2B',
  'AMBER+STRICT': '#FFC000',
  AMBER: '#FFC000',
  GREEN: '#33FF00',
  CLEAR: '#FFFFFF',
};

const CAVEAT_NAMES: { [C in Caveat]: string } = {
  LES: 'LES (law enforcement sensitive)',
  PII: 'PII',
  CRIMINAL_INTEL: 'CRIMINAL INTELLIGENCE (28 CFR Part 23)',
  HEALTH: 'HEALTH',
  PROPRIETARY: 'PROPRIETARY',
  SPECIAL_STATUS: 'SPECIAL STATUS',
};

/** "TLP:AMBER+STRICT" — exactly as TLP 2.0 prints a label. */
export function tlpLabel(tlp: Tlp): string {
  return `TLP:${tlp}`;
}

export type MarkingBannerProps = {
  markings: { tlp: Tlp; caveats: readonly Caveat[] };
  /** The agency that owns what is shown: other agencies' viewers are told to verify. */
  ownerAgencyId: string;
  ownerAgencyName?: string;
  /** Every screen with protected data shows the banner at its top and bottom. */
  position?: 'top' | 'bottom';
};

/** The marking of protected content: TLP label, caveats, and the owner-verification note. */
export function MarkingBanner({
  markings,
  ownerAgencyId,
  ownerAgencyName,
  position = 'top',
}: MarkingBannerProps) {
  const me = useMe();
  const notOwner = me.agency.id !== ownerAgencyId;
  return (
    <Box
      component="section"
      aria-label={`Marking (${position})`}
      data-testid="marking-banner"
      bg="#000"
      px="md"
      py={6}
    >
      <Group gap="md" wrap="wrap">
        <Text fw={700} ff="monospace" c={TLP_COLOURS[markings.tlp]}>
          {tlpLabel(markings.tlp)}
        </Text>
        {markings.caveats.map((c) => (
          <Text key={c} fw={600} size="sm" c="#FFFFFF">
            {CAVEAT_NAMES[c]}
          </Text>
        ))}
        {notOwner ? (
          <Text size="sm" c="#FFFFFF">
            Verify with the owning agency{ownerAgencyName ? ` (${ownerAgencyName})` : ''} before
            use.
          </Text>
        ) : null}
      </Group>
    </Box>
  );
}
