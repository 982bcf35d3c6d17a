import { Button, Group, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { StateBadge } from '../../../components/StateBadge.tsx';
import { tlpLabel } from '../../../components/MarkingBanner.tsx';
import { EmptyState, LoadingState } from '../../../components/States.tsx';
import { useAgencyName } from '../../../lib/agencies.ts';
import { useSources } from '../../../lib/sources.ts';
import type { Source } from '../admin-api.ts';
import { SHARE_OPTIONS } from './marking-labels.ts';
import { SourceForm } from './SourceForm.tsx';

/**
 * Sources: where an agency's records come from, with the markings they take by default.
 * Supervisors manage their own agency's; administrators every agency's.
 */
export function SourcesSection() {
  const sources = useSources();
  const agencyName = useAgencyName();
  const [editing, setEditing] = useState<Source | 'new' | null>(null);
  return (
    <section aria-labelledby="sources-title">
      <Group justify="space-between" mb="sm">
        <Title order={3} id="sources-title">
          Sources
        </Title>
        <Button
          onClick={() => {
            setEditing('new');
          }}
        >
          New source
        </Button>
      </Group>
      {sources.isPending ? (
        <LoadingState label="Loading sources…" />
      ) : sources.isError ? (
        <ProblemAlert error={sources.error} title="Could not load the sources" />
      ) : sources.data.length === 0 ? (
        <EmptyState title="No sources yet">
          A source is an agency&apos;s feed or export (its RMS, a tip line): files are ingested into
          one.
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped aria-label="Sources">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Agency</Table.Th>
                <Table.Th>Default markings</Table.Th>
                <Table.Th>Partner sharing</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sources.data.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {s.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {s.description}
                    </Text>
                  </Table.Td>
                  <Table.Td>{agencyName(s.agencyId)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {tlpLabel(s.defaultMarkings.tlp)}
                    </Text>
                    <Text size="xs">{s.defaultMarkings.caveats.join(', ')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{SHARE_OPTIONS[s.defaultMarkings.partnerShare]}</Text>
                    {s.defaultMarkings.releasableTo.length > 0 ? (
                      <Text size="xs" c="dimmed">
                        releasable to {s.defaultMarkings.releasableTo.length}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <StateBadge tone={s.active ? 'ok' : 'neutral'}>
                      {s.active ? 'active' : 'inactive'}
                    </StateBadge>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="default"
                      aria-label={`Edit ${s.name}`}
                      onClick={() => {
                        setEditing(s);
                      }}
                    >
                      Edit
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing ? (
        <SourceForm
          source={editing === 'new' ? null : editing}
          onClose={() => {
            setEditing(null);
          }}
        />
      ) : null}
    </section>
  );
}
