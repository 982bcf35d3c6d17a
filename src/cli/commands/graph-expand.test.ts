import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseGraphml } from '../../modules/graph/graphml.test-helpers.ts';
import { cleanUp, cli, json, tempDataDir } from '../cli.test-helpers.ts';

afterAll(cleanUp);

describe('watchfloor graph expand', () => {
  it('writes the neighbourhood of an entity as GraphML or JSON, and refuses unknown types', async () => {
    const dir = tempDataDir();
    const seeded = await cli(dir, [
      'demo',
      '--records',
      '300',
      '--no-retrain',
      '--no-serve',
      '--json',
    ]);
    expect(seeded.code, seeded.stderr).toBe(0);
    const exported = await cli(dir, ['entities', 'export', '--type', 'person']);
    expect(exported.code, exported.stderr).toBe(0);
    const people = exported.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; observations: unknown[] });
    const busiest = people.sort((a, b) => b.observations.length - a.observations.length)[0]!;

    const graphml = await cli(dir, [
      'graph',
      'expand',
      busiest.id,
      '--hops',
      '2',
      '--format',
      'graphml',
    ]);
    expect(graphml.code, graphml.stderr).toBe(0);
    const parsed = parseGraphml(graphml.stdout);
    expect(parsed.nodes.map((n) => n.id)).toContain(busiest.id);
    expect(parsed.edges.length).toBeGreaterThan(0);

    const file = join(dir, 'graph.json');
    const written = await cli(dir, [
      'graph',
      'expand',
      busiest.id,
      '--hops',
      '1',
      '--output',
      file,
      '--json',
    ]);
    expect(written.code, written.stderr).toBe(0);
    expect(json(written)).toMatchObject({ output: file, format: 'json' });
    const graph = JSON.parse(readFileSync(file, 'utf8')) as {
      seed: { id: string };
      nodes: { hop?: number }[];
    };
    expect(graph.seed.id).toBe(busiest.id);
    expect(Math.max(...graph.nodes.map((n) => n.hop ?? 0))).toBeLessThanOrEqual(1);

    const bad = await cli(dir, ['graph', 'expand', busiest.id, '--types', 'spaceship']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/spaceship/);
    const far = await cli(dir, ['graph', 'expand', busiest.id, '--hops', '5']);
    expect(far.code).not.toBe(0);
    expect(far.stderr).toMatch(/--hops/);
  }, 240_000);
});
