import { Anchor, Badge, Button, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { useMe } from '../../app/session.ts';
import {
  AggregateMarkingBanner,
  type MarkedItem,
} from '../../components/AggregateMarkingBanner.tsx';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { EmptyState, LoadingState } from '../../components/States.tsx';
import { useMyVettingSteps, useSarQueue, type SarQueue, type VettingStep } from '../sar/sar-api.ts';
import { STEP_TITLES, SarQueueList } from '../sar/SarQueueList.tsx';
import { unreadText, useMarkRead, useNotifications, type Notification } from './inbox-api.ts';
import { useInboxLive } from './inbox-live.ts';
import { NotificationItem } from './NotificationItem.tsx';

const LIVE_WORDS = { open: 'Live', connecting: 'Connecting…', closed: 'Not live' } as const;
const LIVE_COLOURS = { open: 'green', connecting: 'yellow', closed: 'gray' } as const;

/**
 * The watch floor: the agency's notifications (hits, touched subjects, access requests) as
 * they arrive, and the SARs waiting for the user's vetting step.
 */
export function InboxPage() {
  const me = useMe();
  const notifications = useNotifications();
  const steps = useMyVettingSteps();
  const queues: Record<VettingStep, SarQueue> = {
    initial_review: useSarQueue('initial_review', steps.includes('initial_review'), 5),
    analyst_review: useSarQueue('analyst_review', steps.includes('analyst_review'), 5),
  };
  const marked: MarkedItem[] = [
    ...notifications.items.flatMap((n) => markedOf(n, me.agency.id)),
    ...steps
      .flatMap((s) => queues[s].items)
      .map((i) => ({ ...i.markings, ownerAgencyId: i.ownerAgencyId })),
  ];
  return (
    <Stack gap="lg">
      <AggregateMarkingBanner items={marked} position="top" />
      <Group justify="space-between">
        <Title order={2}>Inbox</Title>
        <LiveStatus />
      </Group>
      <Notifications list={notifications} />
      {steps.map((step) => (
        <section key={step} aria-labelledby={`inbox-queue-${step}`}>
          <Group justify="space-between" mb="xs">
            <Title order={3} size="h4" id={`inbox-queue-${step}`}>
              SARs {STEP_TITLES[step].charAt(0).toLowerCase() + STEP_TITLES[step].slice(1)}
            </Title>
            <Anchor component={Link} to="/sar">
              All SARs
            </Anchor>
          </Group>
          <SarQueueList queue={queues[step]} />
        </section>
      ))}
      <AggregateMarkingBanner items={marked} position="bottom" />
    </Stack>
  );
}

/** The records a notification shows content of, for the page's marking banner. */
function markedOf(n: Notification, myAgencyId: string): MarkedItem[] {
  const mine = { ...n.hit.yourRecord.markings, ownerAgencyId: myAgencyId };
  const other = n.hit.other;
  if (other.access !== 'content') return [mine];
  return [
    mine,
    {
      ...other.record.markings,
      ownerAgencyId: other.record.ownerAgency.id,
      ownerAgencyName: other.record.ownerAgency.name,
    },
  ];
}

function LiveStatus() {
  const { state, last } = useInboxLive();
  return (
    <Group gap="xs">
      <Badge color={LIVE_COLOURS[state]} variant="dot" size="lg" data-testid="inbox-live">
        {LIVE_WORDS[state]}
      </Badge>
      <VisuallyHidden role="status" aria-live="polite">
        {last ? `New notification on ${last.hit.yourRecord.title}` : ''}
      </VisuallyHidden>
    </Group>
  );
}

function Notifications({ list }: { list: ReturnType<typeof useNotifications> }) {
  const markRead = useMarkRead();
  const unreadShown = list.items.filter((n) => !n.read).map((n) => n.id);
  return (
    <section aria-labelledby="inbox-notifications">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={3} size="h4" id="inbox-notifications">
            Notifications
          </Title>
          {list.unread !== undefined ? (
            <Badge color={list.unread > 0 ? 'blue.8' : 'gray.7'} data-testid="inbox-unread">
              {unreadText(list.unread)} unread
            </Badge>
          ) : null}
        </Group>
        {unreadShown.length > 0 ? (
          <Button
            variant="default"
            size="xs"
            loading={markRead.isPending && markRead.variables.length > 1}
            onClick={() => {
              markRead.mutate(unreadShown);
            }}
          >
            Mark all shown as read
          </Button>
        ) : null}
      </Group>
      {markRead.error ? <ProblemAlert error={markRead.error} title="Not marked read" /> : null}
      <NotificationsBody list={list} markRead={markRead} />
    </section>
  );
}

function NotificationsBody({
  list,
  markRead,
}: {
  list: ReturnType<typeof useNotifications>;
  markRead: ReturnType<typeof useMarkRead>;
}) {
  if (list.isPending) return <LoadingState label="Loading notifications…" />;
  if (list.isError) return <ProblemAlert error={list.error} title="Notifications could not load" />;
  if (list.items.length === 0)
    return (
      <EmptyState title="No notifications yet">
        Hits on your agency&apos;s subjects appear here as they happen.
      </EmptyState>
    );
  return (
    <Stack gap="xs">
      <Stack
        gap={0}
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label="Notifications"
      >
        {list.items.map((n) => (
          <NotificationItem
            key={n.id}
            notification={n}
            marking={markRead.isPending && markRead.variables.includes(n.id)}
            onMarkRead={() => {
              markRead.mutate([n.id]);
            }}
          />
        ))}
      </Stack>
      <LoadMoreButton
        shown={list.items.length}
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={list.fetchNextPage}
        noun="notifications"
      />
      <Text size="xs" c="dimmed">
        Read marks are yours alone: a colleague&apos;s inbox keeps its own.
      </Text>
    </Stack>
  );
}
