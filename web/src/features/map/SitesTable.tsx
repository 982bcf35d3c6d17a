import { Table } from '@mantine/core';
import type { Site } from './geo-queries.ts';
import { sectorName } from './map-clicks.ts';

/** The critical-infrastructure sites drawn on the map (reference data, not protected records). */
export function SitesTable({ sites }: { sites: readonly Site[] }) {
  return (
    <Table striped aria-label="Critical-infrastructure sites">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Site</Table.Th>
          <Table.Th>Sector</Table.Th>
          <Table.Th>Address</Table.Th>
          <Table.Th>Watch radius</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sites.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td>{s.name}</Table.Td>
            <Table.Td>{sectorName(s.sector)}</Table.Td>
            <Table.Td>{s.address ?? '—'}</Table.Td>
            <Table.Td>{s.radiusKm ? `${s.radiusKm} km` : '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
