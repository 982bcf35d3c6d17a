import { Button, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { StateBadge } from '../../../components/StateBadge.tsx';
import { tlpLabel } from '../../../components/MarkingBanner.tsx';
import { ListStates } from '../../../components/ListStates.tsx';
import { useAgencyName } from '../../../lib/agencies.ts';
import { useSources } from '../../../lib/sources.ts';
import type { Source } from '../admin-api.ts';
import { AdminSectionHeader } from '../AdminSectionHeader.tsx';
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
      <AdminSectionHeader
        id="sources-title"
        title="Sources"
        newLabel="New source"
        onNew={() => {
          setEditing('new');
        }}
      />
      <ListStates
        query={sources}
        items={sources.data}
        loading="Loading sources…"
        failed="Could not load the sources"
        empty={{
          title: 'No sources yet',
          body: "A source is an agency's feed or export (its RMS, a tip line): files are ingested into one.",
        }}
      >
        {(items) => (
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
                {items.map((s) => (
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
      </ListStates>
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
