import { Box } from '@mantine/core';
import cytoscape, {
  type Core,
  type ElementDefinition,
  type NodeSingular,
  type StylesheetJson,
} from 'cytoscape';
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';

const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 14,
      color: '#212529',
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      'background-color': 'data(colour)',
      width: 30,
      height: 30,
    },
  },
  {
    selector: 'node[kind = "record"]',
    style: {
      shape: 'round-rectangle',
      'background-color': '#ffffff',
      'border-width': 3,
      'border-color': 'data(colour)',
      width: 20,
      height: 20,
      // Record titles are long: named when selected, and in the table beside the chart.
      label: '',
    },
  },
  { selector: 'node[kind = "record"]:selected', style: { label: 'data(label)', 'font-size': 11 } },
  { selector: 'node.seed', style: { 'border-width': 4, 'border-color': '#000000' } },
  { selector: 'node.on-path', style: { 'border-width': 5, 'border-color': '#d9480f' } },
  {
    selector: 'node:selected',
    style: { 'overlay-color': '#1864ab', 'overlay-opacity': 0.25, 'overlay-padding': 6 },
  },
  {
    selector: 'edge',
    style: { 'curve-style': 'bezier', 'line-color': '#868e96', width: 1.5 },
  },
  {
    selector: 'edge[kind = "co_occurs"]',
    style: { width: 'mapData(weight, 1, 8, 1.5, 7)' },
  },
  {
    selector: 'edge[kind = "appears_in"]',
    style: { 'line-style': 'dashed', 'line-color': '#ced4da', width: 1 },
  },
  {
    selector: 'edge[kind = "link"]',
    style: {
      'line-color': '#5f3dc4',
      'target-arrow-shape': 'triangle',
      'target-arrow-color': '#5f3dc4',
      label: 'data(label)',
      'font-size': 8,
    },
  },
  { selector: 'edge.on-path', style: { 'line-color': '#d9480f', width: 6, 'z-index': 10 } },
];

export type ChartHandle = {
  /** The whole chart as a PNG (white background, twice the screen's resolution). */
  png: () => Blob | undefined;
};

type Props = {
  elements: ElementDefinition[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Accessible name: what the chart shows (the table beside it lists the same nodes). */
  label: string;
  ref?: Ref<ChartHandle>;
};

/**
 * Cytoscape.js on a canvas: nodes are placed by a force layout when the set of nodes changes,
 * keeping the places of those already drawn. A click (or tap) on a node selects it.
 */
export function CytoscapeChart({ elements, selectedId, onSelect, label, ref }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core>(undefined);
  const select = useRef(onSelect);
  select.current = onSelect;

  useImperativeHandle(ref, () => ({
    png: () => cy.current?.png({ output: 'blob', bg: '#ffffff', full: true, scale: 2 }),
  }));

  useEffect(() => {
    const chart = cytoscape({
      container: container.current,
      style: STYLE,
      minZoom: 0.2,
      maxZoom: 3,
      selectionType: 'single',
    });
    chart.on('tap', 'node', (e) => {
      select.current((e.target as NodeSingular).id());
    });
    cy.current = chart;
    return () => {
      chart.destroy();
      cy.current = undefined;
    };
  }, []);

  useEffect(() => {
    const chart = cy.current;
    if (!chart) return;
    const wanted = new Set(elements.map((e) => e.data.id));
    const added = elements.filter((el) => chart.getElementById(el.data.id ?? '').empty());
    chart.batch(() => {
      chart
        .elements()
        .filter((e) => !wanted.has(e.id()))
        .remove();
      for (const el of elements) {
        const existing = chart.getElementById(el.data.id ?? '');
        if (existing.nonempty()) {
          existing.data(el.data);
          existing.classes(el.classes ?? '');
        }
      }
      chart.add(added);
    });
    if (added.length > 0) {
      chart
        .layout({
          name: 'cose',
          animate: false,
          randomize: false,
          nodeDimensionsIncludeLabels: true,
          idealEdgeLength: () => 60,
          nodeRepulsion: () => 6000,
          // Laid out in the box it is shown in, so the labels stay readable without zooming.
          boundingBox: { x1: 0, y1: 0, w: chart.width(), h: chart.height() },
        })
        .run();
      chart.fit(undefined, 30);
    }
  }, [elements]);

  useEffect(() => {
    const chart = cy.current;
    if (!chart) return;
    chart.nodes(':selected').unselect();
    if (selectedId) chart.getElementById(selectedId).select();
  }, [selectedId, elements]);

  return (
    <Box
      ref={container}
      role="img"
      aria-label={label}
      h={520}
      bd="1px solid var(--mantine-color-gray-4)"
      data-testid="link-chart"
    />
  );
}
