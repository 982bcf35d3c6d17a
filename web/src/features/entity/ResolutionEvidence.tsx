import { Badge, Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { EntityLink } from '../../components/EntityLink.tsx';
import { shortDate } from './EntityTimeline.tsx';
import type { Decision, Entity, NumberedRecord } from './entity-api.ts';

type Evidence = Entity['resolution']['merges'][number]['evidence'];
type Props = {
  entity: Entity;
  records: ReadonlyMap<string, NumberedRecord>;
  /** Undefined when the user may not decide (no entities:resolve): no buttons then. */
  onDecide?: (decision: Decision) => void;
};

const percent = (p: number) => `${(p * 100).toFixed(p > 0.999 ? 2 : 1)}%`;

/** The comparisons behind a decision: each field, how well it matched, and its weight. */
function EvidenceList({ evidence }: { evidence: Evidence }) {
  const total = evidence.reduce((n, e) => n + e.weight, 0);
  return (
    <List size="xs" listStyleType="none" spacing={0}>
      {evidence.map((e, i) => (
        <List.Item key={`${e.field}-${String(i)}`}>
          {e.field}: {e.level.replaceAll('_', ' ')} ({e.weight >= 0 ? '+' : ''}
          {e.weight.toFixed(1)})
        </List.Item>
      ))}
      <List.Item fw={600}>total weight {total.toFixed(1)}</List.Item>
    </List>
  );
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Title order={4} size="h5">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

type ScoredRow = {
  key: string;
  pair: ReactNode;
  probability: number;
  evidence: Evidence;
  actions?: { label: string; decision: Decision }[];
};

/** Pairs of observations resolution scored: what they are, the score, the evidence, actions. */
function ScoredPairs({
  first,
  rows,
  onDecide,
}: {
  first: string;
  rows: ScoredRow[];
  onDecide: Props['onDecide'];
}) {
  return (
    <Table withTableBorder striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{first}</Table.Th>
          <Table.Th scope="col">Score</Table.Th>
          <Table.Th scope="col">Evidence</Table.Th>
          {onDecide ? <Table.Th scope="col">Decide</Table.Th> : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td>{r.pair}</Table.Td>
            <Table.Td>{percent(r.probability)}</Table.Td>
            <Table.Td>
              <EvidenceList evidence={r.evidence} />
            </Table.Td>
            {onDecide ? (
              <Table.Td>
                <Group gap={4}>
                  {r.actions?.map((a) => (
                    <Button
                      key={a.label}
                      size="xs"
                      variant="default"
                      onClick={() => {
                        onDecide(a.decision);
                      }}
                    >
                      {a.label}
                    </Button>
                  ))}
                </Group>
              </Table.Td>
            ) : null}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * Why this entity is what it is: the merges that made it (with their field weights and score),
 * the possible associations resolution proposed, and those an analyst confirmed.
 */
export function ResolutionEvidence({ entity, records, onDecide }: Props) {
  const recordOf = new Map(entity.observations.map((o) => [o.id, o.recordId]));
  const seenIn = (observationId: string) => {
    const r = records.get(recordOf.get(observationId) ?? '');
    return r ? `#${String(r.number)} ${r.title}` : 'a record of the other entity';
  };
  const { merges, possibleAssociations, confirmedAssociations } = entity.resolution;
  const other = (id: string) => <EntityLink id={id}>Entity {id.slice(-12)}</EntityLink>;
  const mergeRows = merges.map((m): ScoredRow => ({
    key: m.mergeId,
    pair: (
      <>
        <Text size="sm">{seenIn(m.observationA)}</Text>
        <Text size="sm">+ {seenIn(m.observationB)}</Text>
        <Text size="xs" c="dimmed">
          {m.decidedBy === 'auto' ? 'Automatic' : 'Analyst'} · {m.rule ?? 'no rule'} ·{' '}
          {shortDate(m.createdAt)}
        </Text>
      </>
    ),
    probability: m.probability,
    evidence: m.evidence,
    actions: [{ label: 'Split…', decision: { kind: 'split', mergeId: m.mergeId } }],
  }));
  const candidateRows = possibleAssociations.map((c): ScoredRow => ({
    key: c.candidateId,
    pair: (
      <>
        {other(c.otherEntityId)}
        <Text size="xs" c="dimmed">
          {seenIn(c.observationA)} / {seenIn(c.observationB)}
        </Text>
        {c.reason ? <Badge variant="light">{c.reason}</Badge> : null}
      </>
    ),
    probability: c.probability,
    evidence: c.evidence,
    actions: [
      {
        label: 'Same entity…',
        decision: { kind: 'confirm', candidateId: c.candidateId, association: false },
      },
      {
        label: 'Association…',
        decision: { kind: 'confirm', candidateId: c.candidateId, association: true },
      },
      { label: 'Reject…', decision: { kind: 'reject', candidateId: c.candidateId } },
    ],
  }));
  return (
    <Stack gap="md" data-testid="resolution-evidence">
      <Part title="Merges">
        {merges.length === 0 ? (
          <Text size="sm" c="dimmed">
            No merges: every observation you may see of this entity came in as it.
          </Text>
        ) : (
          <ScoredPairs first="Joined" rows={mergeRows} onDecide={onDecide} />
        )}
      </Part>
      <Part title="Possible associations">
        {possibleAssociations.length === 0 ? (
          <Text size="sm" c="dimmed">
            None open.
          </Text>
        ) : (
          <ScoredPairs first="With" rows={candidateRows} onDecide={onDecide} />
        )}
      </Part>
      <Part title="Confirmed associations (identity not established)">
        {confirmedAssociations.length === 0 ? (
          <Text size="sm" c="dimmed">
            None.
          </Text>
        ) : (
          <List size="sm">
            {confirmedAssociations.map((c) => (
              <List.Item key={c.candidateId}>
                {other(c.otherEntityId)} — {percent(c.probability)}, confirmed{' '}
                {c.decidedAt ? shortDate(c.decidedAt) : ''}
              </List.Item>
            ))}
          </List>
        )}
      </Part>
      {onDecide ? (
        <Group>
          <Button
            variant="default"
            onClick={() => {
              onDecide({ kind: 'merge', otherEntityId: '' });
            }}
          >
            Merge another entity into this one…
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
