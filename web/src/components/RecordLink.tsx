import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The address of a record's page. */
export const recordPath = (id: string) => `/records/${id}`;

/**
 * A link to a record's page. `purpose` carries a need to know the user already stated (e.g. in
 * the search that found it), so criminal intelligence opens without asking again.
 */
export function RecordLink({
  id,
  purpose,
  children,
}: {
  id: string;
  purpose?: string;
  children: ReactNode;
}) {
  return (
    <Anchor component={Link} to={recordPath(id)} state={purpose ? { purpose } : undefined}>
      {children}
    </Anchor>
  );
}
