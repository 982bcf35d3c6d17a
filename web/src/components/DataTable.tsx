import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** A list as a striped table with its column headings, scrolling sideways on narrow screens. */
export function DataTable({
  label,
  minWidth,
  columns,
  children,
}: {
  /** The table's accessible name ("Sources"). */
  label: string;
  minWidth: number;
  columns: readonly string[];
  /** The rows. */
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c}>{c}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
