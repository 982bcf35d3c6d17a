import { Box, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useMemo } from 'react';
import { RowPages, usePagedRows } from '../../components/RowPages.tsx';
import { kindLabel, OBSERVATION_TYPE_LABELS } from '../../lib/record-labels.ts';
import { communityColour, type ChartNode } from './chart-model.ts';

const PAGE = 12;

const counted = (n: number, one: string, many: string) => `${String(n)} ${n === 1 ? one : many}`;

const order = (n: ChartNode) => (n.kind === 'entity' ? (n.hop ?? 9) : 10);

/**
 * The chart's nodes as a table: what a screen reader or keyboard user works with (the canvas
 * is a picture). Choosing a name selects the node, as a click on the chart does.
 */
export function ChartNodeTable({
  nodes,
  selectedId,
  onSelect,
}: {
  nodes: readonly ChartNode[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const sorted = useMemo(
    () => [...nodes].sort((a, b) => order(a) - order(b) || a.label.localeCompare(b.label)),
    [nodes],
  );
  const paged = usePagedRows(sorted, PAGE);
  return (
    <Stack gap="xs">
      <Table withTableBorder striped verticalSpacing={4} data-testid="chart-nodes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Node</Table.Th>
            <Table.Th scope="col">Community</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {paged.shown.map((n) => (
            <Table.Tr key={n.id} data-node-id={n.id} data-node-kind={n.kind}>
              <Table.Td>
                <UnstyledButton
                  onClick={() => {
                    onSelect(n.id);
                  }}
                  aria-pressed={n.id === selectedId}
                  fw={n.id === selectedId ? 700 : 400}
                  td="underline"
                  fz="sm"
                >
                  {n.label}
                </UnstyledButton>
                <Text size="xs" c="dimmed">
                  {n.kind === 'entity'
                    ? OBSERVATION_TYPE_LABELS[n.entityType]
                    : kindLabel(n.recordKind)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Box
                    w={12}
                    h={12}
                    bg={communityColour(n.community)}
                    style={{ borderRadius: n.kind === 'entity' ? '50%' : 2 }}
                    aria-hidden
                  />
                  <Text size="sm">{n.community === undefined ? '—' : n.community + 1}</Text>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {counted(nodes.filter((n) => n.kind === 'entity').length, 'entity', 'entities')},{' '}
          {counted(nodes.filter((n) => n.kind === 'record').length, 'record', 'records')}
        </Text>
        <RowPages label="nodes" {...paged} />
      </Group>
    </Stack>
  );
}
