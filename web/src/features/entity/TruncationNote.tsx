import { Alert } from '@mantine/core';
import type { Graph } from './graph-api.ts';

/** Says what the caps left off the chart, so an analyst never mistakes a cut graph for all. */
export function TruncationNote({ graphs }: { graphs: readonly Graph[] }) {
  const cut = graphs.filter((g) => g.truncated);
  if (cut.length === 0) return null;
  const sum = (k: 'entities' | 'records' | 'edges') => cut.reduce((n, g) => n + g.cut[k], 0);
  const parts = [
    sum('entities') ? `${String(sum('entities'))} entities` : '',
    sum('records') ? `${String(sum('records'))} records` : '',
    sum('edges') ? `${String(sum('edges'))} weak links` : '',
  ].filter(Boolean);
  const hops = cut.flatMap((g) => (g.cut.atHop === null ? [] : [g.cut.atHop]));
  return (
    <Alert color="yellow" title="The chart is cut" data-testid="chart-truncated">
      {parts.join(', ') || 'Some nodes'} were left out
      {hops.length ? ` from hop ${String(Math.min(...hops))} on` : ''}. Narrow the filters, raise
      the minimum shared records, or expand a node to see more around it.
    </Alert>
  );
}
