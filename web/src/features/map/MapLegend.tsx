import { Box, Group, Text } from '@mantine/core';
import { COLOURS } from './map-layers.ts';

const Swatch = ({ colour, round }: { colour: string; round?: boolean }) => (
  <Box
    aria-hidden
    w={14}
    h={14}
    bg={colour}
    style={{ borderRadius: round ? '50%' : 2, border: '1px solid #fff', flex: 'none' }}
  />
);

/** What the colours on the map mean. */
export function MapLegend({
  hotspotMax,
  resolution,
}: {
  hotspotMax: number;
  resolution: number | undefined;
}) {
  return (
    <Group gap="lg" wrap="wrap" component="section" aria-label="Legend">
      <Group gap={6}>
        <Swatch colour={COLOURS.point} round />
        <Text size="sm">Record (click to open)</Text>
      </Group>
      <Group gap={6}>
        <Swatch colour={COLOURS.cluster} round />
        <Text size="sm">Several records (click to zoom in)</Text>
      </Group>
      <Group gap={6}>
        <Swatch colour={COLOURS.site} round />
        <Text size="sm">Infrastructure site and its watch radius</Text>
      </Group>
      <Group gap={6}>
        <Box
          aria-hidden
          w={60}
          h={14}
          style={{
            borderRadius: 2,
            background: `linear-gradient(to right, ${COLOURS.hotspotLow}, ${COLOURS.hotspotHigh})`,
          }}
        />
        <Text size="sm">
          Hotspot cell: 1 to {Math.max(1, hotspotMax)} records
          {resolution !== undefined ? ` (H3 resolution ${resolution})` : ''}
        </Text>
      </Group>
    </Group>
  );
}
