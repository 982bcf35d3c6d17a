/**
 * GraphML (http://graphml.graphdrawing.org/) for Gephi and i2 Analyst's Notebook users: every
 * node and edge field becomes a declared <key> with <data>. Titles and labels are user text, so
 * every value is escaped, and characters XML 1.0 cannot carry at all (most control characters,
 * lone surrogates, U+FFFE/U+FFFF) are replaced by U+FFFD rather than written raw.
 */
import type { GraphEdge, GraphNode } from './subgraph.ts';

type KeyType = 'string' | 'int' | 'double';
type Key<T> = { id: string; name: string; type: KeyType; value: (x: T) => unknown };

const NOT_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for element content and double-quoted attributes alike. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"'\t\n\r]/g, (c) => ESCAPES[c] ?? c);
}
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

const field =
  (name: string) =>
  (x: object): unknown =>
    (x as Record<string, unknown>)[name];

const NODE_KEYS: Key<GraphNode>[] = [
  { id: 'n_kind', name: 'kind', type: 'string', value: (n) => n.kind },
  { id: 'n_label', name: 'label', type: 'string', value: (n) => n.label },
  { id: 'n_entity_type', name: 'entityType', type: 'string', value: field('entityType') },
  { id: 'n_record_kind', name: 'recordKind', type: 'string', value: field('recordKind') },
  { id: 'n_hop', name: 'hop', type: 'int', value: field('hop') },
  { id: 'n_occurred', name: 'occurredFrom', type: 'string', value: field('occurredFrom') },
  { id: 'n_owner', name: 'ownerAgencyId', type: 'string', value: field('ownerAgencyId') },
  { id: 'n_community', name: 'community', type: 'int', value: (n) => n.community },
  { id: 'n_degree', name: 'degree', type: 'double', value: (n) => n.degree },
  { id: 'n_betweenness', name: 'betweenness', type: 'double', value: (n) => n.betweenness },
];

const linkField = (name: 'id' | 'label' | 'source' | 'createdByUserId') => (e: GraphEdge) =>
  e.kind === 'link' ? e.link[name] : undefined;

const EDGE_KEYS: Key<GraphEdge>[] = [
  { id: 'e_kind', name: 'kind', type: 'string', value: (e) => e.kind },
  { id: 'e_weight', name: 'weight', type: 'double', value: (e) => field('weight')(e) ?? 1 },
  { id: 'e_roles', name: 'roles', type: 'string', value: field('roles') },
  { id: 'e_records', name: 'recordIds', type: 'string', value: field('recordIds') },
  { id: 'e_label', name: 'label', type: 'string', value: linkField('label') },
  { id: 'e_justification', name: 'justification', type: 'string', value: linkField('source') },
  { id: 'e_link', name: 'linkId', type: 'string', value: linkField('id') },
  {
    id: 'e_created_by',
    name: 'createdByUserId',
    type: 'string',
    value: linkField('createdByUserId'),
  },
];

function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.join(',');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function data<T>(keys: readonly Key<T>[], x: T): string {
  return keys
    .map((k) => {
      const v = text(k.value(x));
      return v === undefined ? '' : `<data key="${k.id}">${escapeXml(v)}</data>`;
    })
    .join('');
}

/**
 * One GraphML document. Appears-in and analyst-link edges are directed (entity to record, as
 * the analyst drew it); co-occurrence edges are marked directed="false".
 */
export function toGraphml(graph: { nodes: readonly GraphNode[]; edges: readonly GraphEdge[] }) {
  const keyLines = [
    ...NODE_KEYS.map((k) => ({ ...k, for: 'node' })),
    ...EDGE_KEYS.map((k) => ({ ...k, for: 'edge' })),
  ].map((k) => `  <key id="${k.id}" for="${k.for}" attr.name="${k.name}" attr.type="${k.type}"/>`);
  const nodeLines = graph.nodes.map(
    (n) => `    <node id="${escapeXml(n.id)}">${data(NODE_KEYS, n)}</node>`,
  );
  const edgeLines = graph.edges.map(
    (e) =>
      `    <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}"${e.kind === 'co_occurs' ? ' directed="false"' : ''}>${data(EDGE_KEYS, e)}</edge>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keyLines,
    '  <graph id="watchfloor" edgedefault="directed">',
    ...nodeLines,
    ...edgeLines,
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}
