import { Stack, Text, Title } from '@mantine/core';

/** Stands in for a screen that is being built (replace the page, then delete its use). */
export function BeingBuilt({ title, what }: { title: string; what: string }) {
  return (
    <Stack gap="xs">
      <Title order={2}>{title}</Title>
      <Text c="dimmed">This screen is being built. It will show {what}.</Text>
    </Stack>
  );
}
