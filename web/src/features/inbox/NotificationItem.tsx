import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { EntityLink } from '../../components/EntityLink.tsx';
import { MarkingLabel } from '../../components/MarkingLabel.tsx';
import { RecordLink } from '../../components/RecordLink.tsx';
import { kindLabel } from '../../lib/record-labels.ts';
import type { Hit, Notification } from './inbox-api.ts';

const KIND_TITLES: Record<Notification['kind'], string> = {
  hit: 'New hit',
  subject_touched: 'Your subject was touched',
  access_request: 'Access requested',
};

const KIND_EXPLANATIONS: Record<Notification['kind'], string> = {
  hit: 'A record of your agency names an entity another agency also holds.',
  subject_touched: "Another agency's record names an entity in one of your agency's records.",
  access_request: 'Another agency asks for your record behind a pointer.',
};

/** One inbox entry: what happened, your record, what you may learn of the other side. */
export function NotificationItem({
  notification: n,
  onMarkRead,
  marking,
}: {
  notification: Notification;
  onMarkRead: () => void;
  marking: boolean;
}) {
  const hit = n.hit;
  return (
    <Stack
      component="li"
      gap={4}
      py="sm"
      px="xs"
      data-testid="notification"
      data-read={n.read}
      style={{
        borderBottom: '1px solid var(--mantine-color-gray-3)',
        borderLeft: `4px solid ${n.read ? 'transparent' : 'var(--mantine-color-blue-7)'}`,
      }}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="xs">
          {n.read ? null : (
            <Badge size="sm" color="blue.8">
              Unread
            </Badge>
          )}
          <Text fw={700}>{KIND_TITLES[n.kind]}</Text>
          <Text size="sm" c="dimmed">
            <time dateTime={n.createdAt}>{new Date(n.createdAt).toLocaleString()}</time> · on a{' '}
            {hit.entityType.replaceAll('_', ' ')}
          </Text>
          <Text size="sm">
            <EntityLink id={hit.entityId}>Open the entity</EntityLink>
          </Text>
        </Group>
        {n.read ? null : (
          <Button size="compact-sm" variant="default" onClick={onMarkRead} loading={marking}>
            Mark read
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {KIND_EXPLANATIONS[n.kind]}
      </Text>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          Your record:
        </Text>
        <MarkingLabel markings={hit.yourRecord.markings} />
        <RecordLink id={hit.yourRecord.id}>{hit.yourRecord.title}</RecordLink>
        <Text size="sm" c="dimmed">
          ({kindLabel(hit.yourRecord.kind)})
        </Text>
      </Group>
      <OtherSide hit={hit} kind={n.kind} />
    </Stack>
  );
}

function OtherSide({ hit, kind }: { hit: Hit; kind: Notification['kind'] }) {
  const other = hit.other;
  switch (other.access) {
    case 'content':
      return (
        <Group gap="xs">
          <Text size="sm" fw={600}>
            {other.record.ownerAgency.name}:
          </Text>
          <MarkingLabel markings={other.record.markings} />
          <RecordLink id={other.record.id}>{other.record.title}</RecordLink>
          <Text size="sm" c="dimmed">
            ({kindLabel(other.record.kind)}
            {other.record.occurredFrom
              ? `, ${new Date(other.record.occurredFrom).toLocaleDateString()}`
              : ''}
            )
          </Text>
        </Group>
      );
    case 'pointer': {
      const p = other.pointer;
      const contact = p.pointOfContact;
      return (
        <Text size="sm">
          <strong>{p.ownerAgency.name}</strong> holds a record on this {p.entityType} dated{' '}
          {p.recordDate} that you may not read.{' '}
          {contact
            ? `Contact ${contact.name}${contact.phone ? `, ${contact.phone}` : ''}${contact.email ? `, ${contact.email}` : ''}. `
            : ''}
          <Anchor component={Link} to="/hits" underline="always">
            Request access on the Hits screen
          </Anchor>
        </Text>
      );
    }
    case 'notice':
      return (
        <Text size="sm">
          <strong>{other.agency.name}</strong>{' '}
          {kind === 'access_request' ? 'asked for access' : 'touched this subject'} on{' '}
          {new Date(other.at).toLocaleString()}.{' '}
          {kind === 'access_request' ? (
            <Anchor component={Link} to="/hits" underline="always">
              See the Hits screen
            </Anchor>
          ) : null}
        </Text>
      );
  }
}
