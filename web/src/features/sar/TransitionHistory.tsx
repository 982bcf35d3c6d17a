import { Stack, Table, Text } from '@mantine/core';
import { EmptyState } from '../../components/States.tsx';
import type { SarTransition } from './sar-api.ts';
import { label } from './sar-states.ts';

/** Every step the SAR took, oldest first: who, when, from → to, and why (SAR-03). */
export function TransitionHistory({ transitions }: { transitions: readonly SarTransition[] }) {
  if (transitions.length === 0)
    return (
      <EmptyState title="No vetting steps yet">
        The SAR has not moved since it was entered.
      </EmptyState>
    );
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing="xs" aria-label="Vetting history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Who</Table.Th>
            <Table.Th scope="col">Step</Table.Th>
            <Table.Th scope="col">Rationale</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {transitions.map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td>
                <time dateTime={t.at}>{new Date(t.at).toLocaleString()}</time>
              </Table.Td>
              <Table.Td>{t.actor.username}</Table.Td>
              <Table.Td>
                {label(t.fromState)} → <strong>{label(t.toState)}</strong>
              </Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {t.rationale}
                  </Text>
                  {t.articulableFacts ? (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      <strong>Articulable facts:</strong> {t.articulableFacts}
                    </Text>
                  ) : null}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
