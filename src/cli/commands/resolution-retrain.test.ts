import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, cli, json, tempDataDir } from '../cli.test-helpers.ts';

afterAll(cleanUp);

/** Runs once cli/main.ts registers the command (the line is proposed with it). */
const registered = readFileSync(new URL('../main.ts', import.meta.url), 'utf8').includes(
  'registerResolutionRetrain',
);

describe.runIf(registered)('watchfloor resolution retrain', () => {
  it('trains on every observation of a seeded world and reports what it added, as one JSON object', async () => {
    const dir = tempDataDir();
    const seeded = await cli(dir, ['demo', '--records', '300', '--no-serve', '--json']);
    expect(seeded.code, seeded.stderr).toBe(0);
    const retrained = await cli(dir, ['resolution', 'retrain', '--json']);
    expect(retrained.code, retrained.stderr).toBe(0);
    const result = json(retrained);
    expect(result.trainedOn).toBeGreaterThan(300);
    expect(result).toMatchObject({
      mergesAdded: expect.any(Number),
      candidatesAdded: expect.any(Number),
    });
    const human = await cli(dir, ['resolution', 'retrain']);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/Trained on \d+ observations/);
    expect(human.stdout).toMatch(/merges added: +0/);
  }, 120_000);
});
