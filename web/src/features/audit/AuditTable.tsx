import { Anchor, Button, Code, Stack, Table, Text } from '@mantine/core';
import { Fragment, useState, type ReactNode } from 'react';
import { useAgencyName } from '../../lib/agencies.ts';
import { StateBadge } from '../../components/StateBadge.tsx';
import type { AuditEvent, AuditFilter } from './audit-api.ts';

type Props = {
  events: AuditEvent[];
  /** Narrow the filter to a value seen in the table (an actor, an action, an object). */
  onFilter: (change: Partial<AuditFilter>) => void;
};

export function AuditTable({ events, onFilter }: Props) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) => {
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  };
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped aria-label="Audit events">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th>Actor</Table.Th>
            <Table.Th>Action</Table.Th>
            <Table.Th>Objects</Table.Th>
            <Table.Th>Decision</Table.Th>
            <Table.Th>Purpose / reason</Table.Th>
            <Table.Th>Details</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((e) => (
            <Fragment key={e.id}>
              <Row event={e} onFilter={onFilter} open={open.has(e.id)} onToggle={toggle} />
              {open.has(e.id) ? (
                <Table.Tr>
                  <Table.Td colSpan={8}>
                    <Details event={e} />
                  </Table.Td>
                </Table.Tr>
              ) : null}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

type RowProps = {
  event: AuditEvent;
  onFilter: Props['onFilter'];
  open: boolean;
  onToggle: (id: string) => void;
};

function Row({ event: e, onFilter, open, onToggle }: RowProps) {
  const agencyName = useAgencyName();
  const actor = e.actorUsername;
  return (
    <Table.Tr>
      <Table.Td>{e.seq}</Table.Td>
      <Table.Td>
        <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time>
      </Table.Td>
      <Table.Td>
        {actor ? (
          <FilterLink
            label={`Show only events by ${actor}`}
            onClick={() => {
              onFilter({ actor });
            }}
          >
            {actor}
          </FilterLink>
        ) : (
          <Text span c="dimmed">
            system
          </Text>
        )}
        {e.actorAgencyId ? (
          <Text size="xs" c="dimmed">
            {agencyName(e.actorAgencyId)}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <FilterLink
          label={`Show only ${e.action} events`}
          onClick={() => {
            onFilter({ action: e.action });
          }}
        >
          {e.action}
        </FilterLink>
      </Table.Td>
      <Table.Td>
        <Stack gap={0}>
          {e.objectType ? <Text size="xs">{e.objectType}</Text> : null}
          {e.objectIds.slice(0, 3).map((id) => (
            <FilterLink
              key={id}
              label={`Show only events about ${id}`}
              onClick={() => {
                onFilter({ objectId: id });
              }}
            >
              <Code>{id.length > 13 ? `${id.slice(0, 13)}…` : id}</Code>
            </FilterLink>
          ))}
          {e.objectIds.length > 3 ? (
            <Text size="xs" c="dimmed">
              and {e.objectIds.length - 3} more
            </Text>
          ) : null}
        </Stack>
      </Table.Td>
      <Table.Td>
        <StateBadge tone={e.decision === 'allow' ? 'ok' : 'bad'}>
          {e.decision === 'allow' ? 'allowed' : 'denied'}
        </StateBadge>
      </Table.Td>
      <Table.Td>
        {e.purpose ? <Text size="sm">{e.purpose}</Text> : null}
        {e.reason ? (
          <Text size="sm" c="dimmed">
            {e.reason}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Button
          size="compact-xs"
          variant="default"
          aria-expanded={open}
          aria-label={`${open ? 'Hide' : 'Show'} details of event ${e.seq}`}
          onClick={() => {
            onToggle(e.id);
          }}
        >
          {open ? 'Hide' : 'Show'}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

function FilterLink(props: { label: string; onClick: () => void; children: ReactNode }) {
  return (
    <Anchor component="button" type="button" size="sm" title={props.label} onClick={props.onClick}>
      {props.children}
    </Anchor>
  );
}

function Details({ event: e }: { event: AuditEvent }) {
  return (
    <Stack gap={4}>
      {e.objectIds.length > 3 ? <Text size="sm">Objects: {e.objectIds.join(', ')}</Text> : null}
      {e.clientIp ? <Text size="sm">Client address: {e.clientIp}</Text> : null}
      <Code block>{JSON.stringify(e.details, null, 2)}</Code>
      <Text size="xs" c="dimmed">
        hash {e.hash} · previous {e.prevHash}
      </Text>
    </Stack>
  );
}
