import { Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { OfflineMap, type OfflineMapLayer } from '../../components/OfflineMap.tsx';
import type { RecordView } from './use-record.ts';

/** Where it happened: the address and a point on the offline map. */
export function RecordLocation({ location }: { location: RecordView['location'] }) {
  const layers = useMemo((): OfflineMapLayer[] => {
    if (!location) return [];
    return [
      {
        id: 'record',
        type: 'points',
        color: '#c92a2a',
        radius: 8,
        data: {
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              geometry: { type: 'Point', coordinates: [location.lon, location.lat] },
              properties: {},
            },
          ],
        },
      },
    ];
  }, [location]);
  if (!location) {
    return (
      <Text size="sm" c="dimmed">
        No place was recorded.
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Text size="sm">
        {location.address ?? 'No address'} ({location.lat.toFixed(5)}, {location.lon.toFixed(5)})
      </Text>
      <OfflineMap label="Map of where it happened" layers={layers} height={300} />
    </Stack>
  );
}
