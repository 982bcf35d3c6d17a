import { AppShell, Burger, Group, NavLink, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { InboxNavItem } from '../features/inbox/InboxNavItem.tsx';
import { AccountMenu } from './AccountMenu.tsx';
import { PurposeControl } from './PurposeControl.tsx';
import { visibleNavItems } from './nav.ts';
import { useCan } from './session.ts';

/** The signed-in workspace: header with the account menu, navigation by rights, the page. */
export function Layout() {
  const [opened, { toggle }] = useDisclosure();
  const items = visibleNavItems(useCan());
  const { pathname } = useLocation();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 200, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header bg="dark.7" c="gray.0">
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              color="gray.0"
              aria-label="Navigation"
            />
            <Title order={1} size="h4">
              Watchfloor
            </Title>
          </Group>
          <Group gap="xs">
            <PurposeControl />
            <AccountMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        {items.map((item) => {
          const link = (
            <NavLink
              key={item.path}
              component={RouterNavLink}
              to={item.path}
              label={item.label}
              // Filled: the light variant's blue text on its hover tint fails WCAG AA contrast.
              variant="filled"
              active={pathname.startsWith(item.path)}
              onClick={opened ? toggle : undefined}
            />
          );
          return item.path === '/inbox' ? (
            <InboxNavItem key={item.path}>{link}</InboxNavItem>
          ) : (
            link
          );
        })}
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
