import { Anchor, Badge, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { MarkingBanner } from '../../components/MarkingBanner.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { RecordLink } from '../../components/RecordLink.tsx';
import { LoadingState } from '../../components/States.tsx';
import { useAgencyName } from '../../lib/agencies.ts';
import { useSarCodes } from '../../lib/use-sar-codes.ts';
import { useSarRecord, useSarVetting } from './sar-api.ts';
import { label } from './sar-states.ts';
import { SarStepper } from './SarStepper.tsx';
import { SarSummary } from './SarSummary.tsx';
import { TransitionActions } from './TransitionActions.tsx';
import { TransitionHistory } from './TransitionHistory.tsx';

/** One SAR's two-step vetting: where it stands, what this viewer may do, and its history. */
export function SarVettingPage() {
  const id = useParams()['id'] ?? '';
  const record = useSarRecord(id);
  const vetting = useSarVetting(id);
  const codes = useSarCodes();
  const agencyName = useAgencyName();
  const back = (
    <Anchor component={Link} to="/sar">
      ← All SARs
    </Anchor>
  );
  if (record.isPending || vetting.isPending) return <LoadingState label="Loading the SAR…" />;
  if (record.isError || vetting.isError)
    return (
      <Stack>
        {back}
        <ProblemAlert error={record.error ?? vetting.error} title="The SAR could not be opened" />
      </Stack>
    );
  const r = record.data;
  const v = vetting.data;
  const banner = (position: 'top' | 'bottom') => (
    <MarkingBanner
      markings={r.markings}
      ownerAgencyId={r.ownerAgencyId}
      ownerAgencyName={agencyName(r.ownerAgencyId)}
      position={position}
    />
  );
  return (
    <Stack gap="md">
      {banner('top')}
      {back}
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{r.title}</Title>
          <Text size="sm" c="dimmed">
            SAR reported by {agencyName(r.ownerAgencyId)}, entered{' '}
            {new Date(r.enteredAt).toLocaleString()} · version {v.version}
          </Text>
        </Stack>
        <Group gap="sm">
          <Badge size="lg" variant="light" aria-label={`State: ${label(v.status)}`}>
            {label(v.status)}
          </Badge>
          <RecordLink id={id}>Open the full record</RecordLink>
        </Group>
      </Group>
      <SarStepper status={v.status} transitions={v.transitions} />
      <section aria-labelledby="sar-your-step">
        <Title order={3} size="h4" id="sar-your-step" mb="xs">
          Your step
        </Title>
        <TransitionActions
          sarId={id}
          vetting={v}
          reporterFacts={
            typeof r.payload['articulableFacts'] === 'string' ? r.payload['articulableFacts'] : null
          }
        />
      </section>
      <Divider />
      <section aria-labelledby="sar-report">
        <Title order={3} size="h4" id="sar-report" mb="xs">
          The report
        </Title>
        {codes.isError ? (
          <ProblemAlert error={codes.error} title="Category names unavailable" />
        ) : null}
        <SarSummary record={r} codes={codes.data} />
      </section>
      <Divider />
      <section aria-labelledby="sar-history">
        <Title order={3} size="h4" id="sar-history" mb="xs">
          Vetting history
        </Title>
        <TransitionHistory transitions={v.transitions} />
      </section>
      {banner('bottom')}
    </Stack>
  );
}
