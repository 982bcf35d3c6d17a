import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, cli, json, tempDataDir } from '../cli.test-helpers.ts';

afterAll(cleanUp);

const TWO_YEARS = ['--from', '2023-07-03', '--to', '2025-06-30'];

describe('watchfloor trends', () => {
  it('prints the weekly series of a seeded world for a script, and the flags for a person', async () => {
    const dir = tempDataDir();
    const seeded = await cli(dir, ['demo', '--records', '300', '--no-serve', '--no-retrain']);
    expect(seeded.code, seeded.stderr).toBe(0);

    const all = await cli(dir, ['trends', ...TWO_YEARS, '--all-series', '--limit', '5', '--json']);
    expect(all.code, all.stderr).toBe(0);
    const answer = json(all);
    expect(answer.weeks).toHaveLength(104);
    expect(answer.weeks[0]).toBe('2023-07-03T00:00:00.000Z');
    expect(answer.series).toHaveLength(5);
    expect(answer.seriesTotal).toBeGreaterThan(5);
    expect(answer.truncated).toBe(true);
    expect(answer.method).toMatchObject({ name: 'poisson-conditional-binomial', fdr: 0.01 });

    const human = await cli(dir, ['trends', ...TWO_YEARS, '--by', 'kind', '--region', 'h3:4']);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(
      /^Weeks 2023-07-03 to 2025-06-23 \(104\), tested from 2023-09-04;/,
    );
    expect(human.stdout).toMatch(/No significant rises\.|week +series +region +count +expected/);
  }, 120_000);

  it('refuses bad values before asking the server: usage errors exit 2, bad questions 1', async () => {
    const dir = tempDataDir();
    expect((await cli(dir, ['trends', '--fdr', '2'])).code).toBe(2);
    expect((await cli(dir, ['trends', '--category', 'DRONES'])).code).toBe(2);
    const region = await cli(dir, ['trends', '--region', 'state', '--json']);
    expect(region.code).toBe(1);
    expect(json(region).error).toMatchObject({ code: 'validation.failed' });
  }, 60_000);
});
