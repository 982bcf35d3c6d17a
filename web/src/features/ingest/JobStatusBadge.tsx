import { StateBadge, type StateTone } from '../../components/StateBadge.tsx';
import type { IngestJob } from './ingest-api.ts';

const STATUS: { [S in IngestJob['status']]: { label: string; tone: StateTone } } = {
  queued: { label: 'Queued', tone: 'neutral' },
  running: { label: 'Running', tone: 'info' },
  succeeded: { label: 'Succeeded', tone: 'ok' },
  failed: { label: 'Failed', tone: 'bad' },
};

export function JobStatusBadge({ job }: { job: IngestJob }) {
  const s = STATUS[job.status];
  return (
    <span data-testid="job-status">
      <StateBadge tone={s.tone}>
        {s.label}
        {job.status === 'succeeded' && job.rowsFailed > 0 ? ' with errors' : ''}
      </StateBadge>
    </span>
  );
}
