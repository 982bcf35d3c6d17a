import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { generateDemoWorld } from './world.ts';

/**
 * A collector we can call, so the heap is measured after collection rather than whenever V8
 * feels like collecting (an uncollected heap can be hundreds of megabytes of garbage).
 */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/**
 * The benchmark streams a million records; this checks the stream does not accumulate.
 * The 160,000 records after a warm-up would hold several hundred megabytes if kept, so a
 * collected heap that ends within 32 MB of where it was shows nothing is. No timing asserted.
 */
describe('demo world memory', () => {
  it('streams 200,000 records in bounded memory', () => {
    const gc = collector();
    const world = generateDemoWorld({ seed: 2024, records: 200_000 });
    let before = 0;
    let count = 0;
    let observations = 0;
    for (const r of world.records()) {
      count++;
      observations += r.body.observations.length;
      // Measure from a warm start: the map and the bounded person cache are loaded by now.
      if (count === 40_000) {
        gc();
        before = process.memoryUsage().heapUsed;
      }
    }
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    expect(count).toBe(200_000);
    expect(observations).toBeGreaterThan(200_000);
    expect(grown).toBeLessThan(32 * 1024 * 1024);
  }, 300_000);
});
