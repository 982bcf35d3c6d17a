import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, cli, json, tempDataDir } from '../cli.test-helpers.ts';

afterAll(cleanUp);

describe('watchfloor timeline export', () => {
  it('writes the timeline of a window as CSV to a file, and refuses a bad window naming the flag', async () => {
    const dir = tempDataDir();
    const seeded = await cli(dir, [
      'demo',
      '--records',
      '60',
      '--no-serve',
      '--no-retrain',
      '--json',
    ]);
    expect(seeded.code, seeded.stderr).toBe(0);
    const output = join(dir, 'timeline.csv');
    const written = await cli(dir, [
      'timeline',
      'export',
      '--from',
      '2000-01-01T00:00:00Z',
      '--limit',
      '5',
      '--output',
      output,
      '--json',
    ]);
    expect(written.code, written.stderr).toBe(0);
    expect(json(written)).toMatchObject({ output, format: 'csv' });
    const lines = readFileSync(output, 'utf8').split('\r\n');
    expect(lines[0]).toMatch(/^occurred_from,occurred_to,record_id,kind,/);
    expect(lines.filter((l) => l !== '')).toHaveLength(6);
    const bad = await cli(dir, [
      'timeline',
      'export',
      '--from',
      '2026-02-01T00:00:00Z',
      '--to',
      '2026-01-01T00:00:00Z',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--from');
  }, 180_000);
});
