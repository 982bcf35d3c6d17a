import {
  Button,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import type { ChangeEvent, ReactNode } from 'react';
import { ROLE_LABELS, type ObservationRole } from '../../lib/record-labels.ts';
import { newPerson, newVehicle, type PersonDraft, type VehicleDraft } from './sar-draft.ts';

/** The roles a person or vehicle plays in a SAR (DOMAIN-REFERENCE §1.3 "Involved entities"). */
const ROLES: ObservationRole[] = ['subject', 'witness', 'reporting_party', 'victim', 'associate'];
const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
const SEX_OPTIONS = [
  { value: '', label: 'Not given' },
  { value: 'F', label: 'Female' },
  { value: 'M', label: 'Male' },
  { value: 'X', label: 'Other' },
  { value: 'U', label: 'Unknown' },
];

type Item = { key: number; role: ObservationRole };
type ListProps<T> = { items: T[]; onChange: (items: T[]) => void };
type Field<T> = (field: keyof T & string) => {
  value: string;
  onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => void;
};

/**
 * A list of things involved, each a labelled group with its fields and a remove button, and
 * an add button: `field('surname')` binds an input to that item's attribute.
 */
function InvolvedList<T extends Item>({
  legend,
  noun,
  items,
  onChange,
  create,
  fields,
}: ListProps<T> & {
  legend: string;
  noun: string;
  create: () => T;
  fields: (field: Field<T>) => ReactNode;
}) {
  return (
    <Fieldset legend={legend}>
      <Stack gap="md">
        {items.length === 0 ? <Text c="dimmed">None added.</Text> : null}
        {items.map((item, i) => {
          const title = `${noun} ${i + 1}`;
          const field: Field<T> = (name) => ({
            value: String(item[name]),
            onChange: (e) => {
              const value = e.currentTarget.value;
              onChange(items.map((x) => (x.key === item.key ? { ...x, [name]: value } : x)));
            },
          });
          return (
            <Stack key={item.key} gap="xs" role="group" aria-labelledby={`involved-${item.key}`}>
              <Text fw={600} id={`involved-${item.key}`}>
                {title}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <NativeSelect label="Role" data={roleOptions} {...field('role')} />
                {fields(field)}
              </SimpleGrid>
              <Group>
                <Button
                  variant="subtle"
                  color="red"
                  size="xs"
                  onClick={() => {
                    onChange(items.filter((x) => x.key !== item.key));
                  }}
                >
                  Remove {title.toLowerCase()}
                </Button>
              </Group>
            </Stack>
          );
        })}
        <Group>
          <Button
            variant="default"
            onClick={() => {
              onChange([...items, create()]);
            }}
          >
            Add a {noun.toLowerCase()}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

/** People involved: role, name, date of birth, sex and a physical description. */
export function PersonsFields(props: ListProps<PersonDraft>) {
  return (
    <InvolvedList
      {...props}
      legend="People involved"
      noun="Person"
      create={newPerson}
      fields={(field) => (
        <>
          <TextInput label="Given name" {...field('givenName')} />
          <TextInput label="Surname" {...field('surname')} />
          <TextInput
            label="Date of birth"
            description="YYYY-MM-DD, or YYYY-MM / YYYY when partial"
            {...field('dateOfBirth')}
          />
          <NativeSelect label="Sex" data={SEX_OPTIONS} {...field('sex')} />
          <Textarea
            label="Physical description"
            description="For identification only: the one place a physical description (including race or ethnicity) may be written; never a reason for suspicion (SAR-06)."
            autosize
            minRows={2}
            style={{ gridColumn: 'span 2' }}
            {...field('description')}
          />
        </>
      )}
    />
  );
}

/** Vehicles involved: role, plate and state, make, model, colour. */
export function VehiclesFields(props: ListProps<VehicleDraft>) {
  return (
    <InvolvedList
      {...props}
      legend="Vehicles involved"
      noun="Vehicle"
      create={newVehicle}
      fields={(field) => (
        <>
          <TextInput label="Plate" {...field('plate')} />
          <TextInput label="Plate state (two letters)" {...field('plateState')} />
          <TextInput label="Make" {...field('make')} />
          <TextInput label="Model" {...field('model')} />
          <TextInput label="Colour" {...field('color')} />
        </>
      )}
    />
  );
}
