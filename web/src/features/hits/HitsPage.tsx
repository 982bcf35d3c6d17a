import { Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMe } from '../../app/session.ts';
import {
  AggregateMarkingBanner,
  type MarkedItem,
} from '../../components/AggregateMarkingBanner.tsx';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';
import { PageSection } from '../../components/PageSection.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { ListStates } from '../../components/ListStates.tsx';
import { useRecordMarkings } from '../../lib/use-record-markings.ts';
import { AccessRequests } from './AccessRequests.tsx';
import { useHits, useRequestsByHit, type Hit } from './hits-api.ts';
import { HitsTable } from './HitsTable.tsx';

/** The records whose content the hits show: yours, and the other agency's where you may see it. */
function markedRecords(hits: readonly Hit[], myAgencyId: string): MarkedItem[] {
  return hits.flatMap((h) => [
    { ...h.yourRecord.markings, ownerAgencyId: myAgencyId },
    ...(h.other.access === 'content'
      ? [
          {
            ...h.other.record.markings,
            ownerAgencyId: h.other.record.ownerAgency.id,
            ownerAgencyName: h.other.record.ownerAgency.name,
          },
        ]
      : []),
  ]);
}

/** Cross-agency hits on the agency's subjects, and the access requests they led to. */
export function HitsPage() {
  const me = useMe();
  const hits = useHits();
  const requests = useRequestsByHit();
  const [requestRecords, setRequestRecords] = useState<string[]>([]);
  const requestMarkings = useRecordMarkings(requestRecords);
  const marked = [...markedRecords(hits.items, me.agency.id), ...(requestMarkings.data ?? [])];
  return (
    <Stack gap="lg">
      <AggregateMarkingBanner items={marked} position="top" />
      <Stack gap={4}>
        <Title order={2}>Hits</Title>
        <Text c="dimmed" size="sm">
          A hit is another agency's record of a subject in one of yours. Where you may not see their
          record you get a pointer: who holds it and whom to ask.
        </Text>
      </Stack>
      <ListStates
        query={hits}
        items={hits.items}
        loading="Loading the hits…"
        failed="The hits could not load"
        empty={{
          title: 'No hits yet',
          body: 'When another agency records a subject of yours, or you record one of theirs, it shows here.',
        }}
      >
        {(items) => (
          <Stack gap={0}>
            <HitsTable hits={items} requestsByHit={requests.data ?? new Map()} />
            <LoadMoreButton
              shown={items.length}
              hasNextPage={hits.hasNextPage}
              isFetchingNextPage={hits.isFetchingNextPage}
              fetchNextPage={hits.fetchNextPage}
              noun="hits"
            />
          </Stack>
        )}
      </ListStates>
      {requests.isError ? (
        <ProblemAlert error={requests.error} title="Your agency's requests could not load" />
      ) : null}
      <PageSection title="Access requests">
        <AccessRequests onRecordsShown={setRequestRecords} />
      </PageSection>
      <AggregateMarkingBanner items={marked} position="bottom" />
    </Stack>
  );
}
