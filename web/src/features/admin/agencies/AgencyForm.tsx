import { Button, Fieldset, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { api, unwrap } from '../../../api/client.ts';
import { fieldErrors } from '../../../lib/field-errors.ts';
import { AdminFormModal } from '../AdminFormModal.tsx';
import { useAdminChange, type Agency, type CreateAgencyBody } from '../admin-api.ts';
import { optionsOf } from '../select-options.ts';
import { DISCIPLINE_LABELS, LEVEL_LABELS } from './agency-labels.ts';

type Contact = Agency['pointsOfContact'][number];
const ORI = /^[A-Za-z]{2}[A-Za-z0-9]{7}$/;

/** Create an agency (agency = null) or edit one: name, discipline, level, ORI, contacts. */
export function AgencyForm({ agency, onClose }: { agency: Agency | null; onClose: () => void }) {
  const [name, setName] = useState(agency?.name ?? '');
  const [discipline, setDiscipline] = useState<Agency['discipline']>(
    agency?.discipline ?? 'law_enforcement',
  );
  const [level, setLevel] = useState<Agency['level']>(agency?.level ?? 'local');
  const [ori, setOri] = useState(agency?.ori ?? '');
  const [jurisdiction, setJurisdiction] = useState(agency?.jurisdiction ?? '');
  const [contacts, setContacts] = useState<Contact[]>(agency?.pointsOfContact ?? []);
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const save = useAdminChange(
    (body: CreateAgencyBody) =>
      agency
        ? unwrap(api.PATCH('/api/v1/agencies/{id}', { params: { path: { id: agency.id } }, body }))
        : unwrap(api.POST('/api/v1/agencies', { body })),
    [['agencies']],
    onClose,
  );
  const errors = { ...fieldErrors(save.error), ...invalid };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (name.trim().length < 2) problems['name'] = 'Give the agency a name (2 characters or more).';
    if (ori.trim() && !ORI.test(ori.trim()))
      problems['ori'] = 'An ORI is 9 characters: the state code and 7 letters or digits.';
    contacts.forEach((c, i) => {
      if (!c.name.trim()) problems[`pointsOfContact.${i}.name`] = 'A contact needs a name.';
    });
    setInvalid(problems);
    if (Object.keys(problems).length > 0) return;
    save.mutate({
      name: name.trim(),
      discipline,
      level,
      ...(ori.trim() ? { ori: ori.trim() } : {}),
      ...(jurisdiction.trim() ? { jurisdiction: jurisdiction.trim() } : {}),
      pointsOfContact: contacts.map(withoutBlanks),
    });
  };

  return (
    <AdminFormModal
      title={agency ? `Edit ${agency.name}` : 'New agency'}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      pending={save.isPending}
      submitLabel={agency ? 'Save' : 'Create agency'}
    >
      <TextInput
        label="Name"
        required
        value={name}
        onChange={(e) => {
          setName(e.currentTarget.value);
        }}
        error={errors['name']}
      />
      <Group grow>
        <NativeSelect
          label="Discipline"
          value={discipline}
          onChange={(e) => {
            setDiscipline(e.currentTarget.value as Agency['discipline']);
          }}
          data={optionsOf(DISCIPLINE_LABELS)}
        />
        <NativeSelect
          label="Level"
          value={level}
          onChange={(e) => {
            setLevel(e.currentTarget.value as Agency['level']);
          }}
          data={optionsOf(LEVEL_LABELS)}
        />
      </Group>
      <Group grow>
        <TextInput
          label="ORI"
          description="Optional, e.g. VA0430100"
          value={ori}
          onChange={(e) => {
            setOri(e.currentTarget.value);
          }}
          error={errors['ori']}
        />
        <TextInput
          label="Jurisdiction"
          description="Optional"
          value={jurisdiction}
          onChange={(e) => {
            setJurisdiction(e.currentTarget.value);
          }}
          error={errors['jurisdiction']}
        />
      </Group>
      <Contacts contacts={contacts} onChange={setContacts} errors={errors} />
    </AdminFormModal>
  );
}

function withoutBlanks(c: Contact): Contact {
  return {
    name: c.name.trim(),
    ...(c.title?.trim() ? { title: c.title.trim() } : {}),
    ...(c.phone?.trim() ? { phone: c.phone.trim() } : {}),
    ...(c.email?.trim() ? { email: c.email.trim() } : {}),
  };
}

type ContactsProps = {
  contacts: Contact[];
  onChange: (c: Contact[]) => void;
  errors: Record<string, string>;
};

function Contacts({ contacts, onChange, errors }: ContactsProps) {
  const set = (i: number, field: keyof Contact, value: string) => {
    onChange(contacts.map((c, j) => (j === i ? { ...c, [field]: value } : c)));
  };
  const fields: [keyof Contact, string][] = [
    ['name', 'Name'],
    ['title', 'Title'],
    ['phone', 'Phone'],
    ['email', 'E-mail'],
  ];
  return (
    <Fieldset legend="Points of contact">
      <Stack gap="xs">
        {contacts.map((c, i) => (
          <Group key={i} align="flex-end" gap="xs" wrap="nowrap">
            {fields.map(([field, label]) => (
              <TextInput
                key={field}
                label={`${label} (contact ${i + 1})`}
                required={field === 'name'}
                value={c[field] ?? ''}
                onChange={(e) => {
                  set(i, field, e.currentTarget.value);
                }}
                error={errors[`pointsOfContact.${i}.${field}`]}
              />
            ))}
            <Button
              variant="default"
              aria-label={`Remove contact ${i + 1}`}
              onClick={() => {
                onChange(contacts.filter((_, j) => j !== i));
              }}
            >
              Remove
            </Button>
          </Group>
        ))}
        <Button
          variant="default"
          w="fit-content"
          onClick={() => {
            onChange([...contacts, { name: '' }]);
          }}
        >
          Add a contact
        </Button>
      </Stack>
    </Fieldset>
  );
}
