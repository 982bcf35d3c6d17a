import { Group, Stack, Table, Text } from '@mantine/core';
import { MarkingLabel } from '../../components/MarkingLabel.tsx';
import { RecordLink } from '../../components/RecordLink.tsx';
import { RowPages, usePagedRows } from '../../components/RowPages.tsx';
import { kindLabel } from '../../lib/record-labels.ts';
import type { RecordPoint } from './geo-queries.ts';

const PAGE_SIZE = 25;
const DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

/**
 * The records drawn on the map as a table, a page at a time: the keyboard and screen-reader
 * way to the same records (map points are not focusable), newest first.
 */
export function RecordsOnMap({ points }: { points: readonly RecordPoint[] }) {
  const paged = usePagedRows(points, PAGE_SIZE);
  return (
    <Stack gap="xs">
      <Table striped highlightOnHover aria-label="Records on the map">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Record</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Began</Table.Th>
            <Table.Th>Place</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Marking</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {paged.shown.map(({ properties: p }) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <RecordLink id={p.id}>{p.title}</RecordLink>
              </Table.Td>
              <Table.Td>{kindLabel(p.kind)}</Table.Td>
              <Table.Td>{p.occurredFrom ? DATE.format(new Date(p.occurredFrom)) : '—'}</Table.Td>
              <Table.Td>{p.address ?? '—'}</Table.Td>
              <Table.Td>{p.ownerAgencyName}</Table.Td>
              <Table.Td>
                <MarkingLabel markings={p} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {points.length} {points.length === 1 ? 'record' : 'records'}, newest first
        </Text>
        <RowPages label="records on the map" {...paged} />
      </Group>
    </Stack>
  );
}
