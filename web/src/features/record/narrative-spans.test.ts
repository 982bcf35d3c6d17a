import { describe, expect, it } from 'vitest';
import type { Observation } from '../../lib/record-labels.ts';
import { narrativeParts } from './narrative-spans.ts';

const obs = (id: string, textStart: number | null, textEnd: number | null): Observation => ({
  id,
  entityId: `entity-${id}`,
  type: 'person',
  role: 'subject',
  attributes: {},
  textStart,
  textEnd,
});

const narrative = 'Investigators identified Stephen Coleman near 20719 Chesapeake Ln.';

describe('the narrative cut at the entities extraction found', () => {
  it('links each found stretch and keeps the text around it', () => {
    const parts = narrativeParts(narrative, [obs('a', 25, 40), obs('b', 46, 65)]);
    expect(parts.map((p) => [p.text, p.observation?.id])).toEqual([
      ['Investigators identified ', undefined],
      ['Stephen Coleman', 'a'],
      [' near ', undefined],
      ['20719 Chesapeake Ln', 'b'],
      ['.', undefined],
    ]);
    expect(parts.map((p) => p.text).join('')).toBe(narrative);
  });

  it('shows no text twice where stretches overlap: the earlier, then the longer, wins', () => {
    const parts = narrativeParts(narrative, [
      obs('short', 25, 32),
      obs('long', 25, 40),
      obs('inner', 33, 40),
    ]);
    expect(parts.filter((p) => p.observation).map((p) => p.observation?.id)).toEqual(['long']);
    expect(parts.map((p) => p.text).join('')).toBe(narrative);
  });

  it('ignores entities without offsets or with offsets outside the text', () => {
    const parts = narrativeParts(narrative, [
      obs('none', null, null),
      obs('past', 60, 999),
      obs('empty', 5, 5),
    ]);
    expect(parts).toEqual([{ text: narrative }]);
  });
});
