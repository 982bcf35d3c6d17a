import { Button, Group, Paper, Table, Title } from '@mantine/core';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { ListStates } from '../../components/ListStates.tsx';
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
      <ListStates
        query={errors}
        items={errors.items}
        loading="Loading errors…"
        failed="Could not load the errors"
        empty={
          isFinished(job)
            ? { title: 'No row errors', body: 'Every row that was read could be ingested.' }
            : {
                title: 'No row errors so far',
                body: 'Rows that cannot be ingested are listed here as they are found.',
              }
        }
      >
        {(items) => (
          <>
            <DataTable
              label="Rows that could not be ingested"
              minWidth={600}
              columns={['Line', 'Field', 'Problem', 'Source record id']}
            >
              {items.map((e, i) => (
                <Table.Tr key={`${e.line}-${e.field}-${i}`}>
                  <Table.Td>{e.line}</Table.Td>
                  <Table.Td>{e.field}</Table.Td>
                  <Table.Td>{e.message}</Table.Td>
                  <Table.Td>{e.sourceRecordId ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </DataTable>
            <LoadMoreButton {...errors} shown={items.length} noun="errors" />
          </>
        )}
      </ListStates>
    </Paper>
  );
}
