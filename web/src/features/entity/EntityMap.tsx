import { Stack, Text } from '@mantine/core';
import type { FeatureCollection, Point } from 'geojson';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { OfflineMap, type OfflineMapLayer } from '../../components/OfflineMap.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { recordPath } from '../../components/RecordLink.tsx';
import { LoadingState } from '../../components/States.tsx';
import { useEntityPlaces } from './entity-api.ts';

/**
 * Where the entity was seen: a point per observation with a place (its own coordinates, or
 * where its record happened). A click opens the record; the timeline lists the same records.
 */
export function EntityMap({ entityId, records }: { entityId: string; records: number }) {
  const navigate = useNavigate();
  const places = useEntityPlaces(entityId, true);
  const layers = useMemo((): OfflineMapLayer[] => {
    const data: FeatureCollection<Point> = {
      type: 'FeatureCollection',
      features: (places.data?.features ?? []).map((f) => ({
        type: 'Feature',
        geometry: f.geometry,
        properties: { recordId: f.properties.recordId, title: f.properties.title },
      })),
    };
    return [{ id: 'sightings', type: 'points', data, color: '#c92a2a', radius: 7 }];
  }, [places.data]);
  if (places.isPending) return <LoadingState label="Loading the places…" />;
  if (places.isError) return <ProblemAlert error={places.error} title="The map could not load" />;
  const placed = new Set(places.data.features.map((f) => f.properties.recordId)).size;
  return (
    <Stack gap={4}>
      <OfflineMap
        label="Map of where the entity was seen"
        layers={layers}
        height={320}
        onFeatureClick={(_, f) => {
          const id: unknown = f.properties?.['recordId'];
          if (typeof id === 'string') void navigate(recordPath(id));
        }}
      />
      <Text size="xs" c="dimmed" data-testid="entity-map-count">
        {placed} of {records} records have a place
        {places.data.truncated ? ' (the map shows the first ones only)' : ''}. Click a point to open
        its record.
      </Text>
    </Stack>
  );
}
