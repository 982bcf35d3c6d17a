import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useMe } from '../../app/session.ts';
import { AggregateMarkingBanner } from '../../components/AggregateMarkingBanner.tsx';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';
import { MarkingLabel } from '../../components/MarkingLabel.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { EmptyState, LoadingState } from '../../components/States.tsx';
import { useAgencySars, useMyVettingSteps, useSarQueue, type VettingStep } from './sar-api.ts';
import { STEP_TITLES, SarQueueList } from './SarQueueList.tsx';
import { label } from './sar-states.ts';

/** The SAR screen: report a SAR, the vetting queues of the user's roles, the agency's SARs. */
export function SarHome() {
  const me = useMe();
  const steps = useMyVettingSteps();
  const queues = {
    initial_review: useSarQueue('initial_review', steps.includes('initial_review')),
    analyst_review: useSarQueue('analyst_review', steps.includes('analyst_review')),
  };
  const mine = useAgencySars();
  const shown = [...steps.flatMap((s) => queues[s].items), ...mine.items].map((i) => ({
    ...i.markings,
    ownerAgencyId: i.ownerAgencyId,
  }));
  return (
    <Stack gap="lg">
      <AggregateMarkingBanner items={shown} position="top" />
      <Group justify="space-between">
        <Title order={2}>Suspicious activity reports</Title>
        <Button component={Link} to="/sar/new">
          Report suspicious activity
        </Button>
      </Group>
      {steps.map((step: VettingStep) => (
        <section key={step} aria-labelledby={`queue-${step}`}>
          <Title order={3} size="h4" id={`queue-${step}`} mb="xs">
            {STEP_TITLES[step]}
          </Title>
          <SarQueueList queue={queues[step]} />
        </section>
      ))}
      <section aria-labelledby="agency-sars">
        <Title order={3} size="h4" id="agency-sars" mb="xs">
          SARs reported by {me.agency.name}
        </Title>
        <AgencySars list={mine} />
      </section>
      <AggregateMarkingBanner items={shown} position="bottom" />
    </Stack>
  );
}

function AgencySars({ list }: { list: ReturnType<typeof useAgencySars> }) {
  if (list.isPending) return <LoadingState label="Loading your agency's SARs…" />;
  if (list.isError) return <ProblemAlert error={list.error} title="The SARs could not load" />;
  if (list.items.length === 0)
    return <EmptyState title="No SARs yet">Your agency has not reported a SAR.</EmptyState>;
  return (
    <Stack gap="xs">
      <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {list.items.map((r) => (
          <Group
            key={r.id}
            component="li"
            gap="xs"
            py="xs"
            style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
          >
            <MarkingLabel markings={r.markings} />
            <Anchor component={Link} to={`/sar/${r.id}`} fw={600}>
              {r.title}
            </Anchor>
            <Badge size="sm" variant="light">
              {label(r.status)}
            </Badge>
            <Text size="sm" c="dimmed">
              entered {new Date(r.enteredAt).toLocaleDateString()}
            </Text>
          </Group>
        ))}
      </Stack>
      <LoadMoreButton
        shown={list.items.length}
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={list.fetchNextPage}
        noun="SARs"
      />
    </Stack>
  );
}
