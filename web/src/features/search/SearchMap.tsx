import { Button, Group, Stack, Text } from '@mantine/core';
import type { FeatureCollection, Point } from 'geojson';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { OfflineMap, type Bbox, type OfflineMapLayer } from '../../components/OfflineMap.tsx';
import { recordPath } from '../../components/RecordLink.tsx';
import { withParam } from './search-query.ts';
import type { SearchHit } from './use-search.ts';

type Props = {
  hits: SearchHit[];
  params: URLSearchParams;
  onChange: (next: URLSearchParams) => void;
};

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The hits that have a place, as points; a click opens the record. Can limit the search to the area shown. */
export function SearchMap({ hits, params, onChange }: Props) {
  const navigate = useNavigate();
  const [view, setView] = useState<Bbox>();
  const layers = useMemo((): OfflineMapLayer[] => {
    const data: FeatureCollection<Point> = {
      type: 'FeatureCollection',
      features: hits.flatMap((h) =>
        h.location
          ? [
              {
                type: 'Feature',
                geometry: { type: 'Point', coordinates: [h.location.lon, h.location.lat] },
                properties: { id: h.id, title: h.title },
              },
            ]
          : [],
      ),
    };
    return [{ id: 'results', type: 'points', data, color: '#c92a2a' }];
  }, [hits]);
  const placed = layers[0]?.data.features.length ?? 0;
  const area = params.get('bbox');
  return (
    <Stack gap="xs">
      <OfflineMap
        label="Map of the results"
        layers={layers}
        height={460}
        onFeatureClick={(_, f) => {
          const id: unknown = f.properties?.['id'];
          if (typeof id === 'string') void navigate(recordPath(id));
        }}
        onViewChange={setView}
      />
      <Text size="xs" c="dimmed">
        {placed} of {hits.length} results shown have a place. Click a point to open its record.
      </Text>
      <Group gap="xs">
        {view ? (
          <Button
            size="xs"
            variant="default"
            onClick={() => {
              onChange(withParam(params, 'bbox', view.map(round).join(',')));
            }}
          >
            Search this map area
          </Button>
        ) : null}
        {area ? (
          <Button
            size="xs"
            variant="subtle"
            onClick={() => {
              onChange(withParam(params, 'bbox', undefined));
            }}
          >
            Any place (remove the map area)
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
