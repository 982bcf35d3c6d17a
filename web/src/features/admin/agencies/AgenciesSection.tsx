import { Badge, Button, Group, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { api, unwrap } from '../../../api/client.ts';
import { useCan } from '../../../app/session.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { StateBadge } from '../../../components/StateBadge.tsx';
import { EmptyState, LoadingState } from '../../../components/States.tsx';
import { useAgencies, type Agency } from '../../../lib/agencies.ts';
import { ConfirmButton } from '../ConfirmButton.tsx';
import { AgencyForm } from './AgencyForm.tsx';
import { DISCIPLINE_LABELS, LEVEL_LABELS } from './agency-labels.ts';

/** The center's partner agencies: create and edit (admins), suspend and reinstate (CI-16). */
export function AgenciesSection() {
  const can = useCan();
  const agencies = useAgencies();
  const [editing, setEditing] = useState<Agency | 'new' | null>(null);
  return (
    <section aria-labelledby="agencies-title">
      <Group justify="space-between" mb="sm">
        <Title order={3} id="agencies-title">
          Agencies
        </Title>
        {can('agencies:admin') ? (
          <Button
            onClick={() => {
              setEditing('new');
            }}
          >
            New agency
          </Button>
        ) : null}
      </Group>
      {agencies.isPending ? (
        <LoadingState label="Loading agencies…" />
      ) : agencies.isError ? (
        <ProblemAlert error={agencies.error} title="Could not load the agencies" />
      ) : agencies.data.length === 0 ? (
        <EmptyState title="No agencies yet" />
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped aria-label="Agencies">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Discipline</Table.Th>
                <Table.Th>Level</Table.Th>
                <Table.Th>ORI</Table.Th>
                <Table.Th>Contacts</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...agencies.data]
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
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
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
          {can('agencies:admin') ? (
            <Button
              size="compact-sm"
              variant="default"
              aria-label={`Edit ${a.name}`}
              onClick={onEdit}
            >
              Edit
            </Button>
          ) : null}
          {can('accounts:suspend') && !a.isHost ? (
            <ConfirmButton
              label={a.active ? 'Suspend' : 'Reinstate'}
              ariaLabel={`${a.active ? 'Suspend' : 'Reinstate'} ${a.name}`}
              title={`${a.active ? 'Suspend' : 'Reinstate'} ${a.name}?`}
              color={a.active ? 'red.9' : undefined}
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
            </ConfirmButton>
          ) : null}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
