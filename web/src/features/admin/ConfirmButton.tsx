import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useAdminChange } from './admin-api.ts';
import type { QueryKey } from '@tanstack/react-query';

type Props = {
  /** The button's text, e.g. "Suspend". */
  label: string;
  /** The accessible name when the label alone is ambiguous in a list ("Suspend jdoe"). */
  ariaLabel: string;
  title: string;
  children: ReactNode;
  color?: string;
  action: () => Promise<unknown>;
  invalidate: QueryKey[];
};

/** A consequential action (suspend, delete): asks first, and shows the refusal if any. */
export function ConfirmButton({
  label,
  ariaLabel,
  title,
  children,
  color,
  action,
  invalidate,
}: Props) {
  const [opened, { open, close }] = useDisclosure(false);
  const change = useAdminChange(action, invalidate, close);
  return (
    <>
      <Button
        size="compact-sm"
        variant={color ? 'outline' : 'default'}
        color={color}
        aria-label={ariaLabel}
        onClick={() => {
          change.reset();
          open();
        }}
      >
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={title}>
        <Stack>
          <Text size="sm">{children}</Text>
          {change.isError ? <ProblemAlert error={change.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color={color}
              loading={change.isPending}
              onClick={() => {
                change.mutate(undefined);
              }}
            >
              {label}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
