import { Table, Text } from '@mantine/core';
import { LoadMoreButton } from '../../components/LoadMoreButton.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { LoadingState } from '../../components/States.tsx';
import { dateTime } from './RecordDetails.tsx';
import { useRecordAccessLog } from './use-record.ts';

/** Who read, found, changed or was refused this record, newest first (owners and auditors only). */
export function RecordAccessLog({ id, purpose }: { id: string; purpose: string }) {
  const log = useRecordAccessLog(id, purpose);
  if (log.isPending) return <LoadingState label="Loading the access log…" />;
  if (log.isError) return <ProblemAlert error={log.error} title="No access log" />;
  if (log.items.length === 0) return <Text size="sm">Nobody has opened this record yet.</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={700}>
        <Table striped withTableBorder data-testid="record-access-log">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">When</Table.Th>
              <Table.Th scope="col">Who</Table.Th>
              <Table.Th scope="col">Agency</Table.Th>
              <Table.Th scope="col">Action</Table.Th>
              <Table.Th scope="col">Decision</Table.Th>
              <Table.Th scope="col">Purpose or reason</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {log.items.map((e) => (
              <Table.Tr key={e.seq}>
                <Table.Td>{dateTime(e.at)}</Table.Td>
                <Table.Td>{e.actorUsername ?? 'system'}</Table.Td>
                <Table.Td>{e.actorAgency?.name ?? '—'}</Table.Td>
                <Table.Td>{e.action}</Table.Td>
                <Table.Td>
                  <Text span size="sm" fw={600} c={e.decision === 'allow' ? 'green.9' : 'red.9'}>
                    {e.decision === 'allow' ? 'allowed' : 'refused'}
                  </Text>
                </Table.Td>
                <Table.Td>{[e.purpose, e.reason].filter(Boolean).join(' · ') || '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMoreButton
        shown={log.items.length}
        noun="entries"
        hasNextPage={log.hasNextPage}
        isFetchingNextPage={log.isFetchingNextPage}
        fetchNextPage={log.fetchNextPage}
      />
    </>
  );
}
