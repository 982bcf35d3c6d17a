import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import type { ReactNode, SubmitEvent } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

type Props = {
  /** The dialog's title, which also names its form ("New user", "Edit Fairfax PD"). */
  title: string;
  onClose: () => void;
  onSubmit: (event: SubmitEvent) => void;
  /** The last refusal of the server, shown above the buttons. */
  error: unknown;
  pending: boolean;
  submitLabel: string;
  children: ReactNode;
};

/**
 * The admin screen's create and edit dialogs: a form in a modal whose close button is named for
 * screen readers, the server's refusal, Cancel and the submit button.
 */
export function AdminFormModal(props: Props) {
  const { title, onClose, onSubmit, error, pending, submitLabel, children } = props;
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack gap="sm">
          {children}
          {error ? <ProblemAlert error={error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type NameProps = {
  name: string;
  description: string;
  onName: (v: string) => void;
  onDescription: (v: string) => void;
  errors: Record<string, string>;
  placeholder?: string;
};

/** The name and description every sharing group and source has. */
export function NameAndDescription(p: NameProps) {
  return (
    <>
      <TextInput
        label="Name"
        required
        placeholder={p.placeholder}
        value={p.name}
        onChange={(e) => {
          p.onName(e.currentTarget.value);
        }}
        error={p.errors['name']}
      />
      <Textarea
        label="Description"
        autosize
        minRows={2}
        value={p.description}
        onChange={(e) => {
          p.onDescription(e.currentTarget.value);
        }}
        error={p.errors['description']}
      />
    </>
  );
}
