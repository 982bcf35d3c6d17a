import { Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type SubmitEvent } from 'react';

/**
 * CI-07: criminal intelligence opens only for a stated need to know. The purpose goes with
 * the request (X-Purpose) and into the audit log beside the read.
 */
export function PurposeForm({ onSubmit }: { onSubmit: (purpose: string) => void }) {
  const [purpose, setPurpose] = useState('');
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    if (purpose.trim()) onSubmit(purpose.trim());
  };
  return (
    <Paper withBorder p="lg" maw={640} component="section" aria-label="State your purpose">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            Criminal intelligence (28 CFR Part 23)
          </Title>
          <Text size="sm">
            This record is criminal intelligence. State your need to know to open it.
          </Text>
          <Textarea
            label="Purpose (need to know)"
            description="A case number or a justification. It is recorded in the audit log with your access."
            required
            autosize
            minRows={2}
            maxLength={500}
            value={purpose}
            onChange={(e) => {
              setPurpose(e.currentTarget.value);
            }}
            data-autofocus
          />
          <Group>
            <Button type="submit" disabled={!purpose.trim()}>
              Open with this purpose
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
