import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { EntityLink } from '../../components/EntityLink.tsx';
import { RecordLink } from '../../components/RecordLink.tsx';
import { kindLabel, OBSERVATION_TYPE_LABELS } from '../../lib/record-labels.ts';
import type { ChartNode } from './chart-model.ts';

type Props = {
  node: ChartNode;
  seedId: string;
  expanded: boolean;
  pathStart: ChartNode | undefined;
  /** Shown only to a user who may merge (entities:resolve), for an entity of the same type. */
  canMerge: boolean;
  onExpand: () => void;
  onPathFrom: () => void;
  onFindPath: () => void;
  onMerge: () => void;
  findingPath: boolean;
};

/** What can be done with the node chosen on the chart or in the table. */
export function SelectedNode(p: Props) {
  const { node } = p;
  const isEntity = node.kind === 'entity';
  return (
    <Paper withBorder p="sm" component="section" aria-label="Selected node">
      <Stack gap={6}>
        <Text size="xs" c="dimmed">
          Selected{' '}
          {isEntity ? OBSERVATION_TYPE_LABELS[node.entityType] : kindLabel(node.recordKind)}
          {node.community === undefined ? '' : ` · community ${String(node.community + 1)}`}
        </Text>
        <Text fw={700} data-testid="selected-node">
          {node.label}
        </Text>
        {isEntity && node.id !== p.seedId ? (
          <EntityLink id={node.id}>Open this entity</EntityLink>
        ) : null}
        {!isEntity ? <RecordLink id={node.id}>Open this record</RecordLink> : null}
        <Group gap="xs">
          <Button size="xs" onClick={p.onExpand} disabled={p.expanded}>
            {p.expanded ? 'Expanded' : 'Expand'}
          </Button>
          {isEntity && p.pathStart && p.pathStart.id !== node.id ? (
            <Button size="xs" variant="light" onClick={p.onFindPath} loading={p.findingPath}>
              Find path from {p.pathStart.label}
            </Button>
          ) : null}
          {isEntity && p.pathStart?.id !== node.id ? (
            <Button size="xs" variant="default" onClick={p.onPathFrom}>
              Start paths here
            </Button>
          ) : null}
          {p.canMerge ? (
            <Button size="xs" variant="default" color="red" onClick={p.onMerge}>
              Merge into this entity…
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
