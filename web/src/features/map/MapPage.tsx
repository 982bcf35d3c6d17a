import { Alert, Group, Select, Stack, Switch, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../../app/session.ts';
import {
  AggregateMarkingBanner,
  markingOfRecords,
  strictestOf,
  type MarkedItem,
} from '../../components/AggregateMarkingBanner.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { recordPath } from '../../components/RecordLink.tsx';
import { LoadingState } from '../../components/States.tsx';
import { useNewestRecordDate } from '../../lib/use-newest-record-date.ts';
import {
  POINT_LIMIT,
  useHotspots,
  useRecordPoints,
  useSites,
  WORLD,
  type Category,
  type RecordPoint,
} from './geo-queries.ts';
import { useBehaviours } from '../trends/use-behaviours.ts';
import { MapLegend } from './MapLegend.tsx';
import type { LayerGroup } from './map-layers.ts';
import { RecordsMap, type MapView } from './RecordsMap.tsx';
import { RecordsOnMap } from './RecordsOnMap.tsx';
import { SitesTable } from './SitesTable.tsx';
import { TimeWindowSlider } from './TimeWindowSlider.tsx';
import {
  DEFAULT_WINDOW_MONTHS,
  DOMAIN_MONTHS,
  monthScale,
  windowRange,
  type MonthScale,
} from './time-window.ts';

/** Records on the map, hotspots and infrastructure sites, over a time window. */
export function MapPage() {
  const newest = useNewestRecordDate();
  return (
    <Stack gap="sm">
      <Title order={2}>Map</Title>
      {newest.isPending ? (
        <LoadingState label="Loading the map…" />
      ) : newest.isError ? (
        <ProblemAlert error={newest.error} title="The map could not be loaded" />
      ) : (
        <MapScreen scale={monthScale(newest.data)} />
      )}
    </Stack>
  );
}

const LAYER_SWITCHES: { group: LayerGroup; label: string }[] = [
  { group: 'points', label: 'Record points' },
  { group: 'hotspots', label: 'Hotspots' },
  { group: 'sites', label: 'Infrastructure sites' },
];

function MapScreen({ scale }: { scale: MonthScale }) {
  const navigate = useNavigate();
  const me = useMe();
  const behaviours = useBehaviours();
  const [months, setMonths] = useState<[number, number]>([
    DOMAIN_MONTHS - DEFAULT_WINDOW_MONTHS,
    DOMAIN_MONTHS - 1,
  ]);
  const [category, setCategory] = useState<Category | undefined>();
  const [view, setView] = useState<MapView>({ bbox: WORLD, zoom: 3 });
  const [shown, setShown] = useState<Record<LayerGroup, boolean>>({
    points: true,
    hotspots: true,
    sites: true,
  });
  const [mapError, setMapError] = useState<unknown>();
  const query = { bbox: view.bbox, ...windowRange(scale, months), category };
  const points = useRecordPoints(query);
  // Cells are sized for the map's zoom: asked once the map has a view of its own.
  const hotspots = useHotspots(
    { ...query, zoom: view.zoom },
    shown.hotspots && view.bbox !== WORLD,
  );
  const sites = useSites();
  const features = points.data?.features;
  // The banner covers what is on screen: the records drawn and listed, and every record the
  // hotspot cells count (which may be more than are drawn when the answer is truncated).
  const marking = strictestOf(
    markingOfRecords(markedItems(features), me.agency.id),
    shown.hotspots ? hotspots.data?.marking : null,
  );

  return (
    <>
      <AggregateMarkingBanner marking={marking} position="top" />
      <Group align="flex-end" gap="lg" wrap="wrap">
        <Select
          label="Behaviour category"
          data={[{ value: '', label: 'All records' }, ...behaviours.options]}
          value={category ?? ''}
          onChange={(v) => {
            setCategory(v || undefined);
          }}
          allowDeselect={false}
          w={280}
        />
        <Group gap="md" role="group" aria-label="Layers">
          {LAYER_SWITCHES.map(({ group, label }) => (
            <Switch
              key={group}
              label={label}
              checked={shown[group]}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setShown((s) => ({ ...s, [group]: on }));
              }}
            />
          ))}
        </Group>
      </Group>
      <TimeWindowSlider scale={scale} value={months} onChange={setMonths} />
      {[points.error, hotspots.error, sites.error, mapError].filter(Boolean).map((error, i) => (
        <ProblemAlert key={i} error={error} title="Part of the map could not be loaded" />
      ))}
      <MapStatus
        count={features?.length}
        truncated={points.data?.truncated ?? false}
        loading={points.isFetching}
        hotspotTotal={shown.hotspots ? hotspots.data?.total : undefined}
      />
      <RecordsMap
        points={features}
        hotspots={shown.hotspots ? hotspots.data : undefined}
        sites={sites.data}
        shown={shown}
        onView={setView}
        onOpenRecord={(id) => void navigate(recordPath(id))}
        onError={setMapError}
      />
      <MapLegend
        hotspotMax={Math.max(0, ...(hotspots.data?.features.map((f) => f.properties.count) ?? []))}
        resolution={hotspots.data?.resolution}
      />
      <Tabs defaultValue="records" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="records">Records on the map</Tabs.Tab>
          <Tabs.Tab value="sites">Infrastructure sites</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="records" pt="sm">
          {features ? <RecordsOnMap points={features} /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="sites" pt="sm">
          {sites.data ? <SitesTable sites={sites.data} /> : null}
        </Tabs.Panel>
      </Tabs>
      <AggregateMarkingBanner marking={marking} position="bottom" />
    </>
  );
}

function markedItems(features: readonly RecordPoint[] | undefined): MarkedItem[] {
  return (features ?? []).map(({ properties: p }) => ({
    tlp: p.tlp,
    caveats: p.caveats,
    ownerAgencyId: p.ownerAgencyId,
    ownerAgencyName: p.ownerAgencyName,
  }));
}

/** How many records are drawn, whether more matched, and the hotspot total; read aloud. */
function MapStatus({
  count,
  truncated,
  loading,
  hotspotTotal,
}: {
  count: number | undefined;
  truncated: boolean;
  loading: boolean;
  hotspotTotal: number | undefined;
}) {
  if (count === undefined)
    return (
      <Text role="status" size="sm" c="dimmed">
        Loading records…
      </Text>
    );
  return (
    <Stack gap={4}>
      <Text role="status" size="sm" data-testid="map-status">
        {count === 0
          ? 'No records you may see in this area and time window.'
          : `${count} ${count === 1 ? 'record' : 'records'} on the map`}
        {hotspotTotal !== undefined ? `; ${hotspotTotal} counted in hotspot cells` : ''}
        {loading ? ' (updating…)' : ''}
      </Text>
      {truncated ? (
        <Alert color="yellow" title="Not every record is drawn">
          More records match than the map draws at once (the newest {POINT_LIMIT}). Zoom in or
          narrow the time window to see the rest. Hotspot counts include every matching record.
        </Alert>
      ) : null}
    </Stack>
  );
}
