import { Anchor, Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useMe } from '../../app/session.ts';
import { EntityLink } from '../../components/EntityLink.tsx';
import { MarkingLabel } from '../../components/MarkingLabel.tsx';
import { RecordLink } from '../../components/RecordLink.tsx';
import { kindLabel } from '../../lib/record-labels.ts';
import type { AccessRequest, Hit } from './hits-api.ts';
import { RequestAccessDialog } from './RequestAccessDialog.tsx';

const when = (iso: string) =>
  new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

type Pointer = Extract<Hit['other'], { access: 'pointer' }>['pointer'];

/** Only the owner agency, whom to contact and the record's date: never its content (XS-02). */
function PointerCell({
  hit,
  pointer,
  requests,
  onRequest,
}: {
  hit: Hit;
  pointer: Pointer;
  requests: readonly AccessRequest[];
  onRequest: (ownerAgency: string) => void;
}) {
  const me = useMe();
  const mine = requests.find((r) => r.requester.username === me.user.username);
  const contact = pointer.pointOfContact;
  return (
    <Stack gap={2}>
      <Text size="sm">
        <strong>{pointer.ownerAgency.name}</strong> holds a record of {pointer.recordDate} on this{' '}
        {hit.entityType.replaceAll('_', ' ')}. You may not see it.
      </Text>
      {contact ? (
        <Text size="sm">
          Contact: {contact.name}
          {contact.phone ? `, ${contact.phone}` : ''}
          {contact.email ? (
            <>
              , <Anchor href={`mailto:${contact.email}`}>{contact.email}</Anchor>
            </>
          ) : null}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          No point of contact on file.
        </Text>
      )}
      {mine ? (
        <Badge color={mine.status === 'open' ? 'blue' : 'gray'} variant="light" w="fit-content">
          {mine.status === 'open' ? 'Access requested' : `Request ${mine.status}`} ·{' '}
          {when(mine.createdAt)}
        </Badge>
      ) : (
        <Button
          size="xs"
          variant="light"
          w="fit-content"
          onClick={() => {
            onRequest(pointer.ownerAgency.name);
          }}
        >
          Request access
        </Button>
      )}
      {requests.length > (mine ? 1 : 0) ? (
        <Text size="xs" c="dimmed">
          A colleague of your agency asked too.
        </Text>
      ) : null}
    </Stack>
  );
}

function OtherCell({
  hit,
  requests,
  onRequest,
}: {
  hit: Hit;
  requests: readonly AccessRequest[];
  onRequest: (ownerAgency: string) => void;
}) {
  const other = hit.other;
  switch (other.access) {
    case 'content':
      return (
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            {kindLabel(other.record.kind)} · {other.record.ownerAgency.name}
          </Text>
          <RecordLink id={other.record.id}>{other.record.title}</RecordLink>
          <MarkingLabel markings={other.record.markings} />
        </Stack>
      );
    case 'pointer':
      return (
        <PointerCell hit={hit} pointer={other.pointer} requests={requests} onRequest={onRequest} />
      );
    case 'notice':
      return (
        <Text size="sm">
          <strong>{other.agency.name}</strong> recorded your subject on {when(other.at)}; their
          record is not shared with you.
        </Text>
      );
  }
}

/** Each hit: the subject, your record, and what you may know of the other agency's side. */
export function HitsTable({
  hits,
  requestsByHit,
}: {
  hits: readonly Hit[];
  requestsByHit: ReadonlyMap<string, AccessRequest[]>;
}) {
  const [asking, setAsking] = useState<{ hitId: string; ownerAgency: string }>();
  return (
    <>
      <Table withTableBorder striped verticalSpacing="sm" data-testid="hits-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Subject</Table.Th>
            <Table.Th scope="col">Your record</Table.Th>
            <Table.Th scope="col">The other agency</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {hits.map((hit) => (
            <Table.Tr key={hit.id} data-hit-id={hit.id} data-access={hit.other.access}>
              <Table.Td>
                <time dateTime={hit.createdAt}>{when(hit.createdAt)}</time>
                <Text size="xs" c="dimmed">
                  {hit.direction === 'outgoing'
                    ? 'Your record matched theirs'
                    : 'Theirs matched yours'}
                </Text>
              </Table.Td>
              <Table.Td>
                <EntityLink id={hit.entityId}>The {hit.entityType.replaceAll('_', ' ')}</EntityLink>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Text size="xs" c="dimmed">
                    {kindLabel(hit.yourRecord.kind)}
                  </Text>
                  <RecordLink id={hit.yourRecord.id}>{hit.yourRecord.title}</RecordLink>
                  <MarkingLabel markings={hit.yourRecord.markings} />
                </Stack>
              </Table.Td>
              <Table.Td>
                <OtherCell
                  hit={hit}
                  requests={requestsByHit.get(hit.id) ?? []}
                  onRequest={(ownerAgency) => {
                    setAsking({ hitId: hit.id, ownerAgency });
                  }}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {asking ? (
        <RequestAccessDialog
          {...asking}
          onClose={() => {
            setAsking(undefined);
          }}
        />
      ) : null}
    </>
  );
}
