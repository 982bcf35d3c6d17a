import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';

export type StateTone = 'ok' | 'bad' | 'warn' | 'info' | 'neutral';

// Shades dark (or light) enough for the badge's small bold text to pass WCAG AA contrast.
const TONES: { [T in StateTone]: string } = {
  ok: 'teal.9',
  bad: 'red.9',
  warn: 'yellow.4',
  info: 'blue.8',
  neutral: 'gray.7',
};

/**
 * A short state word (active, suspended, denied, running) in a filled badge whose colour says
 * how it stands; never truncated, so the word stays readable in a narrow table column.
 */
export function StateBadge({ tone, children }: { tone: StateTone; children: ReactNode }) {
  return (
    <Badge color={TONES[tone]} variant="filled" autoContrast style={{ minWidth: 'max-content' }}>
      {children}
    </Badge>
  );
}
