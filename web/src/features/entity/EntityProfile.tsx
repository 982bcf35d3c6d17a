import { Anchor, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { recordPath } from '../../components/RecordLink.tsx';
import type { Entity, NumberedRecord } from './entity-api.ts';
import { attributeLabel, formatValue } from './profile-values.ts';

/**
 * Each attribute with every distinct value the viewer's observations give, and the records
 * that said so, by their number in the records list (the link names the record and agency):
 * where sources disagree, the analyst sees both.
 */
export function EntityProfile({
  profile,
  records,
}: {
  profile: Entity['profile'];
  records: ReadonlyMap<string, NumberedRecord>;
}) {
  const keys = Object.keys(profile).sort((a, b) => a.localeCompare(b));
  if (keys.length === 0)
    return (
      <Text size="sm" c="dimmed">
        The records you may see give no attributes for this entity.
      </Text>
    );
  return (
    <Table withTableBorder striped verticalSpacing="xs" data-testid="entity-profile">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Attribute</Table.Th>
          <Table.Th scope="col">Value</Table.Th>
          <Table.Th scope="col">Source</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {keys.flatMap((key) =>
          (profile[key] ?? []).map((v, i) => (
            <Table.Tr key={`${key}-${String(i)}`}>
              {i === 0 ? (
                <Table.Th
                  scope="row"
                  rowSpan={profile[key]?.length}
                  fw={600}
                  style={{ verticalAlign: 'top' }}
                >
                  {attributeLabel(key)}
                </Table.Th>
              ) : null}
              <Table.Td>{formatValue(v.value) || '—'}</Table.Td>
              <Table.Td>
                <Group gap={6}>
                  {v.sources.map((s) => {
                    const record = records.get(s.recordId);
                    const name = record
                      ? `${record.title} (${record.ownerAgencyName})`
                      : 'a record';
                    const ref = `#${record ? String(record.number) : '?'}`;
                    return (
                      <Anchor
                        key={s.observationId}
                        component={Link}
                        to={recordPath(s.recordId)}
                        title={name}
                        aria-label={`${ref}: ${name}`}
                      >
                        {ref}
                      </Anchor>
                    );
                  })}
                </Group>
              </Table.Td>
            </Table.Tr>
          )),
        )}
      </Table.Tbody>
    </Table>
  );
}
