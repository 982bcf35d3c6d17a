import { Button, Group, Title } from '@mantine/core';

/** An admin section's title, and its "New …" button where the user may create one. */
export function AdminSectionHeader({
  id,
  title,
  newLabel,
  onNew,
}: {
  id: string;
  title: string;
  newLabel: string;
  /** Omitted where the user has no right to create: no button. */
  onNew?: (() => void) | undefined;
}) {
  return (
    <Group justify="space-between" mb="sm">
      <Title order={3} id={id}>
        {title}
      </Title>
      {onNew ? <Button onClick={onNew}>{newLabel}</Button> : null}
    </Group>
  );
}
