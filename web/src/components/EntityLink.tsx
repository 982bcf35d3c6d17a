import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The address of a resolved entity's page. */
export const entityPath = (id: string) => `/entities/${id}`;

/** A link to an entity's page (its profile as the viewer may see it). */
export function EntityLink({
  id,
  title,
  children,
}: {
  id: string;
  title?: string;
  children: ReactNode;
}) {
  return (
    <Anchor component={Link} to={entityPath(id)} title={title}>
      {children}
    </Anchor>
  );
}
