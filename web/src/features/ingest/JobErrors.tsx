import { Button, Group, Paper, Table, Title } from '@mantine/core';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { EmptyState, LoadingState } from '../../components/States.tsx';
import { isFinished, useIngestErrors, type IngestJob } from './ingest-api.ts';

/** The rows that could not be ingested, with the line, the column and the reason. */
export function JobErrors({ job }: { job: IngestJob }) {
  const errors = useIngestErrors(job.id);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="job-errors-title">
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h4" id="job-errors-title">
          Error report
        </Title>
        {errors.items.length > 0 ? (
          <Button
            component="a"
            variant="default"
            href={`/api/v1/ingest/jobs/${job.id}/errors.csv`}
            download
          >
            Download the error report (CSV)
          </Button>
        ) : null}
      </Group>
      {errors.isPending ? (
        <LoadingState label="Loading errors…" />
      ) : errors.isError ? (
        <ProblemAlert error={errors.error} title="Could not load the errors" />
      ) : errors.items.length === 0 ? (
        <EmptyState title={isFinished(job) ? 'No row errors' : 'No row errors so far'}>
          {isFinished(job)
            ? 'Every row that was read could be ingested.'
            : 'Rows that cannot be ingested are listed here as they are found.'}
        </EmptyState>
      ) : (
        <>
          <Table.ScrollContainer minWidth={600}>
            <Table striped aria-label="Rows that could not be ingested">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Line</Table.Th>
                  <Table.Th>Field</Table.Th>
                  <Table.Th>Problem</Table.Th>
                  <Table.Th>Source record id</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {errors.items.map((e, i) => (
                  <Table.Tr key={`${e.line}-${e.field}-${i}`}>
                    <Table.Td>{e.line}</Table.Td>
                    <Table.Td>{e.field}</Table.Td>
                    <Table.Td>{e.message}</Table.Td>
                    <Table.Td>{e.sourceRecordId ?? '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMoreButton {...errors} shown={errors.items.length} noun="errors" />
        </>
      )}
    </Paper>
  );
}
