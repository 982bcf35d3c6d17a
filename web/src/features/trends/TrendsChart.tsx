import { Box } from '@mantine/core';
import { LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkPointComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { weekAxisLabel, type SeriesLabels } from './trend-labels.ts';
import type { Trends, TrendSeries } from './trends-query.ts';

// SVG: crisp at any zoom, and no canvas to read back for a screenshot.
use([
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkPointComponent,
  MarkAreaComponent,
  SVGRenderer,
]);

type Option = ComposeOption<
  LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/**
 * Weekly counts as lines, a pin on each flagged week with its count, and the weeks before
 * testing starts shaded. For the eye only: the tables beside it carry the same figures for
 * keyboard and screen-reader users, so the chart is one labelled image to them.
 */
export function TrendsChart({
  trends,
  series,
  labels,
  summary,
}: {
  trends: Trends;
  series: readonly TrendSeries[];
  labels: SeriesLabels;
  summary: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const c = init(container.current, undefined, { renderer: 'svg' });
    chart.current = c;
    const resize = new ResizeObserver(() => {
      c.resize();
    });
    resize.observe(container.current);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(chartOption(trends, series, labels), { notMerge: true });
  }, [trends, series, labels]);

  return <Box ref={container} h={380} role="img" aria-label={summary} data-testid="trends-chart" />;
}

function chartOption(trends: Trends, series: readonly TrendSeries[], labels: SeriesLabels): Option {
  const weeks = trends.weeks.map(weekAxisLabel);
  const untested = untestedWeeks(trends);
  return {
    animation: false,
    grid: { left: 40, right: 24, top: 56, bottom: 40 },
    legend: { type: 'scroll', top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: weeks, boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1, name: 'records a week' },
    series: series.map((s, i) => ({
      type: 'line',
      name: labels.series(s),
      data: s.counts,
      showSymbol: false,
      markPoint: {
        symbol: 'pin',
        symbolSize: 40,
        data: s.flaggedWeeks.map((week) => {
          const at = trends.weeks.indexOf(week);
          return {
            name: 'Flagged',
            coord: [weekAxisLabel(week), s.counts[at] ?? 0],
            value: s.counts[at] ?? 0,
          };
        }),
      },
      // Shade the weeks without a full baseline once, under the first line.
      ...(i === 0 && untested
        ? {
            markArea: {
              silent: true,
              itemStyle: { color: 'rgba(134, 142, 150, 0.12)' },
              label: {
                show: true,
                position: 'insideTop',
                formatter: 'not tested',
                color: '#495057',
              },
              data: [[{ xAxis: weeks[0] }, { xAxis: untested }]],
            },
          }
        : {}),
    })),
  };
}

/** The last week before testing starts (axis label), or null when every week is tested. */
function untestedWeeks(trends: Trends): string | null {
  const first = trends.weeks[0];
  if (!first) return null;
  if (trends.testedFrom === null) return weekAxisLabel(trends.weeks.at(-1) ?? first);
  const at = trends.weeks.indexOf(trends.testedFrom);
  return at > 0 ? weekAxisLabel(trends.weeks[at - 1] ?? first) : null;
}
