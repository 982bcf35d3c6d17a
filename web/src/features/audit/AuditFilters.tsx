import { Button, Group, NativeSelect, Paper, SimpleGrid, TextInput } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';
import type { AuditFilter } from './audit-api.ts';

type Props = {
  value: AuditFilter;
  onApply: (filter: AuditFilter) => void;
  /** Field errors from the last search (an unknown actor, an invalid date). */
  errors: Record<string, string>;
};

export const EMPTY_FILTER: AuditFilter = {
  actor: '',
  action: '',
  objectId: '',
  decision: '',
  from: '',
  to: '',
};

/** The log's filter: applied on submit, so typing does not read (and audit) the log per key. */
export function AuditFilters({ value, onApply, errors }: Props) {
  // The parent remounts this form (key) when the filter changes from outside, e.g. a click
  // on an actor in the table.
  const [draft, setDraft] = useState(value);
  const set = (key: keyof AuditFilter) => (e: { currentTarget: { value: string } }) => {
    const v = e.currentTarget.value;
    setDraft((d) => ({ ...d, [key]: v }));
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-label="Filter the audit log">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          label="Actor (username)"
          placeholder="e.g. analyst.vfc"
          value={draft.actor}
          onChange={set('actor')}
          error={errors['actor']}
        />
        <TextInput
          label="Action"
          placeholder="e.g. record.read"
          description="Exact action name"
          value={draft.action}
          onChange={set('action')}
          error={errors['action']}
        />
        <TextInput
          label="Object id"
          placeholder="a record, user or job id"
          value={draft.objectId}
          onChange={set('objectId')}
          error={errors['objectId']}
        />
        <NativeSelect
          label="Decision"
          value={draft.decision}
          onChange={set('decision')}
          data={[
            { value: '', label: 'Any' },
            { value: 'allow', label: 'Allowed' },
            { value: 'deny', label: 'Denied' },
          ]}
        />
        <TextInput
          type="datetime-local"
          label="From"
          value={draft.from}
          onChange={set('from')}
          error={errors['from']}
        />
        <TextInput
          type="datetime-local"
          label="To"
          value={draft.to}
          onChange={set('to')}
          error={errors['to']}
        />
      </SimpleGrid>
      <Group mt="md" gap="sm">
        <Button type="submit">Apply filter</Button>
        <Button
          variant="default"
          onClick={() => {
            setDraft(EMPTY_FILTER);
            onApply(EMPTY_FILTER);
          }}
        >
          Clear
        </Button>
      </Group>
    </Paper>
  );
}
