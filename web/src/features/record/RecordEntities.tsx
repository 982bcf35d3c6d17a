import { Table, Text } from '@mantine/core';
import { EntityLink } from '../../components/EntityLink.tsx';
import {
  OBSERVATION_TYPE_LABELS,
  observationLabel,
  ROLE_LABELS,
  type Observation,
} from '../../lib/record-labels.ts';

const ROLE_ORDER = Object.keys(ROLE_LABELS);

/** The people, vehicles, phones… this record mentions, with their role in it. */
export function RecordEntities({ observations }: { observations: readonly Observation[] }) {
  if (observations.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No entities were recorded or found in this record.
      </Text>
    );
  }
  const rows = [...observations].sort(
    (a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role),
  );
  return (
    <Table striped withTableBorder data-testid="record-entities">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Entity</Table.Th>
          <Table.Th scope="col">Type</Table.Th>
          <Table.Th scope="col">Role</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((o) => (
          <Table.Tr key={o.id}>
            <Table.Td>
              <EntityLink id={o.entityId}>{observationLabel(o)}</EntityLink>
            </Table.Td>
            <Table.Td>{OBSERVATION_TYPE_LABELS[o.type]}</Table.Td>
            <Table.Td>{ROLE_LABELS[o.role]}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
