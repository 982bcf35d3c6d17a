import { Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled part of a page, a landmark named by its title (screen readers list them). */
export function PageSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Title order={3} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}
