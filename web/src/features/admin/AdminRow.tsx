import { Button, Table, Text } from '@mantine/core';

/** A row's name in bold, and what describes it below. */
export function NameCell({ name, detail }: { name: string; detail?: string | null | undefined }) {
  return (
    <Table.Td>
      <Text size="sm" fw={600}>
        {name}
      </Text>
      <Text size="xs" c="dimmed">
        {detail}
      </Text>
    </Table.Td>
  );
}

/** A row's Edit button, named for the row ("Edit jdoe") among the many in the list. */
export function EditButton({ name, onEdit }: { name: string; onEdit: () => void }) {
  return (
    <Button size="compact-sm" variant="default" aria-label={`Edit ${name}`} onClick={onEdit}>
      Edit
    </Button>
  );
}
