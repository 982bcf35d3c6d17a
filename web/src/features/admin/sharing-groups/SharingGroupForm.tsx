import { MultiSelect } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { api, unwrap } from '../../../api/client.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useAgencies } from '../../../lib/agencies.ts';
import { fieldErrors } from '../../../lib/field-errors.ts';
import { AdminFormModal, NameAndDescription } from '../AdminFormModal.tsx';
import { withSelected } from '../select-options.ts';
import {
  useAdminChange,
  useAllUsers,
  type SharingGroup,
  type SharingGroupBody,
} from '../admin-api.ts';

type Props = { group: SharingGroup | null; onClose: () => void };

/** Create or edit a sharing group: its name, description and member agencies and users. */
export function SharingGroupForm({ group, onClose }: Props) {
  const agencies = useAgencies();
  const users = useAllUsers(true);
  const [name, setName] = useState(group?.name ?? '');
  const [description, setDescription] = useState(group?.description ?? '');
  const [agencyIds, setAgencyIds] = useState(group?.members.agencyIds ?? []);
  const [userIds, setUserIds] = useState(group?.members.userIds ?? []);
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const save = useAdminChange(
    (body: SharingGroupBody) =>
      group
        ? unwrap(
            api.PATCH('/api/v1/sharing-groups/{id}', { params: { path: { id: group.id } }, body }),
          )
        : unwrap(api.POST('/api/v1/sharing-groups', { body })),
    [['sharing-groups']],
    onClose,
  );
  const errors = { ...fieldErrors(save.error), ...invalid };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (name.trim().length < 2) {
      setInvalid({ name: 'Give the group a name (2 characters or more).' });
      return;
    }
    setInvalid({});
    save.mutate({
      name: name.trim(),
      description: description.trim(),
      members: { agencyIds, userIds },
    });
  };

  return (
    <AdminFormModal
      title={group ? `Edit ${group.name}` : 'New sharing group'}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      pending={save.isPending}
      submitLabel={group ? 'Save' : 'Create sharing group'}
    >
      <NameAndDescription
        name={name}
        description={description}
        onName={setName}
        onDescription={setDescription}
        errors={errors}
      />
      <MultiSelect
        label="Member agencies"
        description="Every user of these agencies is a member."
        searchable
        value={agencyIds}
        onChange={setAgencyIds}
        data={withSelected(
          (agencies.data ?? []).map((a) => ({ value: a.id, label: a.name })),
          agencyIds,
        )}
        error={errors['members']}
      />
      <MultiSelect
        label="Member users"
        description="Individual users, whatever their agency."
        searchable
        value={userIds}
        onChange={setUserIds}
        data={withSelected(
          (users.data ?? []).map((u) => ({
            value: u.id,
            label: `${u.username} (${u.displayName})`,
          })),
          userIds,
        )}
      />
      {users.isError ? <ProblemAlert error={users.error} title="Could not load the users" /> : null}
    </AdminFormModal>
  );
}
