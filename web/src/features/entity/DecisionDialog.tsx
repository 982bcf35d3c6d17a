import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import type { Decision } from './entity-api.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const WORDING: { [K in Decision['kind']]: { title: string; action: string; what: string } } = {
  confirm: {
    title: 'Confirm the possible association',
    action: 'Confirm',
    what: 'Confirming as the same makes one entity of the two; as an association it links them without establishing identity (CI-14).',
  },
  reject: {
    title: 'Reject the possible association',
    action: 'Reject',
    what: 'Resolution will keep these two apart from now on.',
  },
  split: {
    title: 'Split this merge',
    action: 'Split',
    what: 'The observations this merge brought in go back to their own entity.',
  },
  merge: {
    title: 'Merge another entity into this one',
    action: 'Merge',
    what: 'Both must be of the same type and the evidence must meet the minimum for identity (CI-14).',
  },
};

type Props = {
  decision: Decision;
  pending: boolean;
  error: unknown;
  onSubmit: (decision: Decision, rationale: string) => void;
  onClose: () => void;
};

/** Every analyst decision on an entity states why: the rationale goes to the audit log. */
export function DecisionDialog({ decision, pending, error, onSubmit, onClose }: Props) {
  const [rationale, setRationale] = useState('');
  const [otherId, setOtherId] = useState(decision.kind === 'merge' ? decision.otherEntityId : '');
  const wording = WORDING[decision.kind];
  const title =
    decision.kind === 'confirm' && decision.association
      ? 'Confirm as an association (identity not established)'
      : wording.title;
  const askId = decision.kind === 'merge';
  const idValid = !askId || UUID.test(otherId.trim());
  const ready = rationale.trim().length >= 3 && idValid;
  const submit = () => {
    onSubmit(
      decision.kind === 'merge' ? { kind: 'merge', otherEntityId: otherId.trim() } : decision,
      rationale.trim(),
    );
  };
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{wording.what}</Text>
          {askId ? (
            <TextInput
              label="The other entity's id"
              description="From its page's address, or chosen on the link chart"
              value={otherId}
              onChange={(e) => {
                setOtherId(e.currentTarget.value);
              }}
              error={
                otherId && !idValid ? 'An entity id looks like 01a1fe10-5465-769f-…' : undefined
              }
              required
            />
          ) : null}
          <Textarea
            label="Rationale"
            description="Why: it is written to the audit log with the decision"
            value={rationale}
            onChange={(e) => {
              setRationale(e.currentTarget.value);
            }}
            minRows={3}
            autosize
            required
            data-autofocus
          />
          {error ? <ProblemAlert error={error} title="The decision was not recorded" /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={!ready} loading={pending}>
              {wording.action}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
