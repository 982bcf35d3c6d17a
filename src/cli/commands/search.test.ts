import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, cli, json, tempDataDir } from '../cli.test-helpers.ts';

afterAll(cleanUp);

describe('watchfloor search', () => {
  it('searches a seeded world through the API, as one JSON object or as a table', async () => {
    const dir = tempDataDir();
    const seeded = await cli(dir, ['demo', '--records', '200', '--no-serve', '--json']);
    expect(seeded.code, seeded.stderr).toBe(0);
    const found = await cli(dir, [
      'search',
      'suspicious',
      '--kind',
      'sar',
      '--limit',
      '5',
      '--json',
    ]);
    expect(found.code, found.stderr).toBe(0);
    const result = json(found);
    expect(result.items.length).toBeGreaterThan(0);
    expect(result.items.every((i: { kind: string }) => i.kind === 'sar')).toBe(true);
    expect(result.total.count).toBeGreaterThan(0);
    expect(result.facets.kind).toEqual([{ key: 'sar', count: result.total.count }]);

    const table = await cli(dir, ['search', 'suspicious', '--limit', '3']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^DATE +KIND +AGENCY +TITLE/);
    expect(table.stdout).toMatch(/\d+ matches/);
    expect(table.stdout).not.toContain('<mark>');

    const bad = await cli(dir, ['search', '--bbox', '1,2,3', '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).error.errors[0].path).toBe('--bbox');
  }, 180_000);
});
