import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';
import { MarkingLabel } from '../../components/MarkingLabel.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { EmptyState, LoadingState } from '../../components/States.tsx';
import { useAgencyName } from '../../lib/agencies.ts';
import type { SarQueue, SarQueueItem, VettingStep } from './sar-api.ts';
import { label } from './sar-states.ts';

export const STEP_TITLES: Record<VettingStep, string> = {
  initial_review: 'Waiting for initial review (Part 1)',
  analyst_review: 'Waiting for analyst review (Part 2)',
};

/** SARs waiting for one vetting step, oldest first, each linking to its vetting view. */
export function SarQueueList({ queue }: { queue: SarQueue }) {
  if (queue.isPending) return <LoadingState label="Loading the queue…" />;
  if (queue.isError) return <ProblemAlert error={queue.error} title="The queue could not load" />;
  if (queue.items.length === 0)
    return (
      <EmptyState title="Nothing waiting">No SAR waits for this step that you may take.</EmptyState>
    );
  return (
    <Stack gap="xs">
      <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {queue.items.map((item) => (
          <QueueRow key={item.id} item={item} />
        ))}
      </Stack>
      <LoadMoreButton
        shown={queue.items.length}
        hasNextPage={queue.hasNextPage}
        isFetchingNextPage={queue.isFetchingNextPage}
        fetchNextPage={queue.fetchNextPage}
        noun="SARs"
      />
    </Stack>
  );
}

function QueueRow({ item }: { item: SarQueueItem }) {
  const agencyName = useAgencyName();
  const waitingSince = item.lastTransitionAt ?? item.enteredAt;
  return (
    <Stack
      component="li"
      gap={2}
      py="xs"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
    >
      <Group gap="xs" wrap="wrap">
        <MarkingLabel markings={item.markings} />
        <Anchor component={Link} to={`/sar/${item.id}`} fw={600}>
          {item.title}
        </Anchor>
        {item.hasPart2Behaviour ? (
          <Badge size="sm" variant="light" color="grape">
            Part 2
          </Badge>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed">
        {label(item.status)} since {new Date(waitingSince).toLocaleString()} ·{' '}
        {agencyName(item.ownerAgencyId)} · {item.behaviours.join(', ')}
      </Text>
    </Stack>
  );
}
