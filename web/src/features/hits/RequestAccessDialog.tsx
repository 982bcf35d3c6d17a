import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { useRequestAccess } from './hits-api.ts';

const MIN_REASON = 10;

/**
 * Asks the owning agency for the record behind a pointer: the reason goes with the request
 * to the owner's inbox and into the audit log.
 */
export function RequestAccessDialog({
  hitId,
  ownerAgency,
  onClose,
}: {
  hitId: string;
  ownerAgency: string;
  onClose: () => void;
}) {
  const [reason, setReason] = useState('');
  const request = useRequestAccess();
  const ready = reason.trim().length >= MIN_REASON;
  return (
    <Modal opened onClose={onClose} title={`Request access from ${ownerAgency}`} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) request.mutate({ hitId, reason: reason.trim() }, { onSuccess: onClose });
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            {ownerAgency} will see your request, your name and your reason, and decide whether to
            share the record with you.
          </Text>
          <Textarea
            label="Why you need the record"
            description={`At least ${String(MIN_REASON)} characters; it is recorded with the request`}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
            }}
            minRows={3}
            autosize
            required
            data-autofocus
          />
          {request.isError ? (
            <ProblemAlert error={request.error} title="The request was not sent" />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={!ready} loading={request.isPending}>
              Send request
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
