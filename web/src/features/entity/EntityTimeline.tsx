import { Group, Stack, Table, Text } from '@mantine/core';
import { MarkingLabel } from '../../components/MarkingLabel.tsx';
import { RecordLink } from '../../components/RecordLink.tsx';
import { RowPages, usePagedRows } from '../../components/RowPages.tsx';
import { kindLabel, ROLE_LABELS } from '../../lib/record-labels.ts';
import type { Timeline } from './entity-api.ts';

const PAGE = 20;

export const shortDate = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleDateString(undefined, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
      })
    : 'No date';

/** The records the entity appears in, oldest first, page by page. */
export function EntityTimeline({ timeline }: { timeline: Timeline }) {
  const items = timeline.items;
  const paged = usePagedRows(items, PAGE);
  return (
    <Stack gap="xs">
      <Table withTableBorder striped data-testid="entity-timeline">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">#</Table.Th>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Record</Table.Th>
            <Table.Th scope="col">Agency</Table.Th>
            <Table.Th scope="col">Role</Table.Th>
            <Table.Th scope="col">Marking</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {paged.shown.map((r, i) => (
            <Table.Tr key={r.recordId}>
              <Table.Td>{(paged.page - 1) * PAGE + i + 1}</Table.Td>
              <Table.Td>
                <time dateTime={r.occurredFrom ?? undefined}>{shortDate(r.occurredFrom)}</time>
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed">
                  {kindLabel(r.kind)}
                </Text>
                <RecordLink id={r.recordId}>{r.title}</RecordLink>
              </Table.Td>
              <Table.Td>{r.ownerAgencyName}</Table.Td>
              <Table.Td>{r.roles.map((role) => ROLE_LABELS[role]).join(', ')}</Table.Td>
              <Table.Td>
                <MarkingLabel markings={r} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {items.length} record{items.length === 1 ? '' : 's'}
          {timeline.truncated
            ? ' (the earliest; more exist than one page of the timeline holds)'
            : ''}
        </Text>
        <RowPages label="records" {...paged} />
      </Group>
    </Stack>
  );
}
