import { describe, expect, it } from 'vitest';
import { snippetParts } from './snippet-parts.ts';

describe('a search snippet as parts', () => {
  it('highlights the words inside <mark> and keeps the rest as text', () => {
    expect(snippetParts('a man was <mark>photographing</mark> the <mark>gate</mark>')).toEqual([
      { text: 'a man was ', marked: false },
      { text: 'photographing', marked: true },
      { text: ' the ', marked: false },
      { text: 'gate', marked: true },
    ]);
  });

  it('turns the server’s escapes back into the characters the record holds, once', () => {
    const parts = snippetParts('&quot;over the water&quot; &amp; O&#39;Connor &amp;lt;b&amp;gt;');
    expect(parts).toEqual([{ text: `"over the water" & O'Connor &lt;b&gt;`, marked: false }]);
  });

  it('never yields markup: tags other than <mark> stay text, escaped or not', () => {
    const parts = snippetParts('&lt;img src=x onerror=alert(1)&gt; <b>bold</b> <mark>hit</mark>');
    expect(parts.map((p) => p.text).join('')).toBe('<img src=x onerror=alert(1)> <b>bold</b> hit');
    expect(parts.filter((p) => p.marked).map((p) => p.text)).toEqual(['hit']);
  });

  it('leaves unknown or out-of-range entities as written', () => {
    expect(snippetParts('&nbsp; &#0; &#x110000;')[0]?.text).toBe('&nbsp; &#0; &#x110000;');
  });
});
