import { Center, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** While data loads: a spinner with words for screen readers. */
export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" aria-hidden />
        <Text c="dimmed">{label}</Text>
      </Stack>
    </Center>
  );
}

/** Nothing to show: say so, and what the user can do about it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <Center py="xl">
      <Stack align="center" gap="xs" maw={480} ta="center">
        <Title order={3} size="h4">
          {title}
        </Title>
        {children ? <Text c="dimmed">{children}</Text> : null}
      </Stack>
    </Center>
  );
}
