import { Checkbox, NativeSelect } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { api, unwrap } from '../../../api/client.ts';
import { useMe } from '../../../app/session.ts';
import { useAgencies } from '../../../lib/agencies.ts';
import { fieldErrors } from '../../../lib/field-errors.ts';
import { AdminFormModal, NameAndDescription } from '../AdminFormModal.tsx';
import { useAdminChange, type CreateSourceBody, type Source } from '../admin-api.ts';
import { DEFAULT_MARKINGS } from './marking-labels.ts';
import { MarkingsFields } from './MarkingsFields.tsx';

type Props = { source: Source | null; onClose: () => void };

/** Create a source for an agency, or edit one: name, description, default markings, active. */
export function SourceForm({ source, onClose }: Props) {
  const me = useMe();
  const agencies = useAgencies();
  // The API lets supervisors manage their own agency's sources only; administrators any.
  const anyAgency = me.user.roles.includes('admin');
  const [agencyId, setAgencyId] = useState(source?.agencyId ?? me.agency.id);
  const [name, setName] = useState(source?.name ?? '');
  const [description, setDescription] = useState(source?.description ?? '');
  const [markings, setMarkings] = useState(source?.defaultMarkings ?? DEFAULT_MARKINGS);
  const [active, setActive] = useState(source?.active ?? true);
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const save = useAdminChange(
    (body: CreateSourceBody) => {
      if (!source) return unwrap(api.POST('/api/v1/sources', { body }));
      const { agencyId: _a, ...changes } = body;
      return unwrap(
        api.PATCH('/api/v1/sources/{id}', {
          params: { path: { id: source.id } },
          body: { ...changes, active },
        }),
      );
    },
    [['sources']],
    onClose,
  );
  const errors = { ...fieldErrors(save.error), ...invalid };
  const agencyOptions = (agencies.data ?? [me.agency])
    .filter((a) => anyAgency || a.id === me.agency.id)
    .map((a) => ({ value: a.id, label: a.name }))
    .sort((a, b) => a.label.localeCompare(b.label));

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (name.trim().length < 2) {
      setInvalid({ name: 'Give the source a name (2 characters or more).' });
      return;
    }
    setInvalid({});
    save.mutate({
      agencyId,
      name: name.trim(),
      description: description.trim(),
      defaultMarkings: markings,
    });
  };

  return (
    <AdminFormModal
      title={source ? `Edit ${source.name}` : 'New source'}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      pending={save.isPending}
      submitLabel={source ? 'Save' : 'Create source'}
    >
      {source ? null : (
        <NativeSelect
          label="Agency"
          description="Records from this source are owned by this agency."
          value={agencyId}
          onChange={(e) => {
            setAgencyId(e.currentTarget.value);
          }}
          data={agencyOptions}
          error={errors['agencyId']}
        />
      )}
      <NameAndDescription
        name={name}
        description={description}
        onName={setName}
        onDescription={setDescription}
        errors={errors}
        placeholder="e.g. RMS nightly export"
      />
      <MarkingsFields
        value={markings}
        onChange={setMarkings}
        error={errors['defaultMarkings.releasableTo']}
      />
      {source ? (
        <Checkbox
          label="Active: files may be ingested into it"
          checked={active}
          onChange={(e) => {
            setActive(e.currentTarget.checked);
          }}
        />
      ) : null}
    </AdminFormModal>
  );
}
