import { Table, Text } from '@mantine/core';
import { useState } from 'react';
import { StateBadge } from '../../../components/StateBadge.tsx';
import { tlpLabel } from '../../../components/MarkingBanner.tsx';
import { ListStates } from '../../../components/ListStates.tsx';
import { useAgencyName } from '../../../lib/agencies.ts';
import { useSources } from '../../../lib/sources.ts';
import type { Source } from '../admin-api.ts';
import { AdminSectionHeader } from '../AdminSectionHeader.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { EditButton, NameCell } from '../AdminRow.tsx';
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
          <DataTable
            label="Sources"
            minWidth={800}
            columns={['Name', 'Agency', 'Default markings', 'Partner sharing', 'Status', 'Actions']}
          >
            {items.map((s) => (
              <Table.Tr key={s.id}>
                <NameCell name={s.name} detail={s.description} />
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
                  <EditButton
                    name={s.name}
                    onEdit={() => {
                      setEditing(s);
                    }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </DataTable>
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
