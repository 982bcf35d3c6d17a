import { describe, expect, it } from 'vitest';
import { headlineToHtml, HEADLINE_MARKERS, nameTerms, positivePart } from './search-text.ts';

const { open, close } = HEADLINE_MARKERS;

describe('search text', () => {
  it('keeps only what may name someone: no exclusions, quotes or the or keyword', () => {
    expect(positivePart('"John Doe" -smith or Richmond')).toBe('John Doe Richmond');
    expect(positivePart('  ')).toBe('');
  });

  it('matches a name token by token, short tokens dropped', () => {
    expect(nameTerms('maria de la cruz', 'mariadelacruz')).toEqual({
      tokens: ['maria', 'cruz'],
      compact: null,
      identifierLike: false,
    });
  });

  it('matches a text with digits as one identifier, whatever its punctuation', () => {
    for (const [folded, compacted] of [
      ['xk r4', 'xkr4'],
      ['804 555 0142', '8045550142'],
    ] as const)
      expect(nameTerms(folded, compacted)).toEqual({
        tokens: [],
        compact: compacted,
        identifierLike: true,
      });
    expect(nameTerms('a1', 'a1').compact).toBeNull();
  });

  it('escapes the text of a headline and marks only the matched words', () => {
    expect(headlineToHtml(`a <b>&"'</b> ${open}drone${close}`)).toBe(
      'a &lt;b&gt;&amp;&quot;&#39;&lt;/b&gt; <mark>drone</mark>',
    );
  });
});
