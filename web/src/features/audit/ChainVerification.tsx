import { Alert, Button, Group, Paper, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { verifyChain, type AuditVerification } from './audit-api.ts';

/**
 * The hash chain's verification: every event chains to the one before it, so an
 * altered, removed or inserted event breaks the chain at that point.
 */
export function ChainVerification() {
  const verify = useMutation({ mutationFn: verifyChain });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="chain-title">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id="chain-title">
          Chain verification
        </Title>
        <Button
          loading={verify.isPending}
          onClick={() => {
            verify.mutate();
          }}
        >
          {verify.data ? 'Verify again' : 'Verify the chain'}
        </Button>
      </Group>
      <div aria-live="polite">
        {verify.isError ? (
          <ProblemAlert error={verify.error} title="The chain could not be verified" />
        ) : verify.data ? (
          <Result result={verify.data} />
        ) : (
          <Text c="dimmed">
            Checks every event of the log against the one before it and the recorded head. It reads
            the whole log, so it runs when you ask.
          </Text>
        )}
      </div>
    </Paper>
  );
}

function Result({ result }: { result: AuditVerification }) {
  if (result.ok)
    return (
      <Alert color="teal.9" variant="filled" title="The chain is intact" data-testid="chain-result">
        All {result.checked.toLocaleString()} events verified.
        {result.head ? (
          <>
            {' '}
            Newest event #{result.head.seq}, hash{' '}
            <Text span ff="monospace" inherit>
              {result.head.hash.slice(0, 16)}…
            </Text>
          </>
        ) : null}
      </Alert>
    );
  return (
    <Alert
      color="red.9"
      variant="filled"
      title="The chain is broken"
      role="alert"
      data-testid="chain-result"
    >
      First broken link: event #{result.firstBroken?.seq ?? '?'} —{' '}
      {result.firstBroken?.problem ?? 'unknown problem'}. The {result.checked.toLocaleString()}{' '}
      events before it verified. Tell the privacy officer and keep a copy of the database as it is.
    </Alert>
  );
}
