import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { RecordLink } from '../../components/RecordLink.tsx';
import type { GraphPaths } from './graph-api.ts';

const RECORDS_PER_STEP = 3;

/** The shortest paths found, step by step with the records that join each pair. */
export function PathResult({ paths, onClear }: { paths: GraphPaths; onClear: () => void }) {
  const label = new Map(paths.nodes.map((n) => [n.id, n.label]));
  const name = (id: string) => label.get(id) ?? 'an entity';
  const step = (a: string, b: string) =>
    paths.edges.find(
      (e) => (e.source === a && e.target === b) || (e.source === b && e.target === a),
    );
  return (
    <Alert
      color={paths.length === null ? 'gray' : 'orange'}
      title={
        paths.length === null
          ? `No path between ${name(paths.from)} and ${name(paths.to)} within 4 hops`
          : `${String(paths.paths.length)} shortest path${paths.paths.length === 1 ? '' : 's'} of ${String(paths.length)} hop${paths.length === 1 ? '' : 's'} from ${name(paths.from)} to ${name(paths.to)}`
      }
      data-testid="path-result"
    >
      <Stack gap="xs">
        {paths.paths.map((p, i) => (
          <Stack key={p.join('>')} gap={2}>
            <Text size="sm" fw={600}>
              Path {i + 1}: {p.map(name).join(' → ')}
            </Text>
            <List size="sm" withPadding>
              {p.slice(1).map((id, j) => {
                const e = step(p[j]!, id);
                return (
                  <List.Item key={id}>
                    {name(p[j]!)} – {name(id)}:{' '}
                    {e?.links.map((l) => `“${l.label}” (analyst link)`).join(', ')}
                    {e && e.records.length ? (
                      <>
                        {e.links.length ? '; ' : ''}
                        {e.weight} shared record{e.weight === 1 ? '' : 's'}, e.g.{' '}
                        {e.records.slice(0, RECORDS_PER_STEP).map((r, k) => (
                          <span key={r.id}>
                            {k ? ', ' : ''}
                            <RecordLink id={r.id}>{r.label}</RecordLink>
                          </span>
                        ))}
                      </>
                    ) : null}
                  </List.Item>
                );
              })}
            </List>
          </Stack>
        ))}
        {paths.morePaths ? <Text size="sm">More paths of the same length exist.</Text> : null}
        {paths.searchLimited ? (
          <Text size="sm">
            The search stopped early in a very connected neighbourhood: a path may still exist.
          </Text>
        ) : null}
        <Group>
          <Button size="xs" variant="default" onClick={onClear}>
            Clear the path
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
