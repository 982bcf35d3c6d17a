import { Button, Group, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { api, unwrap } from '../../../api/client.ts';
import { useCan } from '../../../app/session.ts';
import { LoadMoreButton } from '../../../components/LoadMoreButton.tsx';
import { StateBadge } from '../../../components/StateBadge.tsx';
import { ListStates } from '../../../components/ListStates.tsx';
import { useAgencies, useAgencyName } from '../../../lib/agencies.ts';
import { useCursorPages } from '../../../lib/cursor-pages.ts';
import { isSystemAccount, type CreatedUser, type User } from '../admin-api.ts';
import { AdminSectionHeader } from '../AdminSectionHeader.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { EditButton, NameCell } from '../AdminRow.tsx';
import { SuspendButton } from '../SuspendButton.tsx';
import { OneTimePassword } from './OneTimePassword.tsx';
import { UserForm } from './UserForm.tsx';
import { ATTRIBUTE_LABELS, ROLE_LABELS } from './user-labels.ts';

type Filter = { agencyId: string; username: string };

/** Accounts: list and filter (users:read), create and edit (admins), suspend (CI-16). */
export function UsersSection() {
  const can = useCan();
  const [filter, setFilter] = useState<Filter>({ agencyId: '', username: '' });
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const users = useCursorPages(['users', 'list', filter], (cursor) =>
    unwrap(
      api.GET('/api/v1/users', {
        params: {
          query: {
            cursor,
            limit: 50,
            agencyId: filter.agencyId || undefined,
            username: filter.username.trim() || undefined,
          },
        },
      }),
    ),
  );
  return (
    <section aria-labelledby="users-title">
      <AdminSectionHeader
        id="users-title"
        title="Users"
        newLabel="New user"
        onNew={
          can('users:admin')
            ? () => {
                setEditing('new');
              }
            : undefined
        }
      />
      <UserFilter value={filter} onApply={setFilter} />
      {created?.oneTimePassword ? (
        <OneTimePassword
          user={created}
          onDismiss={() => {
            setCreated(null);
          }}
        />
      ) : null}
      <ListStates
        query={users}
        items={users.items}
        loading="Loading users…"
        failed="Could not load the users"
        empty={{ title: 'No users match', body: 'Clear the filter to see every user.' }}
      >
        {(items) => (
          <>
            <UsersTable users={items} onEdit={setEditing} />
            <LoadMoreButton {...users} shown={items.length} noun="users" />
          </>
        )}
      </ListStates>
      {editing ? (
        <UserForm
          user={editing === 'new' ? null : editing}
          onClose={() => {
            setEditing(null);
          }}
          onCreated={setCreated}
        />
      ) : null}
    </section>
  );
}

function UserFilter({ value, onApply }: { value: Filter; onApply: (f: Filter) => void }) {
  const agencies = useAgencies();
  const [draft, setDraft] = useState(value);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form onSubmit={submit} aria-label="Filter users">
      <Group align="flex-end" mb="md" gap="sm">
        <NativeSelect
          label="Agency"
          value={draft.agencyId}
          onChange={(e) => {
            setDraft({ ...draft, agencyId: e.currentTarget.value });
          }}
          data={[
            { value: '', label: 'All agencies' },
            ...(agencies.data ?? [])
              .map((a) => ({ value: a.id, label: a.name }))
              .sort((a, b) => a.label.localeCompare(b.label)),
          ]}
        />
        <TextInput
          label="Username"
          placeholder="exact username"
          value={draft.username}
          onChange={(e) => {
            setDraft({ ...draft, username: e.currentTarget.value });
          }}
        />
        <Button type="submit" variant="default">
          Filter
        </Button>
      </Group>
    </form>
  );
}

function UsersTable({ users, onEdit }: { users: readonly User[]; onEdit: (u: User) => void }) {
  return (
    <DataTable
      label="Users"
      minWidth={900}
      columns={['User', 'Agency', 'Roles', 'Attributes', 'Status', 'Last sign-in', 'Actions']}
    >
      {users.map((u) => (
        <UserRow
          key={u.id}
          user={u}
          onEdit={() => {
            onEdit(u);
          }}
        />
      ))}
    </DataTable>
  );
}

function UserRow({ user: u, onEdit }: { user: User; onEdit: () => void }) {
  const can = useCan();
  const agencyName = useAgencyName();
  const system = isSystemAccount(u);
  const attributes = (Object.keys(ATTRIBUTE_LABELS) as (keyof typeof ATTRIBUTE_LABELS)[]).filter(
    (k) => u.attributes[k],
  );
  const locked = u.lockedUntil && new Date(u.lockedUntil) > new Date();
  return (
    <Table.Tr data-testid={`user-${u.username}`}>
      <NameCell name={u.username} detail={u.displayName} />
      <Table.Td>{agencyName(u.agencyId)}</Table.Td>
      <Table.Td>
        <Text size="sm">{u.roles.map((r) => ROLE_LABELS[r]).join(', ')}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="xs">{attributes.map((k) => ATTRIBUTE_LABELS[k]).join(', ') || '—'}</Text>
        {u.attributes.nsiTrainedAnalyst ? (
          <Text size="xs">NSI trained {u.attributes.nsiTrainedAnalyst}</Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <StateBadge tone={u.active ? (locked ? 'warn' : 'ok') : 'bad'}>
          {u.active ? (locked ? 'locked' : 'active') : 'suspended'}
        </StateBadge>
        {system ? (
          <Text size="xs" c="dimmed">
            system account
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>{u.lastLoginAt ? new Date(u.lastLoginAt).toLocaleString() : 'never'}</Table.Td>
      <Table.Td>
        {system ? null : (
          <Group gap={4} wrap="nowrap">
            {can('users:admin') ? <EditButton name={u.username} onEdit={onEdit} /> : null}
            {can('accounts:suspend') ? <SuspendUserButton user={u} /> : null}
          </Group>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function SuspendUserButton({ user: u }: { user: User }) {
  return (
    <SuspendButton
      name={u.username}
      active={u.active}
      action={() =>
        unwrap(
          u.active
            ? api.POST('/api/v1/users/{id}/suspend', { params: { path: { id: u.id } } })
            : api.POST('/api/v1/users/{id}/reinstate', { params: { path: { id: u.id } } }),
        )
      }
      invalidate={[['users']]}
    >
      {u.active
        ? `${u.displayName} is signed out everywhere at once, their API tokens stop working, and they cannot sign in until reinstated.`
        : `${u.displayName} can sign in again.`}
    </SuspendButton>
  );
}
