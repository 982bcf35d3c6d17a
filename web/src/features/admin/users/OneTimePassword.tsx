import { Alert, Button, Code, CopyButton, Group, Text } from '@mantine/core';
import type { CreatedUser } from '../admin-api.ts';

/** The generated first password, shown once: only its hash is kept. */
export function OneTimePassword({ user, onDismiss }: { user: CreatedUser; onDismiss: () => void }) {
  const password = user.oneTimePassword ?? '';
  return (
    <Alert
      color="dark"
      variant="outline"
      title={`${user.username} was created`}
      mb="md"
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={onDismiss}
      role="status"
    >
      <Text size="sm">
        Give them this one-time password by a separate channel. It is shown only now; they choose
        their own at first sign-in.
      </Text>
      <Group mt="xs" gap="sm">
        <Code fz="md" data-testid="one-time-password">
          {password}
        </Code>
        <CopyButton value={password}>
          {({ copied, copy }) => (
            <Button size="compact-sm" variant="default" onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Alert>
  );
}
