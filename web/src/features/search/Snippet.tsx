import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { snippetParts } from './snippet-parts.ts';

/** A search hit's narrative excerpt with the matched words highlighted. */
export function Snippet({ snippet }: { snippet: string }) {
  const nodes: ReactNode[] = snippetParts(snippet).map((p, i) =>
    p.marked ? <mark key={i}>{p.text}</mark> : p.text,
  );
  return (
    <Text size="sm" data-testid="snippet">
      {nodes}
    </Text>
  );
}
