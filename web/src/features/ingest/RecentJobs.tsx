import { Anchor, Badge, Paper, Table, Title } from '@mantine/core';
import { Link } from 'react-router';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';
import { useSources } from '../../lib/sources.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { ListStates } from '../../components/ListStates.tsx';
import { FORMAT_NAMES, useIngestJobs, type IngestJob } from './ingest-api.ts';
import { JobStatusBadge } from './JobStatusBadge.tsx';

/** The agency's ingest jobs, newest first (an admin sees every agency's). */
export function RecentJobs() {
  const jobs = useIngestJobs();
  const sources = useSources();
  const sourceName = (id: string) => sources.data?.find((s) => s.id === id)?.name ?? '—';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="recent-jobs-title">
      <Title order={3} size="h4" id="recent-jobs-title" mb="sm">
        Recent jobs
      </Title>
      <ListStates
        query={jobs}
        items={jobs.items}
        loading="Loading jobs…"
        failed="Could not load the jobs"
        empty={{ title: 'No ingest jobs yet', body: 'Files you upload are listed here.' }}
      >
        {(items) => (
          <>
            <DataTable
              label="Recent ingest jobs"
              minWidth={720}
              columns={[
                'File',
                'Source',
                'Format',
                'Status',
                'Rows read / created / updated / failed',
                'Uploaded',
              ]}
            >
              {items.map((job) => (
                <JobRow key={job.id} job={job} sourceName={sourceName(job.sourceId)} />
              ))}
            </DataTable>
            <LoadMoreButton {...jobs} shown={items.length} noun="jobs" />
          </>
        )}
      </ListStates>
    </Paper>
  );
}

function JobRow({ job, sourceName }: { job: IngestJob; sourceName: string }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/ingest/jobs/${job.id}`}>
          {job.fileName}
        </Anchor>{' '}
        {job.dryRun ? (
          <Badge size="xs" variant="outline" color="dark">
            dry run
          </Badge>
        ) : null}
      </Table.Td>
      <Table.Td>{sourceName}</Table.Td>
      <Table.Td>{FORMAT_NAMES[job.format]}</Table.Td>
      <Table.Td>
        <JobStatusBadge job={job} />
      </Table.Td>
      <Table.Td>
        {job.rowsRead} / {job.rowsCreated} / {job.rowsUpdated} / {job.rowsFailed}
      </Table.Td>
      <Table.Td>{new Date(job.createdAt).toLocaleString()}</Table.Td>
    </Table.Tr>
  );
}
