import { Button, Grid, Group, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Caveat, Tlp } from '../../components/MarkingBanner.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { LoadingState } from '../../components/States.tsx';
import { ChartFilterControls } from './ChartFilterControls.tsx';
import { ChartNodeTable } from './ChartNodeTable.tsx';
import { chartGraph, pathHighlight, toElements } from './chart-model.ts';
import { CytoscapeChart, type ChartHandle } from './CytoscapeChart.tsx';
import {
  DEFAULT_FILTERS,
  graphmlUrl,
  useExpansions,
  usePaths,
  useStructure,
  type ChartFilters,
  type Expansion,
  type GraphPaths,
} from './graph-api.ts';
import { PathResult } from './PathResult.tsx';
import { saveBlob, withMarkingBands } from './png-export.ts';
import { SelectedNode } from './SelectedNode.tsx';
import { TruncationNote } from './TruncationNote.tsx';

type Props = {
  seedId: string;
  seedType: string;
  /** The page's marking, printed on an exported picture. */
  marking: { tlp: Tlp; caveats: readonly Caveat[] } | null;
  /** The records on the chart (nodes and path steps), for the page's marking banner. */
  onRecordsShown: (ids: string[]) => void;
  /** Offered for an entity of the seed's type; undefined when the user may not merge. */
  onMerge?: (otherEntityId: string) => void;
};

/**
 * The entity's link chart: its neighbourhood under the filters, grown by expanding nodes,
 * with communities coloured, shortest paths to a chosen entity, and exports.
 */
export function LinkChart({ seedId, seedType, marking, onRecordsShown, onMerge }: Props) {
  const [filters, setFilters] = useState<ChartFilters>(DEFAULT_FILTERS);
  const [expansions, setExpansions] = useState<Expansion[]>([{ id: seedId, kind: 'entity' }]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [pathStartId, setPathStartId] = useState(seedId);
  const [paths, setPaths] = useState<GraphPaths>();
  const findPaths = usePaths(filters);
  const chartRef = useRef<ChartHandle>(null);

  const answers = useExpansions(seedId, expansions, filters);
  const loaded = answers.flatMap((a) => (a.data ? [a.data] : []));
  const failed = answers.find((a) => a.isError);
  const nodeIds = chartGraph(loaded, undefined, paths).nodes.map((n) => n.id);
  const structure = useStructure(seedId, nodeIds, filters);
  // Redrawn (and the table re-paged) only when what the chart shows changes, not every render.
  const fresh = chartGraph(loaded, structure.data, paths);
  const graphKey = JSON.stringify(fresh);
  const graph = useMemo(() => fresh, [graphKey]);
  const elements = useMemo(
    () => toElements(graph, seedId, pathHighlight(paths)),
    [graph, seedId, paths],
  );

  const recordIds = [
    ...graph.nodes.filter((n) => n.kind === 'record').map((n) => n.id),
    ...(paths?.edges.flatMap((e) => e.records.map((r) => r.id)) ?? []),
  ];
  const recordKey = [...new Set(recordIds)].sort().join();
  useEffect(() => {
    onRecordsShown(recordKey ? recordKey.split(',') : []);
  }, [recordKey]);

  const changeFilters = (next: ChartFilters) => {
    setFilters(next);
    setPaths(undefined);
  };
  if (answers[0]?.isPending) return <LoadingState label="Drawing the link chart…" />;
  if (answers[0]?.isError)
    return <ProblemAlert error={answers[0].error} title="The link chart could not load" />;

  const nodeById = new Map(graph.nodes.map((n) => [n.id, n]));
  const selected = selectedId ? nodeById.get(selectedId) : undefined;
  const seedLabel = nodeById.get(seedId)?.label ?? 'this entity';
  const exportPng = async () => {
    const picture = chartRef.current?.png();
    if (!picture) return;
    const stamped = marking ? await withMarkingBands(picture, marking) : picture;
    saveBlob(stamped, `watchfloor-graph-${seedId}.png`);
  };
  const communities = structure.data?.structure?.communities;

  return (
    <Stack gap="sm">
      <ChartFilterControls filters={filters} onChange={changeFilters} />
      <TruncationNote graphs={[...loaded, ...(structure.data ? [structure.data] : [])]} />
      {failed ? <ProblemAlert error={failed.error} title="An expansion could not load" /> : null}
      {findPaths.isError ? (
        <ProblemAlert error={findPaths.error} title="The path could not be found" />
      ) : null}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap={4}>
            <CytoscapeChart
              ref={chartRef}
              elements={elements}
              selectedId={selectedId}
              onSelect={setSelectedId}
              label={`Link chart around ${seedLabel}: ${String(graph.nodes.length)} nodes; the table lists them`}
            />
            <Group justify="space-between" gap="xs">
              <Text size="xs" c="dimmed" data-testid="chart-communities">
                {communities === undefined
                  ? 'Finding communities…'
                  : `${String(communities)} communit${communities === 1 ? 'y' : 'ies'}, coloured. Circles are entities, squares records; thicker lines join entities that share more records.`}
              </Text>
              <Group gap="xs">
                <Button size="xs" variant="default" onClick={() => void exportPng()}>
                  Export PNG
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  component="a"
                  href={graphmlUrl(seedId, filters)}
                  download
                >
                  Export GraphML
                </Button>
              </Group>
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="sm">
            {selected ? (
              <SelectedNode
                node={selected}
                seedId={seedId}
                expanded={expansions.some((x) => x.id === selected.id)}
                pathStart={nodeById.get(pathStartId)}
                canMerge={
                  onMerge !== undefined &&
                  selected.kind === 'entity' &&
                  selected.entityType === seedType &&
                  selected.id !== seedId
                }
                onExpand={() => {
                  setExpansions((xs) => [...xs, { id: selected.id, kind: selected.kind }]);
                }}
                onPathFrom={() => {
                  setPathStartId(selected.id);
                }}
                onFindPath={() => {
                  findPaths.mutate({ from: pathStartId, to: selected.id }, { onSuccess: setPaths });
                }}
                findingPath={findPaths.isPending}
                onMerge={() => onMerge?.(selected.id)}
              />
            ) : (
              <Text size="sm" c="dimmed">
                Choose a node on the chart or in the table to expand it or find a path to it.
              </Text>
            )}
            <ChartNodeTable nodes={graph.nodes} selectedId={selectedId} onSelect={setSelectedId} />
          </Stack>
        </Grid.Col>
      </Grid>
      {paths ? (
        <PathResult
          paths={paths}
          onClear={() => {
            setPaths(undefined);
          }}
        />
      ) : null}
    </Stack>
  );
}
