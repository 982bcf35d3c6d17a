/**
 * Reads a V8 CPU profile (the `.cpuprofile` that `node --cpu-prof` or the inspector writes)
 * and says where the time went: self time per function, self time per area (a package, a
 * folder of src/, PGlite's WebAssembly, the garbage collector), and every sample assigned
 * to one pipeline stage. Async stacks are cut at each await, so database round trips show
 * up as the driver's and PGlite's own frames (or as idle time), not under their caller.
 */

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
export type CpuProfile = {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
};

export type Share = { name: string; ms: number; percent: number };
export type ProfileSummary = {
  totalMs: number;
  topFunctions: Share[];
  areas: Share[];
  stages: Share[];
};

/**
 * Pipeline stages, tried from the sampled frame outwards: the innermost frame that matches
 * names the stage, so zod under validateRow counts as validation and zod under the CSV
 * mapping as parsing. Samples with no matching frame fall back to their area.
 */
const STAGES: readonly (readonly [stage: string, test: (f: CallFrame) => boolean])[] = [
  ['content hash (canonical JSON + SHA-256)', (f) => f.functionName === 'contentHashOf'],
  ['entity resolution', (f) => /src\/modules\/resolution\/|\/talisman\//.test(f.url)],
  [
    'narrative extraction',
    (f) =>
      /src\/modules\/extraction\/|\/compromise\/|\/libphonenumber-js\//.test(f.url) ||
      f.functionName === 'withExtractions',
  ],
  ['CSV parsing and mapping', (f) => /src\/modules\/ingest\/parsers\/|\/csv-parse\//.test(f.url)],
  [
    'record validation (zod)',
    (f) => f.functionName === 'validateRow' || f.functionName === 'validateRecordContent',
  ],
  [
    'building SQL (bulkInsert JSON, drizzle)',
    (f) => f.url.includes('/src/db/') || f.url.includes('/drizzle-orm/'),
  ],
  ['PostgreSQL driver (pg)', (f) => /\/pg(-protocol|-types)?\//.test(f.url)],
  ['PGlite (WebAssembly PostgreSQL and its JS)', (f) => /^wasm:|\/@electric-sql\//.test(f.url)],
  ['rows → records, versions (writer)', (f) => f.url.includes('src/modules/records/')],
  ['ingest runner and batch commit', (f) => f.url.includes('src/modules/ingest/')],
];

function stageOf(frames: CallFrame[]): string | undefined {
  for (const f of frames) for (const [stage, test] of STAGES) if (test(f)) return stage;
  return undefined;
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length);
  const src = url.search(/\/(src|bench)\//);
  return src >= 0 ? url.slice(src + 1) : url;
}

function areaOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (url === '') return functionName.startsWith('(') ? functionName : '(native / V8 builtins)';
  if (url.startsWith('wasm://')) return 'PGlite PostgreSQL (WebAssembly)';
  if (url.startsWith('node:')) return 'Node.js internals';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = url.slice(modules + 'node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]!}/${parts[1]!}` : parts[0]!;
  }
  const src = /\/(src\/(?:modules\/)?[^/]+|bench)\//.exec(url);
  return src ? src[1]! : shortUrl(url);
}

function functionKey(frame: CallFrame): string {
  const name = frame.functionName || '(anonymous)';
  if (frame.url === '') return name;
  return `${name} (${shortUrl(frame.url)}:${frame.lineNumber + 1})`;
}

function top(map: Map<string, number>, totalMs: number, n: number): Share[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, us]) => ({
      name,
      ms: Math.round(us / 1000),
      percent: Math.round((us / 1000 / totalMs) * 1000) / 10,
    }));
}

const add = (map: Map<string, number>, key: string, us: number) =>
  map.set(key, (map.get(key) ?? 0) + us);

export function summariseProfile(profile: CpuProfile, topN = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const areas = new Map<string, number>();
  const stages = new Map<string, number>();
  let totalUs = 0;
  profile.samples.forEach((id, i) => {
    // Each sample stands for the time until the next one.
    const us = profile.timeDeltas[i + 1] ?? 0;
    const node = byId.get(id);
    if (!node) return;
    totalUs += us;
    add(self, functionKey(node.callFrame), us);
    add(areas, areaOf(node.callFrame), us);
    const frames: CallFrame[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
      frames.push(byId.get(at)!.callFrame);
    add(stages, stageOf(frames) ?? areaOf(node.callFrame), us);
  });
  const totalMs = totalUs / 1000;
  return {
    totalMs: Math.round(totalMs),
    topFunctions: top(self, totalMs, topN),
    areas: top(areas, totalMs, topN),
    stages: top(stages, totalMs, STAGES.length + 6),
  };
}
