import { Badge, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useLocation, useParams } from 'react-router';
import { ApiProblem } from '../../api/problem.ts';
import { useCan } from '../../app/session.ts';
import { MarkingBanner } from '../../components/MarkingBanner.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { EmptyState, LoadingState } from '../../components/States.tsx';
import { useAgencyName } from '../../lib/agencies.ts';
import { kindLabel } from '../../lib/record-labels.ts';
import { PurposeForm } from './PurposeForm.tsx';
import { RecordAccessLog } from './RecordAccessLog.tsx';
import { RecordDetails } from './RecordDetails.tsx';
import { RecordEntities } from './RecordEntities.tsx';
import { RecordLocation } from './RecordLocation.tsx';
import { RecordNarrative } from './RecordNarrative.tsx';
import { RecordVersions } from './RecordVersions.tsx';
import { useRecord, type RecordView } from './use-record.ts';

/** One record as the viewer may see it (records/:id); invisible and missing look the same. */
export function RecordPage() {
  const { id = '' } = useParams();
  // A purpose stated in the search that found this record comes along with the link.
  const stated = (useLocation().state as { purpose?: string } | null)?.purpose ?? '';
  // Keyed by the record: a purpose stated for one record never carries over to the next.
  return <RecordScreen key={id} id={id} stated={stated} />;
}

function RecordScreen({ id, stated }: { id: string; stated: string }) {
  const [purpose, setPurpose] = useState(stated);
  const record = useRecord(id, purpose);
  if (record.isPending) return <LoadingState label="Opening the record…" />;
  if (record.isError) {
    const code = record.error instanceof ApiProblem ? record.error.code : undefined;
    if (code === 'access.purpose_required') return <PurposeForm onSubmit={setPurpose} />;
    if (code === 'records.not_found' || code === 'not_found' || code === 'validation.failed') {
      return (
        <EmptyState title="Not found">
          There is no record at this address, or you may not see it.
        </EmptyState>
      );
    }
    return <ProblemAlert error={record.error} title="The record could not be opened" />;
  }
  return <RecordBody record={record.data} purpose={purpose} />;
}

function RecordBody({ record, purpose }: { record: RecordView; purpose: string }) {
  const can = useCan();
  const agencyName = useAgencyName();
  const banner = {
    markings: record.markings,
    ownerAgencyId: record.ownerAgencyId,
    ownerAgencyName: agencyName(record.ownerAgencyId),
  };
  return (
    <Stack gap="lg">
      <MarkingBanner {...banner} position="top" />
      <Stack gap={4}>
        <Title order={2}>{record.title}</Title>
        <Group gap="xs">
          <Badge variant="light" color="dark" radius="sm">
            {kindLabel(record.kind)}
          </Badge>
          <Text size="sm" c="dimmed">
            {agencyName(record.ownerAgencyId)}
            {record.isOwnAgency ? ' (your agency)' : ''}
          </Text>
        </Group>
      </Stack>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <PageSection title="Narrative">
              <RecordNarrative narrative={record.narrative} observations={record.observations} />
            </PageSection>
            <PageSection title="Entities">
              <RecordEntities observations={record.observations} />
            </PageSection>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <PageSection title="Details">
              <RecordDetails record={record} />
            </PageSection>
            <PageSection title="Location">
              <RecordLocation location={record.location} />
            </PageSection>
          </Stack>
        </Grid.Col>
      </Grid>
      <PageSection title="History">
        <RecordVersions id={record.id} purpose={purpose} />
      </PageSection>
      {record.isOwnAgency || can('audit:read') ? (
        <PageSection title="Access log">
          <RecordAccessLog id={record.id} purpose={purpose} />
        </PageSection>
      ) : null}
      <MarkingBanner {...banner} position="bottom" />
    </Stack>
  );
}
