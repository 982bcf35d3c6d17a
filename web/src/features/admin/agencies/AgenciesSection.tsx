import { Badge, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { api, unwrap } from '../../../api/client.ts';
import { useCan } from '../../../app/session.ts';
import { StateBadge } from '../../../components/StateBadge.tsx';
import { ListStates } from '../../../components/ListStates.tsx';
import { useAgencies, type Agency } from '../../../lib/agencies.ts';
import { AdminSectionHeader } from '../AdminSectionHeader.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { EditButton } from '../AdminRow.tsx';
import { SuspendButton } from '../SuspendButton.tsx';
import { AgencyForm } from './AgencyForm.tsx';
import { DISCIPLINE_LABELS, LEVEL_LABELS } from './agency-labels.ts';

/** The center's partner agencies: create and edit (admins), suspend and reinstate (CI-16). */
export function AgenciesSection() {
  const can = useCan();
  const agencies = useAgencies();
  const [editing, setEditing] = useState<Agency | 'new' | null>(null);
  return (
    <section aria-labelledby="agencies-title">
      <AdminSectionHeader
        id="agencies-title"
        title="Agencies"
        newLabel="New agency"
        onNew={
          can('agencies:admin')
            ? () => {
                setEditing('new');
              }
            : undefined
        }
      />
      <ListStates
        query={agencies}
        items={agencies.data}
        loading="Loading agencies…"
        failed="Could not load the agencies"
        empty={{ title: 'No agencies yet' }}
      >
        {(items) => (
          <DataTable
            label="Agencies"
            minWidth={800}
            columns={['Name', 'Discipline', 'Level', 'ORI', 'Contacts', 'Status', 'Actions']}
          >
            {[...items]
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((a) => (
                <AgencyRow
                  key={a.id}
                  agency={a}
                  onEdit={() => {
                    setEditing(a);
                  }}
                />
              ))}
          </DataTable>
        )}
      </ListStates>
      {editing ? (
        <AgencyForm
          agency={editing === 'new' ? null : editing}
          onClose={() => {
            setEditing(null);
          }}
        />
      ) : null}
    </section>
  );
}

function AgencyRow({ agency: a, onEdit }: { agency: Agency; onEdit: () => void }) {
  const can = useCan();
  const action = a.active ? 'suspend' : 'reinstate';
  return (
    <Table.Tr>
      <Table.Td>
        {a.name}{' '}
        {a.isHost ? (
          <Badge size="xs" variant="outline" color="dark">
            host
          </Badge>
        ) : null}
        {a.jurisdiction ? (
          <Text size="xs" c="dimmed">
            {a.jurisdiction}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>{DISCIPLINE_LABELS[a.discipline]}</Table.Td>
      <Table.Td>{LEVEL_LABELS[a.level]}</Table.Td>
      <Table.Td>{a.ori ?? '—'}</Table.Td>
      <Table.Td>
        {a.pointsOfContact.map((c) => (
          <Text key={c.name} size="xs">
            {c.name}
            {c.phone ? ` · ${c.phone}` : ''}
          </Text>
        ))}
      </Table.Td>
      <Table.Td>
        <StateBadge tone={a.active ? 'ok' : 'bad'}>{a.active ? 'active' : 'suspended'}</StateBadge>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          {can('agencies:admin') ? <EditButton name={a.name} onEdit={onEdit} /> : null}
          {can('accounts:suspend') && !a.isHost ? (
            <SuspendButton
              name={a.name}
              active={a.active}
              action={() =>
                unwrap(
                  api.POST(`/api/v1/agencies/{id}/${action}`, { params: { path: { id: a.id } } }),
                )
              }
              invalidate={[['agencies']]}
            >
              {a.active
                ? 'Every user of the agency is signed out at once and cannot sign in, and its API tokens stop working, until it is reinstated. Its records stay.'
                : 'Its users can sign in again.'}
            </SuspendButton>
          ) : null}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
