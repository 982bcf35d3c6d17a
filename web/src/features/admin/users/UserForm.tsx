import { Checkbox, NativeSelect, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import { api, unwrap } from '../../../api/client.ts';
import { useMe } from '../../../app/session.ts';
import { useAgencies } from '../../../lib/agencies.ts';
import { fieldErrors } from '../../../lib/field-errors.ts';
import { AdminFormModal } from '../AdminFormModal.tsx';
import {
  useAdminChange,
  type CreatedUser,
  type CreateUserBody,
  type Role,
  type User,
} from '../admin-api.ts';
import { ATTRIBUTE_LABELS, ROLE_LABELS } from './user-labels.ts';

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,62}$/;
const PASSWORD_MIN = 12;
const ROLES = Object.keys(ROLE_LABELS) as Role[];
type Attributes = User['attributes'];
type Flag = keyof typeof ATTRIBUTE_LABELS;

type Props = {
  /** null: a new user. */
  user: User | null;
  onClose: () => void;
  onCreated: (u: CreatedUser) => void;
};

/** Create a user (agency, username, password) or edit one: name, contact, roles, attributes. */
export function UserForm({ user, onClose, onCreated }: Props) {
  const me = useMe();
  const agencies = useAgencies();
  const [agencyId, setAgencyId] = useState(user?.agencyId ?? me.agency.id);
  const [username, setUsername] = useState(user?.username ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [phone, setPhone] = useState(user?.phone ?? '');
  const [roles, setRoles] = useState<Role[]>(user?.roles ?? []);
  const [attributes, setAttributes] = useState<Attributes>(
    user?.attributes ?? {
      lawEnforcement: false,
      cfr23Trained: false,
      piiAccess: false,
      healthAccess: false,
      nsiTrainedAnalyst: null,
    },
  );
  const [password, setPassword] = useState('');
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const save = useAdminChange(
    (body: CreateUserBody): Promise<User | CreatedUser> => {
      if (!user) return unwrap(api.POST('/api/v1/users', { body }));
      const { agencyId: _a, username: _u, password: _p, ...changes } = body;
      return unwrap(
        api.PATCH('/api/v1/users/{id}', {
          params: { path: { id: user.id } },
          body: { ...changes, email: changes.email ?? null, phone: changes.phone ?? null },
        }),
      );
    },
    [['users']],
    (saved) => {
      if (!user) onCreated(saved);
      onClose();
    },
  );
  const errors = { ...fieldErrors(save.error), ...invalid };

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const name = username.trim().toLowerCase();
    const problems: Record<string, string> = {};
    if (!user && !USERNAME.test(name))
      problems['username'] =
        '2–63 letters, digits, dot, dash or underscore, starting with a letter or digit.';
    if (!displayName.trim()) problems['displayName'] = 'Give the name people know them by.';
    if (email.trim() && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim()))
      problems['email'] = 'Not an e-mail address.';
    if (roles.length === 0) problems['roles'] = 'Give the user at least one role.';
    if (!user && password && password.length < PASSWORD_MIN)
      problems['password'] = `At least ${PASSWORD_MIN} characters, or leave empty.`;
    setInvalid(problems);
    if (Object.keys(problems).length > 0) return;
    save.mutate({
      agencyId,
      username: name,
      displayName: displayName.trim(),
      ...(email.trim() ? { email: email.trim() } : {}),
      ...(phone.trim() ? { phone: phone.trim() } : {}),
      roles,
      attributes,
      ...(password ? { password } : {}),
    });
  };

  const text = (label: string, key: string, value: string, set: (v: string) => void) => (
    <TextInput
      label={label}
      value={value}
      onChange={(e) => {
        set(e.currentTarget.value);
      }}
      error={errors[key]}
    />
  );

  return (
    <AdminFormModal
      title={user ? `Edit ${user.username}` : 'New user'}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      pending={save.isPending}
      submitLabel={user ? 'Save' : 'Create user'}
    >
      {user ? null : (
        <SimpleGrid cols={2}>
          <NativeSelect
            label="Agency"
            required
            value={agencyId}
            onChange={(e) => {
              setAgencyId(e.currentTarget.value);
            }}
            data={(agencies.data ?? [me.agency])
              .map((a) => ({ value: a.id, label: a.name }))
              .sort((a, b) => a.label.localeCompare(b.label))}
            error={errors['agencyId']}
          />
          <TextInput
            label="Username"
            required
            value={username}
            onChange={(e) => {
              setUsername(e.currentTarget.value);
            }}
            error={errors['username']}
          />
        </SimpleGrid>
      )}
      <TextInput
        label="Display name"
        required
        value={displayName}
        onChange={(e) => {
          setDisplayName(e.currentTarget.value);
        }}
        error={errors['displayName']}
      />
      <SimpleGrid cols={2}>
        {text('E-mail', 'email', email, setEmail)}
        {text('Phone', 'phone', phone, setPhone)}
      </SimpleGrid>
      <Checkbox.Group
        label="Roles"
        required
        value={roles}
        onChange={(v) => {
          setRoles(v);
        }}
        error={errors['roles']}
      >
        <SimpleGrid cols={3} mt={4} spacing={6}>
          {ROLES.map((r) => (
            <Checkbox key={r} value={r} label={ROLE_LABELS[r]} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <AttributesFields value={attributes} onChange={setAttributes} errors={errors} />
      {user ? null : (
        <PasswordInput
          label="Password"
          description="Leave empty to generate a one-time password they must change at first sign-in."
          autoComplete="new-password"
          value={password}
          onChange={(e) => {
            setPassword(e.currentTarget.value);
          }}
          error={errors['password']}
        />
      )}
    </AdminFormModal>
  );
}

type AttributesProps = {
  value: Attributes;
  onChange: (a: Attributes) => void;
  errors: Record<string, string>;
};

function AttributesFields({ value, onChange, errors }: AttributesProps) {
  const flags = Object.keys(ATTRIBUTE_LABELS) as Flag[];
  return (
    <Stack gap="xs">
      <Checkbox.Group
        label="Attributes"
        description="Which caveated content the user may see, on top of their roles."
        value={flags.filter((f) => value[f])}
        onChange={(checked) => {
          onChange({ ...value, ...Object.fromEntries(flags.map((f) => [f, checked.includes(f)])) });
        }}
      >
        <SimpleGrid cols={2} mt={4} spacing={6}>
          {flags.map((f) => (
            <Checkbox key={f} value={f} label={ATTRIBUTE_LABELS[f]} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <TextInput
        type="date"
        label="NSI SAR analyst training completed"
        description="Optional: the date of the user's current NSI training (SAR vetting)."
        value={value.nsiTrainedAnalyst ?? ''}
        onChange={(e) => {
          onChange({ ...value, nsiTrainedAnalyst: e.currentTarget.value || null });
        }}
        error={errors['attributes.nsiTrainedAnalyst']}
      />
    </Stack>
  );
}
