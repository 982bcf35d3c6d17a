import { Group, Stack, Table, Text } from '@mantine/core';
import { RowPages, usePagedRows } from '../../components/RowPages.tsx';
import { formatP, regionLabel, weekLabel, type SeriesLabels } from './trend-labels.ts';
import type { TrendFlag, TrendSeries } from './trends-query.ts';

const PAGE_SIZE = 20;

/**
 * Every flagged week with the size of the rise (count against the baseline's expected count)
 * and how surprising it is (p-value for the series alone, q-value across the week's family).
 */
export function FlagsTable({
  flags,
  total,
  labels,
}: {
  flags: readonly TrendFlag[];
  total: number;
  labels: SeriesLabels;
}) {
  const paged = usePagedRows(flags, PAGE_SIZE);
  if (flags.length === 0)
    return (
      <Text c="dimmed" size="sm">
        No week is flagged: nothing rose more than chance would explain at this false discovery
        rate.
      </Text>
    );
  return (
    <Stack gap="xs">
      <Table striped aria-label="Flagged weeks">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Week</Table.Th>
            <Table.Th>{labels.heading}</Table.Th>
            <Table.Th>Region</Table.Th>
            <Table.Th ta="right">Count</Table.Th>
            <Table.Th ta="right">Expected</Table.Th>
            <Table.Th ta="right">p-value</Table.Th>
            <Table.Th ta="right">q-value</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {paged.shown.map((f) => (
            <Table.Tr key={`${f.week}|${f.key}|${f.region.id}`}>
              <Table.Td>{weekLabel(f.week)}</Table.Td>
              <Table.Td>{labels.key(f.key)}</Table.Td>
              <Table.Td>{regionLabel(f.region)}</Table.Td>
              <Table.Td ta="right">{f.count}</Table.Td>
              <Table.Td ta="right">{f.expected.toFixed(1)}</Table.Td>
              <Table.Td ta="right">{formatP(f.pValue)}</Table.Td>
              <Table.Td ta="right">{formatP(f.qValue)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {total} flagged {total === 1 ? 'week' : 'weeks'}
          {total > flags.length ? ` (the first ${flags.length} listed)` : ''}
        </Text>
        <RowPages label="flagged weeks" {...paged} />
      </Group>
    </Stack>
  );
}

/** The lines of the chart in figures: each series' total, busiest week and flagged weeks. */
export function SeriesTable({
  series,
  labels,
}: {
  series: readonly TrendSeries[];
  labels: SeriesLabels;
}) {
  return (
    <Table striped aria-label="Series in the chart">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Series</Table.Th>
          <Table.Th ta="right">Records</Table.Th>
          <Table.Th ta="right">Busiest week</Table.Th>
          <Table.Th>Flagged weeks</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {series.map((s) => (
          <Table.Tr key={`${s.key}|${s.region.id}`}>
            <Table.Td>{labels.series(s)}</Table.Td>
            <Table.Td ta="right">{s.total}</Table.Td>
            <Table.Td ta="right">{Math.max(0, ...s.counts)}</Table.Td>
            <Table.Td>
              {s.flaggedWeeks.length ? s.flaggedWeeks.map(weekLabel).join('; ') : 'none'}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
