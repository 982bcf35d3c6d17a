import {
  Alert,
  Anchor,
  Badge,
  Group,
  Progress,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { Link, useParams } from 'react-router';
import { MarkingBanner } from '../../components/MarkingBanner.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { LoadingState } from '../../components/States.tsx';
import { useAgencyName } from '../../lib/agencies.ts';
import { useSources } from '../../lib/sources.ts';
import { useEventStream, type StreamState } from '../../lib/use-event-stream.ts';
import {
  FORMAT_NAMES,
  ingestKeys,
  isFinished,
  useIngestJob,
  type IngestJob,
} from './ingest-api.ts';
import { JobErrors } from './JobErrors.tsx';
import { JobStatusBadge } from './JobStatusBadge.tsx';

/** One ingest job: live progress over SSE (polling as a fallback), counts and errors. */
export function JobPage() {
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  // The stream's state from the last render: poll only while the live stream is not open.
  const streamRef = useRef<StreamState>('connecting');
  const job = useIngestJob(id, (j) =>
    !j || isFinished(j) || streamRef.current === 'open' ? false : 2000,
  );
  const finished = job.data ? isFinished(job.data) : false;
  const onEvent = (data: unknown) => {
    const next = data as IngestJob;
    queryClient.setQueryData(ingestKeys.job(id), next);
    if (isFinished(next)) {
      void queryClient.invalidateQueries({ queryKey: ingestKeys.errors(id) });
      void queryClient.invalidateQueries({ queryKey: ingestKeys.jobs });
    }
  };
  streamRef.current = useEventStream(
    job.data && !finished ? `/api/v1/ingest/jobs/${id}/events` : null,
    { progress: onEvent, done: onEvent },
  );

  if (job.isPending) return <LoadingState label="Loading the job…" />;
  if (job.isError) return <ProblemAlert error={job.error} title="Could not open this job" />;
  return <JobView job={job.data} />;
}

function JobView({ job }: { job: IngestJob }) {
  const sources = useSources();
  const agencyName = useAgencyName();
  const source = sources.data?.find((s) => s.id === job.sourceId);
  const banner = (position: 'top' | 'bottom') =>
    source ? (
      <MarkingBanner
        markings={source.defaultMarkings}
        ownerAgencyId={source.agencyId}
        ownerAgencyName={agencyName(source.agencyId)}
        position={position}
      />
    ) : null;
  return (
    <Stack gap="md">
      {banner('top')}
      <Anchor component={Link} to="/ingest" size="sm">
        ← Ingest
      </Anchor>
      <Group gap="sm" align="center">
        <Title order={2}>{job.fileName}</Title>
        <JobStatusBadge job={job} />
        {job.dryRun ? <Badge variant="outline">Dry run: nothing is written</Badge> : null}
      </Group>
      <Text c="dimmed" size="sm">
        {FORMAT_NAMES[job.format]} into {source?.name ?? 'a source'} · uploaded{' '}
        {new Date(job.createdAt).toLocaleString()}
        {job.finishedAt ? ` · finished ${new Date(job.finishedAt).toLocaleString()}` : ''}
      </Text>
      <JobProgress job={job} />
      {job.errorMessage ? (
        <Alert color="red.9" variant="filled" title="The file could not be ingested" role="alert">
          {job.errorMessage}
        </Alert>
      ) : null}
      <JobErrors job={job} />
      {banner('bottom')}
    </Stack>
  );
}

function JobProgress({ job }: { job: IngestJob }) {
  const percent =
    job.status === 'succeeded'
      ? 100
      : job.bytesTotal > 0
        ? Math.floor((100 * job.bytesRead) / job.bytesTotal)
        : 0;
  const counts: [string, number][] = [
    ['Rows read', job.rowsRead],
    [job.dryRun ? 'Would create' : 'Created', job.rowsCreated],
    [job.dryRun ? 'Would update' : 'Updated', job.rowsUpdated],
    ['Unchanged', job.rowsUnchanged],
    ['Failed', job.rowsFailed],
  ];
  return (
    <Stack gap="xs">
      <Progress
        value={percent}
        aria-label="Share of the file read"
        animated={!isFinished(job)}
        color={job.status === 'failed' ? 'red' : undefined}
      />
      <SimpleGrid cols={{ base: 2, sm: 5 }} role="status" aria-live="polite" aria-label="Counts">
        {counts.map(([label, n]) => (
          <Stack key={label} gap={0}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text
              fw={700}
              size="xl"
              data-testid={`count-${label.toLowerCase().replace(/ /g, '-')}`}
            >
              {n.toLocaleString()}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
