import { Badge, Table, Tabs, Text } from '@mantine/core';
import { useEffect } from 'react';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { RecordLink } from '../../components/RecordLink.tsx';
import { EmptyState, LoadingState } from '../../components/States.tsx';
import { useAccessRequests, type Direction } from './hits-api.ts';

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

type Props = {
  /** The records the incoming requests name (the agency's own), for the page's banner. */
  onRecordsShown: (ids: string[]) => void;
};

function RequestList({ direction, onRecordsShown }: Props & { direction: Direction }) {
  const requests = useAccessRequests(direction);
  const recordKey = requests.items.flatMap((r) => (r.record ? [r.record.id] : [])).join();
  useEffect(() => {
    onRecordsShown(recordKey ? recordKey.split(',') : []);
  }, [recordKey]);
  if (requests.isPending) return <LoadingState label="Loading the requests…" />;
  if (requests.isError)
    return <ProblemAlert error={requests.error} title="The requests could not load" />;
  if (requests.items.length === 0)
    return (
      <EmptyState title="No requests">
        {direction === 'outgoing'
          ? 'Nobody in your agency has asked another agency for a record yet.'
          : 'No other agency has asked for one of your records.'}
      </EmptyState>
    );
  const incoming = direction === 'incoming';
  return (
    <>
      <Table withTableBorder striped data-testid={`access-requests-${direction}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">{incoming ? 'Asked by' : 'Asked of'}</Table.Th>
            {incoming ? <Table.Th scope="col">Your record</Table.Th> : null}
            <Table.Th scope="col">Reason</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {requests.items.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{when(r.createdAt)}</Table.Td>
              <Table.Td>
                {incoming ? (
                  <>
                    {r.requester.username}
                    <Text size="xs" c="dimmed">
                      {r.requester.agency.name}
                    </Text>
                  </>
                ) : (
                  <>
                    {r.ownerAgency.name}
                    <Text size="xs" c="dimmed">
                      by {r.requester.username}
                    </Text>
                  </>
                )}
              </Table.Td>
              {incoming ? (
                <Table.Td>
                  {r.record ? <RecordLink id={r.record.id}>{r.record.title}</RecordLink> : '—'}
                </Table.Td>
              ) : null}
              <Table.Td maw={360}>{r.reason}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={r.status === 'open' ? 'blue' : 'gray'}>
                  {r.status}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <LoadMoreButton
        shown={requests.items.length}
        hasNextPage={requests.hasNextPage}
        isFetchingNextPage={requests.isFetchingNextPage}
        fetchNextPage={requests.fetchNextPage}
        noun="requests"
      />
    </>
  );
}

/** Access requests (XS-04): those your agency sent, and those other agencies sent you. */
export function AccessRequests({ onRecordsShown }: Props) {
  return (
    <Tabs defaultValue="outgoing" keepMounted={false}>
      <Tabs.List>
        <Tabs.Tab value="outgoing">Sent by your agency</Tabs.Tab>
        <Tabs.Tab value="incoming">For your agency's records</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="outgoing" pt="sm">
        <RequestList direction="outgoing" onRecordsShown={onRecordsShown} />
      </Tabs.Panel>
      <Tabs.Panel value="incoming" pt="sm">
        <RequestList direction="incoming" onRecordsShown={onRecordsShown} />
      </Tabs.Panel>
    </Tabs>
  );
}
