import { Text, Timeline } from '@mantine/core';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { LoadingState } from '../../components/States.tsx';
import { dateTime } from './RecordDetails.tsx';
import { useRecordVersions, type RecordVersion } from './use-record.ts';

/** The fields of a version's snapshot that differ from the version before it. */
export function changedFields(
  version: RecordVersion,
  previous: RecordVersion | undefined,
): string[] {
  if (!previous) return [];
  const keys = new Set([...Object.keys(version.snapshot), ...Object.keys(previous.snapshot)]);
  return [...keys]
    .filter((k) => JSON.stringify(version.snapshot[k]) !== JSON.stringify(previous.snapshot[k]))
    .sort();
}

/** Every version of the record, newest first, with what each one changed. */
export function RecordVersions({ id, purpose }: { id: string; purpose: string }) {
  const versions = useRecordVersions(id, purpose);
  if (versions.isPending) return <LoadingState label="Loading the history…" />;
  if (versions.isError) return <ProblemAlert error={versions.error} title="No history" />;
  const ordered = [...versions.data.items].sort((a, b) => a.version - b.version);
  const newestFirst = ordered
    .map((v, i) => ({ v, changed: changedFields(v, ordered[i - 1]), first: i === 0 }))
    .reverse();
  return (
    <Timeline
      bulletSize={14}
      lineWidth={2}
      active={newestFirst.length}
      data-testid="record-versions"
    >
      {newestFirst.map(({ v, changed, first }) => (
        <Timeline.Item key={v.version} title={`Version ${v.version}`}>
          <Text size="sm">{dateTime(v.changedAt)}</Text>
          <Text size="sm" c="dimmed">
            {first
              ? 'Created'
              : changed.length
                ? `Changed: ${changed.join(', ')}`
                : 'Saved again without changes'}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
