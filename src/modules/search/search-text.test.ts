import { describe, expect, it } from 'vitest';
import { headlineToHtml, HEADLINE_MARKERS, nameTerms, positivePart } from './search-text.ts';

const { open, close } = HEADLINE_MARKERS;

describe('search text', () => {
  it('keeps only what may name someone: no exclusions, quotes or the or keyword', () => {
    expect(positivePart('"John Doe" -smith or Richmond')).toBe('John Doe Richmond');
    expect(positivePart('  ')).toBe('');
  });

  it('drops short tokens, keeps the whole identifier when its tokens would split it', () => {
    expect(nameTerms('xk r4', 'xkr4')).toEqual({
      tokens: [],
      compact: 'xkr4',
      identifierLike: true,
    });
    expect(nameTerms('abc 1234', 'abc1234')).toEqual({
      tokens: ['abc', '1234'],
      compact: null,
      identifierLike: true,
    });
    expect(nameTerms('maria de la cruz', 'mariadelacruz')).toEqual({
      tokens: ['maria', 'cruz'],
      compact: null,
      identifierLike: false,
    });
  });

  it('escapes the text of a headline and marks only the matched words', () => {
    expect(headlineToHtml(`a <b>&"'</b> ${open}drone${close}`)).toBe(
      'a &lt;b&gt;&amp;&quot;&#39;&lt;/b&gt; <mark>drone</mark>',
    );
  });
});
