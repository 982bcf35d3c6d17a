import { Alert, Badge, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiProblem } from '../../api/problem.ts';
import { useCan } from '../../app/session.ts';
import {
  AggregateMarkingBanner,
  strictestMarking,
  type MarkedItem,
} from '../../components/AggregateMarkingBanner.tsx';
import { entityPath } from '../../components/EntityLink.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { EmptyState, LoadingState } from '../../components/States.tsx';
import { OBSERVATION_TYPE_LABELS } from '../../lib/record-labels.ts';
import { useRecordMarkings } from '../../lib/use-record-markings.ts';
import { DecisionDialog } from './DecisionDialog.tsx';
import {
  useEntity,
  useEntityDecision,
  useEntityTimeline,
  type Decision,
  type Entity,
  type Timeline,
} from './entity-api.ts';
import { EntityMap } from './EntityMap.tsx';
import { EntityProfile } from './EntityProfile.tsx';
import { EntityTimeline } from './EntityTimeline.tsx';
import { LinkChart } from './LinkChart.tsx';
import { entityTitle } from './profile-values.ts';
import { ResolutionEvidence } from './ResolutionEvidence.tsx';

/** An entity as the viewer may see it (entities/:id); invisible and missing look the same. */
export function EntityPage() {
  const { id = '' } = useParams();
  const entity = useEntity(id);
  const timeline = useEntityTimeline(entity.data?.id ?? id, entity.isSuccess);
  if (entity.isError) {
    const code = entity.error instanceof ApiProblem ? entity.error.code : undefined;
    if (code === 'entities.not_found' || code === 'validation.failed')
      return (
        <EmptyState title="Not found">
          There is no entity at this address, or you may not see any record of it.
        </EmptyState>
      );
    return <ProblemAlert error={entity.error} title="The entity could not be opened" />;
  }
  if (timeline.isError)
    return <ProblemAlert error={timeline.error} title="The entity's records could not load" />;
  if (entity.isPending || timeline.isPending) return <LoadingState label="Opening the entity…" />;
  // Remount on another entity (after a merge, or a link): the chart starts afresh.
  return <EntityBody key={entity.data.id} entity={entity.data} timeline={timeline.data} />;
}

const asMarked = (r: {
  tlp: MarkedItem['tlp'];
  caveats: MarkedItem['caveats'];
  ownerAgencyId: string;
  ownerAgencyName: string;
}): MarkedItem => r;

function EntityBody({ entity, timeline }: { entity: Entity; timeline: Timeline }) {
  const can = useCan();
  const navigate = useNavigate();
  const [chartRecords, setChartRecords] = useState<string[]>([]);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [notice, setNotice] = useState<string>();
  const decide = useEntityDecision(entity.id);
  const records = new Map(timeline.items.map((r, i) => [r.recordId, { ...r, number: i + 1 }]));
  const chartMarkings = useRecordMarkings(chartRecords.filter((r) => !records.has(r)));
  // One banner for the page: the strictest marking of every record it shows (see docs/web.md).
  const marked = [...timeline.items, ...(chartMarkings.data ?? [])].map(asMarked);
  const canResolve = can('entities:resolve');
  const agencies = new Set(timeline.items.map((r) => r.ownerAgencyId)).size;
  const close = () => {
    setDecision(null);
    decide.reset();
  };
  return (
    <Stack gap="lg">
      <AggregateMarkingBanner items={marked} position="top" />
      <Stack gap={4}>
        <Title order={2}>{entityTitle(entity)}</Title>
        <Group gap="xs">
          <Badge variant="light" color="dark" radius="sm">
            {OBSERVATION_TYPE_LABELS[entity.type]}
          </Badge>
          <Text size="sm" c="dimmed">
            Seen in {timeline.items.length} record{timeline.items.length === 1 ? '' : 's'} of{' '}
            {agencies} agenc{agencies === 1 ? 'y' : 'ies'} that you may see
          </Text>
        </Group>
      </Stack>
      {notice ? (
        <Alert
          color="green"
          withCloseButton
          onClose={() => {
            setNotice(undefined);
          }}
          role="status"
        >
          {notice}
        </Alert>
      ) : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <PageSection title="Profile">
            <EntityProfile profile={entity.profile} records={records} />
          </PageSection>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <PageSection title="Where seen">
            <EntityMap entityId={entity.id} records={timeline.items.length} />
          </PageSection>
        </Grid.Col>
      </Grid>
      <PageSection title="Records">
        <EntityTimeline timeline={timeline} />
      </PageSection>
      <PageSection title="Link chart">
        <LinkChart
          seedId={entity.id}
          seedType={entity.type}
          marking={strictestMarking(marked)}
          onRecordsShown={setChartRecords}
          onMerge={
            canResolve
              ? (otherEntityId) => {
                  setDecision({ kind: 'merge', otherEntityId });
                }
              : undefined
          }
        />
      </PageSection>
      <PageSection title="Resolution evidence">
        <ResolutionEvidence
          entity={entity}
          records={records}
          onDecide={canResolve ? setDecision : undefined}
        />
      </PageSection>
      <AggregateMarkingBanner items={marked} position="bottom" />
      {decision ? (
        <DecisionDialog
          decision={decision}
          pending={decide.isPending}
          error={decide.error}
          onClose={close}
          onSubmit={(d, rationale) => {
            decide.mutate(
              { decision: d, rationale },
              {
                onSuccess: (outcome) => {
                  close();
                  setNotice(outcome.message);
                  if (outcome.entityId && outcome.entityId !== entity.id)
                    void navigate(entityPath(outcome.entityId), { replace: true });
                },
              },
            );
          }}
        />
      ) : null}
    </Stack>
  );
}
