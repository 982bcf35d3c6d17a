import { Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { api, unwrap } from '../../../api/client.ts';
import { ListStates } from '../../../components/ListStates.tsx';
import { useAgencyName } from '../../../lib/agencies.ts';
import { useSharingGroups, type SharingGroup } from '../admin-api.ts';
import { AdminSectionHeader } from '../AdminSectionHeader.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { EditButton, NameCell } from '../AdminRow.tsx';
import { ConfirmButton } from '../ConfirmButton.tsx';
import { SharingGroupForm } from './SharingGroupForm.tsx';

/**
 * Sharing groups: named sets of agencies and users that a marking's "releasable to" can
 * name, so partner sharing is narrowed to them.
 */
export function SharingGroupsSection() {
  const groups = useSharingGroups();
  const agencyName = useAgencyName();
  const [editing, setEditing] = useState<SharingGroup | 'new' | null>(null);
  return (
    <section aria-labelledby="groups-title">
      <AdminSectionHeader
        id="groups-title"
        title="Sharing groups"
        newLabel="New sharing group"
        onNew={() => {
          setEditing('new');
        }}
      />
      <ListStates
        query={groups}
        items={groups.data}
        loading="Loading sharing groups…"
        failed="Could not load the sharing groups"
        empty={{
          title: 'No sharing groups yet',
          body: 'A sharing group names agencies and users that records can be released to together.',
        }}
      >
        {(items) => (
          <DataTable
            label="Sharing groups"
            minWidth={700}
            columns={['Name', 'Member agencies', 'Member users', 'Actions']}
          >
            {items.map((g) => (
              <Table.Tr key={g.id}>
                <NameCell name={g.name} detail={g.description} />
                <Table.Td>
                  <Text size="sm">{g.members.agencyIds.map(agencyName).join(', ') || '—'}</Text>
                </Table.Td>
                <Table.Td>{g.members.userIds.length}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <EditButton
                      name={g.name}
                      onEdit={() => {
                        setEditing(g);
                      }}
                    />
                    <ConfirmButton
                      label="Delete"
                      ariaLabel={`Delete ${g.name}`}
                      title={`Delete ${g.name}?`}
                      color="red.9"
                      action={() =>
                        unwrap(
                          api.DELETE('/api/v1/sharing-groups/{id}', {
                            params: { path: { id: g.id } },
                          }),
                        )
                      }
                      invalidate={[['sharing-groups']]}
                    >
                      Records released to this group are no longer released to its members through
                      it.
                    </ConfirmButton>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
        )}
      </ListStates>
      {editing ? (
        <SharingGroupForm
          group={editing === 'new' ? null : editing}
          onClose={() => {
            setEditing(null);
          }}
        />
      ) : null}
    </section>
  );
}
