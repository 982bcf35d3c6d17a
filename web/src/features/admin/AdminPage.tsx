import { Button, Group, Stack, Title } from '@mantine/core';
import type { ComponentType } from 'react';
import { Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
import { useCan } from '../../app/session.ts';
import { EmptyState } from '../../components/States.tsx';
import { ADMIN_SECTIONS } from './admin-sections.ts';
import { AgenciesSection } from './agencies/AgenciesSection.tsx';
import { SharingGroupsSection } from './sharing-groups/SharingGroupsSection.tsx';
import { SourcesSection } from './sources/SourcesSection.tsx';
import { UsersSection } from './users/UsersSection.tsx';

const PAGES: Record<string, ComponentType> = {
  users: UsersSection,
  agencies: AgenciesSection,
  'sharing-groups': SharingGroupsSection,
  sources: SourcesSection,
};

/**
 * Administration: users, agencies, sharing groups and sources, each section listed and
 * reachable only with the rights that act in it (a section without them is "Not found").
 */
export function AdminPage() {
  const can = useCan();
  const { pathname } = useLocation();
  const sections = ADMIN_SECTIONS.filter((s) => s.rights.some(can));
  const first = sections[0];
  return (
    <Stack gap="md">
      <Title order={2}>Administration</Title>
      <Group gap="xs" component="nav" aria-label="Administration sections">
        {sections.map((s) => (
          <Button
            key={s.path}
            component={NavLink}
            to={`/admin/${s.path}`}
            variant={pathname.startsWith(`/admin/${s.path}`) ? 'filled' : 'default'}
          >
            {s.label}
          </Button>
        ))}
      </Group>
      <Routes>
        <Route index element={first ? <Navigate to={first.path} replace /> : <NotFound />} />
        {sections.map((s) => {
          const Page = PAGES[s.path]!;
          return <Route key={s.path} path={s.path} element={<Page />} />;
        })}
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Stack>
  );
}

function NotFound() {
  return <EmptyState title="Not found">There is nothing at this address for you.</EmptyState>;
}
