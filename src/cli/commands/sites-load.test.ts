import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanUp, cli, json, tempDataDir } from '../cli.test-helpers.ts';

afterAll(cleanUp);

describe('watchfloor sites load', () => {
  it('loads a CSV all or nothing, and names the file, line and field of each problem', async () => {
    const dir = tempDataDir();
    const good = join(dir, 'sites.csv');
    writeFileSync(good, 'name,sector,lat,lon\nPier 1,TRANS,36.9,-76.3\nDam 2,dams,37.1,-79.1\n');
    const loaded = await cli(dir, ['sites', 'load', good, '--json']);
    expect(loaded.code, loaded.stderr).toBe(0);
    expect(json(loaded)).toMatchObject({ created: 2, updated: 0, removed: 0 });

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'name,sector,lat,lon\nPier 1,TRANS,36.9,-76.3\nDam 3,lava,37.1,-79.1\n');
    const refused = await cli(dir, ['sites', 'load', bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${bad} line 3, sector: is not a CISA sector`);

    const unknown = await cli(dir, ['sites', 'load', join(dir, 'sites.kml')]);
    expect(unknown.code).toBe(2);
  }, 120_000);
});
