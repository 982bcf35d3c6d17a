import { Group, Text } from '@mantine/core';
import { tlpLabel, TLP_COLOURS, type Caveat, type Tlp } from './MarkingBanner.tsx';

/**
 * One item's marking inline, for rows of a list (a list's page still shows a MarkingBanner):
 * the TLP label in its TLP 2.0 colour on black, then the caveat codes.
 */
export function MarkingLabel({ markings }: { markings: { tlp: Tlp; caveats: readonly Caveat[] } }) {
  return (
    <Group gap={4} wrap="nowrap" component="span">
      <Text
        component="span"
        size="xs"
        fw={700}
        ff="monospace"
        bg="#000"
        c={TLP_COLOURS[markings.tlp]}
        px={4}
      >
        {tlpLabel(markings.tlp)}
      </Text>
      {markings.caveats.map((c) => (
        <Text key={c} component="span" size="xs" fw={600} c="dark.4">
          {c}
        </Text>
      ))}
    </Group>
  );
}
