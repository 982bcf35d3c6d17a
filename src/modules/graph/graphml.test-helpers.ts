import { SaxesParser } from 'saxes';

export type Parsed = {
  keys: Map<string, { for: string; name: string; type: string }>;
  nodes: { id: string; data: Record<string, string> }[];
  edges: {
    id: string;
    source: string;
    target: string;
    directed?: string;
    data: Record<string, string>;
  }[];
};

/** Reads a GraphML document back with a real XML parser (the one SAR XML ingest uses). */
export function parseGraphml(xml: string): Parsed {
  const parser = new SaxesParser({ xmlns: true });
  const out: Parsed = { keys: new Map(), nodes: [], edges: [] };
  let current: { data: Record<string, string> } | undefined;
  let dataKey: string | undefined;
  let text = '';
  parser.on('error', (err) => {
    throw err;
  });
  parser.on('opentag', (tag) => {
    const attr = (name: string) => tag.attributes[name]?.value ?? '';
    if (tag.local === 'key')
      out.keys.set(attr('id'), {
        for: attr('for'),
        name: attr('attr.name'),
        type: attr('attr.type'),
      });
    if (tag.local === 'node') {
      const node = { id: attr('id'), data: {} };
      out.nodes.push(node);
      current = node;
    }
    if (tag.local === 'edge') {
      const directed = tag.attributes['directed']?.value;
      const edge = {
        id: attr('id'),
        source: attr('source'),
        target: attr('target'),
        data: {},
        ...(directed ? { directed } : {}),
      };
      out.edges.push(edge);
      current = edge;
    }
    if (tag.local === 'data') {
      dataKey = attr('key');
      text = '';
    }
  });
  parser.on('text', (t) => {
    if (dataKey !== undefined) text += t;
  });
  parser.on('closetag', (tag) => {
    if (tag.local === 'data' && current && dataKey !== undefined) current.data[dataKey] = text;
    if (tag.local === 'data') dataKey = undefined;
  });
  parser.write(xml).close();
  return out;
}
