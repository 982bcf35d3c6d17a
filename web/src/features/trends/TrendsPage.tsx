import { Group, SegmentedControl, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { AggregateMarkingBanner } from '../../components/AggregateMarkingBanner.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { EmptyState, LoadingState } from '../../components/States.tsx';
import { RECORD_KIND_LABELS, type RecordKind } from '../../lib/record-labels.ts';
import { useNewestRecordDate } from '../../lib/use-newest-record-date.ts';
import {
  regionLabel,
  seriesLabels,
  weekLabel,
  type SeriesBy,
  type SeriesLabels,
} from './trend-labels.ts';
import { useBehaviours } from './use-behaviours.ts';
import { FlagsTable, SeriesTable } from './TrendTables.tsx';
import { TrendsChart } from './TrendsChart.tsx';
import { useTrends, type Region, type Trends, type TrendsParams } from './trends-query.ts';

/** Weekly counts per category (or kind) and region, with the weeks flagged as surges. */
export function TrendsPage() {
  const newest = useNewestRecordDate();
  return (
    <Stack gap="sm">
      <Title order={2}>Trends</Title>
      {newest.isPending ? (
        <LoadingState label="Loading trends…" />
      ) : newest.isError ? (
        <ProblemAlert error={newest.error} title="Trends could not be loaded" />
      ) : (
        <TrendsScreen end={dayAfter(newest.data ?? new Date())} />
      )}
    </Stack>
  );
}

/** The reported weeks end with the week of the newest record the viewer may see. */
const dayAfter = (d: Date) => new Date(d.getTime() + 86_400_000).toISOString().slice(0, 10);

/** Lines drawn at once; every series and flag is still in the tables and the answer. */
const CHART_SERIES = 8;

type CategoryCode = NonNullable<TrendsParams['category']>;

const KIND_OPTIONS = [
  { value: '', label: 'Every kind' },
  ...Object.entries(RECORD_KIND_LABELS).map(([value, label]) => ({ value, label })),
];
const REGION_LEVELS = [
  { value: 'county', label: 'Counties' },
  { value: 'h3:4', label: 'H3 cells, about 1,800 km²' },
  { value: 'h3:5', label: 'H3 cells, about 250 km²' },
];
const WEEK_OPTIONS = ['26', '52', '104', '156'].map((w) => ({ value: w, label: `${w} weeks` }));

function TrendsScreen({ end }: { end: string }) {
  const [by, setBy] = useState<SeriesBy>('category');
  const [filter, setFilter] = useState('');
  const [regionLevel, setRegionLevel] = useState('county');
  const [regionId, setRegionId] = useState('');
  const [weeks, setWeeks] = useState('52');
  const [flaggedOnly, setFlaggedOnly] = useState(false);

  const params: TrendsParams = {
    series: by,
    ...(filter && by === 'category' ? { category: filter as CategoryCode } : {}),
    ...(filter && by === 'kind' ? { kind: filter as RecordKind } : {}),
    region: regionLevel,
    ...(regionId ? { regionId } : {}),
    from: new Date(Date.parse(end) - Number(weeks) * 7 * 86_400_000).toISOString().slice(0, 10),
    to: end,
    flaggedOnly: flaggedOnly ? 'true' : 'false',
    limit: 100,
  };
  const trends = useTrends(params);
  const behaviours = useBehaviours();
  const regions = useRegionOptions(trends.data, regionId === '');

  // The banner marks the counts shown: the strictest union of the records counted.
  const marking = trends.data?.marking ?? null;
  return (
    <>
      <AggregateMarkingBanner marking={marking} position="top" />
      <Group align="flex-end" gap="md" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="trends-by">
            Count
          </Text>
          <SegmentedControl
            aria-labelledby="trends-by"
            value={by}
            onChange={(v) => {
              setBy(v);
              setFilter('');
            }}
            data={[
              { value: 'category', label: 'SARs by category' },
              { value: 'kind', label: 'Records by kind' },
            ]}
          />
        </Stack>
        <Select
          label={by === 'category' ? 'Category' : 'Kind'}
          data={
            by === 'category'
              ? [{ value: '', label: 'Every category' }, ...behaviours.options]
              : KIND_OPTIONS
          }
          value={filter}
          onChange={(v) => {
            setFilter(v ?? '');
          }}
          allowDeselect={false}
          w={260}
        />
        <Select
          label="Regions"
          data={REGION_LEVELS}
          value={regionLevel}
          onChange={(v) => {
            setRegionLevel(v ?? 'county');
            setRegionId('');
          }}
          allowDeselect={false}
          w={230}
        />
        <Select
          label="Region"
          data={[{ value: '', label: 'Every region' }, ...regions]}
          value={regionId}
          onChange={(v) => {
            setRegionId(v ?? '');
          }}
          allowDeselect={false}
          searchable
          w={230}
        />
        <Select
          label="Weeks"
          data={WEEK_OPTIONS}
          value={weeks}
          onChange={(v) => {
            setWeeks(v ?? '52');
          }}
          allowDeselect={false}
          w={120}
        />
        <Switch
          label="Only series with a flag"
          checked={flaggedOnly}
          onChange={(e) => {
            setFlaggedOnly(e.currentTarget.checked);
          }}
          mb={8}
        />
      </Group>
      {trends.isError ? (
        <ProblemAlert error={trends.error} title="Trends could not be loaded" />
      ) : null}
      {trends.isPending ? (
        <LoadingState label="Counting…" />
      ) : trends.data ? (
        <TrendsResult
          trends={trends.data}
          labels={seriesLabels(by, behaviours.name)}
          updating={trends.isFetching}
        />
      ) : null}
      <AggregateMarkingBanner marking={marking} position="bottom" />
    </>
  );
}

/** The regions to pick from: those with records in the last answer for every region. */
function useRegionOptions(trends: Trends | undefined, unfiltered: boolean) {
  const [regions, setRegions] = useState<Region[]>([]);
  useEffect(() => {
    if (!trends || !unfiltered) return;
    const seen = new Map(trends.series.map((s) => [s.region.id, s.region]));
    setRegions([...seen.values()].sort((a, b) => regionLabel(a).localeCompare(regionLabel(b))));
  }, [trends, unfiltered]);
  return useMemo(() => regions.map((r) => ({ value: r.id, label: regionLabel(r) })), [regions]);
}

function TrendsResult({
  trends,
  labels,
  updating,
}: {
  trends: Trends;
  labels: SeriesLabels;
  updating: boolean;
}) {
  const charted = trends.series.slice(0, CHART_SERIES);
  if (trends.series.length === 0)
    return (
      <EmptyState title="No records in these weeks">
        None of the records you may see match this question. Try more weeks, another category or
        every region.
      </EmptyState>
    );
  const first = trends.weeks[0];
  const last = trends.weeks.at(-1);
  const summary =
    `Line chart of weekly counts, ${charted.length} of ${trends.seriesTotal} series` +
    (first && last ? `, weeks of ${weekLabel(first)} to ${weekLabel(last)}` : '') +
    `; ${trends.flagsTotal} flagged ${trends.flagsTotal === 1 ? 'week' : 'weeks'}. ` +
    'The tables below give the same figures.';
  return (
    <Stack gap="md">
      <Text size="sm" role="status">
        {trends.seriesTotal} series with records
        {trends.seriesTotal > charted.length
          ? `, the ${charted.length} most significant or busiest drawn`
          : ''}
        ; {trends.flagsTotal} flagged {trends.flagsTotal === 1 ? 'week' : 'weeks'}.{' '}
        {trends.testedFrom
          ? `Weeks are tested from the week of ${weekLabel(trends.testedFrom)}.`
          : 'No week has a full baseline yet.'}
        {updating ? ' (updating…)' : ''}
      </Text>
      <TrendsChart trends={trends} series={charted} labels={labels} summary={summary} />
      <Title order={3} size="h4">
        Flagged weeks
      </Title>
      <FlagsTable flags={trends.flags} total={trends.flagsTotal} labels={labels} />
      <Title order={3} size="h4">
        Series in the chart
      </Title>
      <SeriesTable series={charted} labels={labels} />
      <Text size="xs" c="dimmed">
        Method: {trends.method.description} Baseline {trends.method.baselineWeeks} weeks, guard{' '}
        {trends.method.guardWeeks}, false discovery rate {trends.method.fdr}, at least{' '}
        {trends.method.minCount} records.
      </Text>
    </Stack>
  );
}
